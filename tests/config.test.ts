// The store's configuration: SQLite by default, PostgreSQL with DATABASE_URL, and one line naming
// the variable for anything wrong.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_STORE_FILE, readConfig } from "../src/config.js";

const store = (env: NodeJS.ProcessEnv) => {
  const result = readConfig(env);
  return result.ok ? result.config.store : result.error;
};

describe("the store's configuration", () => {
  it("is a SQLite file beside data/ with nothing set, and FACTDESK_DB elsewhere", () => {
    expect(store({})).toEqual({ location: { engine: "sqlite", file: DEFAULT_STORE_FILE }, retentionDays: 90 });
    expect(DEFAULT_STORE_FILE).toBe(path.resolve(import.meta.dirname, "../var/factdesk.db"));
    expect(store({ FACTDESK_DB: "records/desk.db", FACTDESK_RETENTION_DAYS: "30" })).toEqual({ location: { engine: "sqlite", file: path.resolve("records/desk.db") }, retentionDays: 30 });
  });

  it("is PostgreSQL with DATABASE_URL, which needs the salt every process shares", () => {
    expect(store({ DATABASE_URL: "postgres://factdesk:pw@db.internal:5432/factdesk", FACTDESK_SALT: "0123456789abcdef0123" })).toEqual({
      location: { engine: "postgres", url: "postgres://factdesk:pw@db.internal:5432/factdesk" },
      salt: "0123456789abcdef0123",
      retentionDays: 90,
    });
  });

  it.each([
    [{ DATABASE_URL: "postgres://db/factdesk" }, /^FACTDESK_SALT is required with DATABASE_URL/],
    [{ DATABASE_URL: "mysql://db/factdesk", FACTDESK_SALT: "0123456789abcdef" }, /^DATABASE_URL must be a PostgreSQL URL/],
    [{ DATABASE_URL: "postgres://db/factdesk", FACTDESK_DB: "x.db", FACTDESK_SALT: "0123456789abcdef" }, /^FACTDESK_DB and DATABASE_URL are both set/],
    [{ FACTDESK_SALT: "short" }, /^FACTDESK_SALT must be a secret of at least 16 characters/],
    [{ FACTDESK_RETENTION_DAYS: "0" }, /^FACTDESK_RETENTION_DAYS must be at least 1/],
    [{ FACTDESK_RETENTION_DAYS: "ninety" }, /^FACTDESK_RETENTION_DAYS must be a number of days/],
  ])("refuses %j with one line naming the variable", (env, message) => {
    expect(store(env)).toMatch(message);
  });
});
