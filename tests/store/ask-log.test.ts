// The ask log while the database is down: entries wait (up to a cap, the oldest dropped first, with
// a log line), are retried with backoff, and are written once it is back; nothing is written twice.
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { expect, it } from "vitest";
import { sqlAskLog } from "../../src/store/ask-log.js";
import { saltedHasher } from "../../src/store/asker-hash.js";
import { migrateToLatest } from "../../src/store/migrations.js";
import type { StoreTables } from "../../src/store/tables.js";
import { captureLogs } from "../helpers/log-capture.js";
import { TEST_SALT } from "../helpers/stores.js";
import { waitFor } from "../helpers/wait-for.js";

it("keeps the newest entries up to its cap through an outage, then writes each once", async () => {
  const db = new Kysely<StoreTables>({ dialect: new SqliteDialect({ database: new Database(":memory:") }) });
  await migrateToLatest(db as Kysely<unknown>);
  const logs = captureLogs("debug");
  const log = sqlAskLog(db, saltedHasher(TEST_SALT), "test+0", logs.logger, { delayMs: 5, batchRows: 2, maxQueued: 3, retryMs: 20, maxRetryMs: 40 });
  const entry = (n: number) => ({ id: `ask-${n}`, askedAt: n, platform: "slack", conversation: "C", userId: "U", kind: "ask" as const, text: `question ${n}`, outcome: "no_answer", factIds: [], confidence: 0 });
  try {
    await sql`ALTER TABLE asks RENAME TO asks_away`.execute(db);
    for (let n = 1; n <= 5; n++) log.record(entry(n));
    await waitFor(() => logs.lines().find((line) => line["msg"] === "could not record asks; will retry"), "the failed write");
    expect(logs.lines().some((line) => line["msg"] === "ask log queue full: the oldest unrecorded asks were dropped")).toBe(true);
    await sql`ALTER TABLE asks_away RENAME TO asks`.execute(db);
    await log.flush(5000);
    const written = await db.selectFrom("asks").select("text").orderBy("asked_at").execute();
    expect(written.map((row) => row.text)).toEqual(["question 3", "question 4", "question 5"]);
  } finally {
    await log.close();
    await db.destroy();
  }
});
