// Configuration as an operator writes it: every malformed value is one line naming the variable.
// The store's: SQLite by default, PostgreSQL with DATABASE_URL.
import { generateKeyPairSync } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_STORE_FILE, readConfig } from "../src/config.js";
import { APP_ID } from "./helpers/fake-discord.js";
import { SIGNING_SECRET } from "./helpers/fake-slack.js";

const slackHttp = { SLACK_BOT_TOKEN: "xoxb-1111-2222-testtokenvalue", SLACK_SIGNING_SECRET: SIGNING_SECRET };
const realPublicKey = generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");

describe("readConfig", () => {
  it.each([
    ["PORT=1e3", { ...slackHttp, PORT: "1e3" }, "PORT must be a port number (digits only, 1 to 65535)"],
    ["PORT=0x1F90", { ...slackHttp, PORT: "0x1F90" }, "PORT must be a port number (digits only, 1 to 65535)"],
    ["PORT=70000", { ...slackHttp, PORT: "70000" }, "PORT must be a port number (digits only, 1 to 65535)"],
    ["SLACK_BOT_TOKEN=xoxb-", { ...slackHttp, SLACK_BOT_TOKEN: "xoxb-" }, "SLACK_BOT_TOKEN must be the Bot User OAuth Token (xoxb- and the rest of the token)"],
    ["SLACK_APP_TOKEN=xapp-", { SLACK_BOT_TOKEN: slackHttp.SLACK_BOT_TOKEN, SLACK_APP_TOKEN: "xapp-" }, "SLACK_APP_TOKEN must be an app-level token with connections:write (xapp- and the rest of the token)"],
    ["a file:// SLACK_API_URL", { ...slackHttp, SLACK_API_URL: "file:///etc/slack" }, "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/"],
    ["a file:// DISCORD_API_URL", { DISCORD_TOKEN: "aaa.bbb.ccc", DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: "file:///discord" }, "DISCORD_API_URL must be an http(s) URL such as https://discord.com/api"],
    [
      "a 64-hex DISCORD_PUBLIC_KEY that names no curve point",
      { DISCORD_PUBLIC_KEY: "ff".repeat(32), DISCORD_APPLICATION_ID: APP_ID },
      "DISCORD_PUBLIC_KEY is not a valid Ed25519 public key: copy the Public Key from General Information again",
    ],
    [
      "the all-zero DISCORD_PUBLIC_KEY (a small-order point OpenSSL would verify forged signatures with)",
      { DISCORD_PUBLIC_KEY: "00".repeat(32), DISCORD_APPLICATION_ID: APP_ID },
      "DISCORD_PUBLIC_KEY is not a valid Ed25519 public key: copy the Public Key from General Information again",
    ],
  ])("refuses %s, naming the variable", (_name, env, error) => {
    expect(readConfig(env)).toEqual({ ok: false, error });
  });

  it("accepts a plain port, a real Public Key and an https API URL", () => {
    const slack = readConfig({ ...slackHttp, PORT: "8080", SLACK_API_URL: "https://slack.com/api/" });
    expect(slack).toMatchObject({ ok: true, config: { port: 8080, slack: { mode: "http", apiUrl: "https://slack.com/api/" } } });
    expect(readConfig({ DISCORD_PUBLIC_KEY: realPublicKey, DISCORD_APPLICATION_ID: APP_ID })).toMatchObject({ ok: true, config: { port: 3000, discord: { mode: "http" } } });
  });
});

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

describe("a conversation's lifetime", () => {
  const lifetime = (env: NodeJS.ProcessEnv) => {
    const result = readConfig(env);
    return result.ok ? result.config.conversationTtlMs : result.error;
  };

  it("is 30 minutes unless FACTDESK_CONVERSATION_MINUTES says otherwise", () => {
    expect(lifetime({})).toBe(30 * 60_000);
    expect(lifetime({ FACTDESK_CONVERSATION_MINUTES: "" })).toBe(30 * 60_000);
    expect(lifetime({ FACTDESK_CONVERSATION_MINUTES: "90" })).toBe(90 * 60_000);
  });

  it.each([
    ["0", /^FACTDESK_CONVERSATION_MINUTES must be at least 1/],
    ["half an hour", /^FACTDESK_CONVERSATION_MINUTES must be a number of minutes/],
    ["2.5", /^FACTDESK_CONVERSATION_MINUTES must be a whole number of minutes/],
    ["2000", /^FACTDESK_CONVERSATION_MINUTES must be at most 1440/],
  ])("refuses %j with one line naming the variable", (value, message) => {
    expect(lifetime({ FACTDESK_CONVERSATION_MINUTES: value })).toMatch(message);
  });
});
