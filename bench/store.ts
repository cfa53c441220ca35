// What the store costs an answer, on each engine it runs on: SQLite (a file), PGlite (PostgreSQL in
// WebAssembly, served over a local socket from this same process) and, when
// FACTDESK_TEST_DATABASE_URL names one, a PostgreSQL server.
// - before the answer: the delivery claim and the rate-limit count, awaited before answering;
// - after it: writing the ask to the record, in batches once the answer is out (per ask);
// - Slack end to end: the round trip with the store wired as main.ts wires it, taken in turns with
//   the round trip of the same app without a store, so the machine's noise falls on both alike.
// Reports only; nothing is asserted.
import type { Engine } from "../src/answers/engine.js";
import type { AskEntry } from "../src/store/ask-log.js";
import type { Store } from "../src/store/store.js";
import { openTestStore, pglite, postgresServer, POSTGRES_SERVER_URL, sqliteFile, type DatabaseMaker } from "../tests/helpers/stores.js";
import { summarize, type Latency } from "./measure.js";
import { QUESTIONS } from "./mix.js";
import { pairedRoundTrips } from "./slack-round-trip.js";

export interface StoreRow {
  engine: string;
  /** Claim + rate-limit count per answer, ms. */
  beforeAnswer: Latency;
  /** The same span in this process's CPU time (all its threads): what other work on the machine does not inflate. */
  beforeAnswerCpu: Latency;
  /** Writing one ask, amortized over batches written after the answers, ms. */
  writePerAskMs: number;
  /** Slack round trips of the app with this store, taken in turns with those of the app without one. */
  slack: { without: Latency; with: Latency };
}

const ANSWERS = 5000;
/** Untimed first: without it the p99 measures V8 compiling the store's paths (see bench/measure.ts). */
const WARM_UP = 2000;

export async function storeBench(engine: Engine, slackRequests: number): Promise<StoreRow[]> {
  const engines: Array<[string, DatabaseMaker]> = [
    ["SQLite", sqliteFile],
    ["PGlite", pglite],
    ...(POSTGRES_SERVER_URL ? [["PostgreSQL server", postgresServer] as [string, DatabaseMaker]] : []),
  ];
  const rows: StoreRow[] = [];
  for (const [name, make] of engines) {
    console.error(`timing the store on ${name}`);
    const database = await make();
    const store = await openTestStore(database);
    try {
      rows.push({ engine: name, ...(await timeBeforeAnswer(store)), writePerAskMs: await timeWrites(store), slack: await pairedRoundTrips(engine, QUESTIONS, slackRequests, store) });
    } finally {
      await store.close();
      await database.drop();
    }
  }
  return rows;
}

async function timeBeforeAnswer(store: Store): Promise<{ beforeAnswer: Latency; beforeAnswerCpu: Latency }> {
  const limiter = store.rateLimiter("bench", { requests: Number.MAX_SAFE_INTEGER, windowMs: 60_000 });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < WARM_UP + ANSWERS; i++) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    const claim = await store.claims.claim(`bench:event:${i}`);
    await limiter.allow(`UBENCH${i % 40}`);
    const usedCpu = process.cpuUsage(startCpu);
    if (i >= WARM_UP) {
      wall.push(Number(process.hrtime.bigint() - start) / 1e6);
      cpu.push((usedCpu.user + usedCpu.system) / 1000);
    }
    await claim?.settle(); // after the answer, as the Slack app does
    await new Promise((resolve) => setImmediate(resolve)); // between requests, timers run (SQLite's checkpoints among them)
  }
  return { beforeAnswer: summarize(wall), beforeAnswerCpu: summarize(cpu) };
}

async function timeWrites(store: Store): Promise<number> {
  const entry = (i: number): AskEntry => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    askedAt: Date.now(),
    platform: "slack",
    conversation: `TBENCH:CBENCH:${i % 100}`,
    userId: `UBENCH${i % 40}`,
    kind: "ask",
    text: QUESTIONS[i % QUESTIONS.length]!,
    outcome: "answered",
    factIds: ["attack-tally"],
    confidence: 0.9,
  });
  for (let i = 0; i < WARM_UP; i++) store.asks.record(entry(i));
  await store.asks.flush();
  const start = process.hrtime.bigint();
  for (let i = 0; i < ANSWERS; i++) store.asks.record(entry(WARM_UP + i));
  await store.asks.flush(60_000);
  return Number(process.hrtime.bigint() - start) / 1e6 / ANSWERS;
}
