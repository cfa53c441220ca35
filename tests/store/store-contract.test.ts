// One contract for the store, run against every real engine: SQLite, PGlite and (in CI) a
// PostgreSQL server. Two stores opened on one database stand for two FactDesk processes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskEntry } from "../../src/store/ask-log.js";
import { CLAIM_POLICY } from "../../src/store/delivery-claims.js";
import type { Store } from "../../src/store/store.js";
import { captureLogs } from "../helpers/log-capture.js";
import { DATABASES, openTestStore, type TestDatabase } from "../helpers/stores.js";
import { waitFor } from "../helpers/wait-for.js";

const DAY = 24 * 60 * 60_000;
const START = Date.UTC(2026, 10, 20, 12, 0, 0);

let askCounter = 0;
function ask(overrides: Partial<AskEntry> = {}): AskEntry {
  askCounter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(askCounter).padStart(12, "0")}`,
    askedAt: START,
    platform: "slack",
    conversation: "TNEWSROOM:CNEWSDESK:1700000000.000100",
    userId: "UREPORTER1",
    kind: "ask",
    text: "How many US troops are in Jordan?",
    outcome: "no_answer",
    factIds: [],
    confidence: 0.31,
    ...overrides,
  };
}

/** Every row of every table as text, read with the engine's own driver. */
async function everyRow(database: TestDatabase): Promise<string> {
  const tables = ["asks", "votes", "delivery_claims", "rate_counts", "conversations"];
  if (database.location.engine === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const sqlite = new Database(database.location.file, { readonly: true });
    try {
      return tables.map((table) => JSON.stringify(sqlite.prepare(`SELECT * FROM ${table}`).all())).join("\n");
    } finally {
      sqlite.close();
    }
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: database.location.url });
  await client.connect();
  try {
    const dumps = [];
    for (const table of tables) dumps.push(JSON.stringify((await client.query(`SELECT * FROM ${table}`)).rows));
    return dumps.join("\n");
  } finally {
    await client.end();
  }
}

describe.each(DATABASES)("the store on %s", (_name, makeDatabase) => {
  let database: TestDatabase;
  let now = START;
  const clock = () => now;
  let store: Store;
  /** A second process on the same database. */
  let other: Store;

  beforeAll(async () => {
    database = await makeDatabase();
    store = await openTestStore(database, { now: clock });
    other = await openTestStore(database, { now: clock });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await other?.close();
    await database?.drop();
  });

  it("opens an existing database again without re-running its migrations", async () => {
    const again = await openTestStore(database, { now: clock });
    await again.close();
  });

  it("records asks and lists the refused ones for review, oldest first", async () => {
    const refused = ask({ askedAt: START + 2 });
    const answered = ask({ text: "how many attacks?", outcome: "answered", factIds: ["attack-tally"], confidence: 0.93, askedAt: START + 1 });
    const unverifiable = ask({ kind: "check", text: "Iran's leader visited Washington.", outcome: "not_enough_info", confidence: null, askedAt: START + 3 });
    const old = ask({ askedAt: START - 2 * DAY });
    for (const entry of [refused, answered, unverifiable, old]) store.asks.record(entry);
    await store.asks.flush();
    const reviewed = await other.review.refusedOrDisliked(START - DAY);
    const ours = reviewed.filter((row) => [refused.id, answered.id, unverifiable.id, old.id].includes(row.askId));
    expect(ours.map((row) => row.askId)).toEqual([refused.id, unverifiable.id]);
    expect(ours[0]).toMatchObject({ text: refused.text, outcome: "no_answer", kind: "ask", platform: "slack", confidence: 0.31, factIds: [], downVotes: 0 });
    expect(ours[1]).toMatchObject({ kind: "check", outcome: "not_enough_info", confidence: null });
  });

  it("keeps one vote per person per answer: a second click changes it, and a 👎 can carry a reason", async () => {
    const answered = ask({ text: "how many attacks in Syria?", outcome: "answered", factIds: ["attack-tally"] });
    store.asks.record(answered);
    await store.asks.flush();
    const reporter = { askId: answered.id, platform: "slack", userId: "UREPORTER1" };
    const editor = { askId: answered.id, platform: "slack", userId: "UEDITOR" };
    expect(await store.feedback.vote(reporter, "up")).toEqual({ up: 1, down: 0 });
    expect(await other.feedback.vote(editor, "up")).toEqual({ up: 2, down: 0 });
    expect(await store.feedback.vote(reporter, "down")).toEqual({ up: 1, down: 1 });
    expect(await store.feedback.vote(reporter, "down")).toEqual({ up: 1, down: 1 });
    await other.feedback.explain(reporter, "  The Syria count is out of date.  ");
    const disliked = (await store.review.refusedOrDisliked(START - DAY)).find((row) => row.askId === answered.id);
    expect(disliked).toMatchObject({ outcome: "answered", downVotes: 1, reasons: ["The Syria count is out of date."], factIds: ["attack-tally"] });
    // Changing a 👎 back to 👍 takes the answer off the review, reason and all.
    await store.feedback.vote(reporter, "up");
    expect((await store.review.refusedOrDisliked(START - DAY)).some((row) => row.askId === answered.id)).toBe(false);
  });

  it("answers a Slack delivery once, even when two processes see it at the same moment", async () => {
    const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? other : store).claims.claim("Ev-same-moment")));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await claims.find(Boolean)!.settle();
    expect(await other.claims.claim("Ev-same-moment")).toBeUndefined();
  });

  it("answers a retry after the claimant released it (its answer failed), but not while another holds it", async () => {
    const first = await store.claims.claim("Ev-released");
    expect(first).toBeDefined();
    expect(await other.claims.claim("Ev-released")).toBeUndefined();
    await first!.release();
    expect(await other.claims.claim("Ev-released")).toBeDefined();
  });

  it("answers a retry once the lease of a claimant that died has run out", async () => {
    const dead = await store.claims.claim("Ev-crashed");
    expect(dead).toBeDefined();
    now += CLAIM_POLICY.leaseMs - 1;
    expect(await other.claims.claim("Ev-crashed")).toBeUndefined();
    now += 2;
    const taken = await other.claims.claim("Ev-crashed");
    expect(taken).toBeDefined();
    // The claimant that was presumed dead can no longer settle or release what it lost.
    await dead!.release();
    expect(await store.claims.claim("Ev-crashed")).toBeUndefined();
    await taken!.settle();
    now += CLAIM_POLICY.leaseMs * 10;
    expect(await store.claims.claim("Ev-crashed")).toBeUndefined();
    now += CLAIM_POLICY.rememberMs;
    expect(await store.claims.claim("Ev-crashed")).toBeDefined();
  });

  it("holds one rate limit across processes, then lets the person ask again as the window slides", async () => {
    const policy = { requests: 5, windowMs: 60_000 };
    now = Math.ceil(now / policy.windowMs) * policy.windowMs + 1000;
    const here = store.rateLimiter("slack", policy);
    const there = other.rateLimiter("slack", policy);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? there : here).allow("UHASTY")));
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(await here.allow("UCALM")).toBe(true);
    expect(await there.allow("UHASTY")).toBe(false);
    // The same person on another platform is counted separately.
    expect(await other.rateLimiter("discord", policy).allow("UHASTY")).toBe(true);
    now += 2 * policy.windowMs;
    expect(await there.allow("UHASTY")).toBe(true);
  });

  it("shares conversation context between processes until it expires", async () => {
    const here = store.conversations<{ lastFacts: string[]; turn: number }>({ ttlMs: 60_000 });
    const there = other.conversations<{ lastFacts: string[]; turn: number }>({ ttlMs: 60_000 });
    expect(await there.get("slack:T1:C1:1700000000.000100")).toBeUndefined();
    await here.set("slack:T1:C1:1700000000.000100", { lastFacts: ["attack-tally"], turn: 1 });
    expect(await there.get("slack:T1:C1:1700000000.000100")).toEqual({ lastFacts: ["attack-tally"], turn: 1 });
    await there.set("slack:T1:C1:1700000000.000100", { lastFacts: ["troop-levels"], turn: 2 });
    expect(await here.get("slack:T1:C1:1700000000.000100")).toEqual({ lastFacts: ["troop-levels"], turn: 2 });
    await here.set("discord:dm:42", { lastFacts: [], turn: 1 }, now + 10);
    now += 11;
    expect(await there.get("discord:dm:42")).toBeUndefined();
    now += 60_000;
    expect(await there.get("slack:T1:C1:1700000000.000100")).toBeUndefined();
  });

  it("deletes asks and votes past retention, and expired claims, counts and context", async () => {
    const old = ask({ askedAt: now - 91 * DAY });
    const recent = ask({ askedAt: now - 89 * DAY });
    store.asks.record(old);
    store.asks.record(recent);
    await store.asks.flush();
    await store.feedback.vote({ askId: old.id, platform: "slack", userId: "UOLD" }, "down");
    const purged = await other.purge();
    expect(purged.asks).toBeGreaterThanOrEqual(1);
    expect(purged.votes).toBeGreaterThanOrEqual(1);
    expect(purged.expired).toBeGreaterThan(0);
    const left = (await store.review.refusedOrDisliked(0)).map((row) => row.askId);
    expect(left).toContain(recent.id);
    expect(left).not.toContain(old.id);
  });

  it("never keeps a raw user id or conversation key", async () => {
    store.asks.record(ask({ userId: "URAWIDCHECK", conversation: "TRAW:CRAWCHANNEL:1700000999.000100" }));
    await store.asks.flush();
    await store.feedback.vote({ askId: ask().id, platform: "discord", userId: "URAWIDCHECK" }, "up");
    await store.rateLimiter("slack", { requests: 10, windowMs: 60_000 }).allow("URAWIDCHECK");
    await store.conversations().set("TRAW:CRAWCHANNEL:1700000999.000100", { ok: true });
    const rows = await everyRow(database);
    expect(rows).toContain("How many US troops are in Jordan?");
    expect(rows).not.toContain("URAWIDCHECK");
    expect(rows).not.toContain("CRAWCHANNEL");
  });

  it("logs a failed write without losing the answer's record: it is written once the database is back", async () => {
    const logs = captureLogs("debug");
    const flaky = await openTestStore(database, { now: clock, logger: logs.logger });
    try {
      const entry = ask({ text: "written after an outage", askedAt: now });
      await setAsksTableAway(database, true);
      flaky.asks.record(entry);
      await waitFor(() => logs.lines().find((line) => line["msg"] === "could not record asks; will retry"), "the failed write's log line");
      await setAsksTableAway(database, false);
      await flaky.asks.flush(10_000);
      expect((await store.review.refusedOrDisliked(now - 1)).map((row) => row.text)).toContain("written after an outage");
    } finally {
      await setAsksTableAway(database, false).catch(() => undefined);
      await flaky.close();
    }
  }, 20_000);
});

/** Takes the asks table away (renames it) to make writes fail as an outage would, and back. */
async function setAsksTableAway(database: TestDatabase, away: boolean): Promise<void> {
  const [from, to] = away ? ["asks", "asks_away"] : ["asks_away", "asks"];
  if (database.location.engine === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const sqlite = new Database(database.location.file);
    try {
      sqlite.exec(`ALTER TABLE ${from} RENAME TO ${to}`);
    } finally {
      sqlite.close();
    }
    return;
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: database.location.url });
  await client.connect();
  try {
    await client.query(`ALTER TABLE ${from} RENAME TO ${to}`);
  } finally {
    await client.end();
  }
}
