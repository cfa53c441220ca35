// One size of the benchmark, in its own process so that its memory and timings are its own:
// `node --expose-gc --import tsx bench/measure-size.ts <facts> [--naive]` (0 = the real knowledge
// base) prints one JSON row; --naive also times the naive Fuse.js engine (up to 10,000 facts).
// bench/run.ts runs it three times for every size.
import Fuse from "fuse.js";
import { createEngine } from "../src/answers/engine.js";
import { loadEnglishWords } from "../src/answers/words/english-words.js";
import { openWordNet } from "../src/answers/words/wordnet.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { mb, timeEach, type Latency } from "./measure.js";
import { CLAIMS, QUESTIONS } from "./mix.js";
import { syntheticKnowledge } from "./synthetic.js";

export interface SizeRow {
  facts: number;
  buildMs: number;
  heapMB: number;
  rssMB: number;
  ask: Latency;
  check: Latency;
  questionsPerSecond: number;
  naive?: Latency;
  naiveOverOursP50?: number;
  naiveOverOursP99?: number;
}

/**
 * Rounds of the question mix per size: enough samples for a steady p99 in reasonable time. The
 * claim mix has 6 texts, so 40 rounds give 240 samples, where the p99 is not simply the maximum.
 */
const roundsFor = (facts: number) => (facts <= 1_000 ? 100 : facts <= 10_000 ? 50 : 40);

const size = Number(process.argv[2] ?? 0);
const withNaive = process.argv.includes("--naive");
const loaded = loadKnowledge();
if (!loaded.ok) throw new Error("data/ does not load; run npm run validate");
const knowledge = size === 0 ? loaded.knowledge : syntheticKnowledge(loaded.knowledge, size);
const resources = { isEnglishWord: loadEnglishWords(), wordNet: openWordNet() };
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const buildStart = performance.now();
const engine = createEngine(knowledge, resources);
const buildMs = performance.now() - buildStart;
globalThis.gc?.();
const memory = process.memoryUsage();
const rounds = roundsFor(knowledge.facts.length);
const ask = timeEach((q) => engine.ask(q), QUESTIONS, rounds);
const check = timeEach((c) => engine.check(c), CLAIMS, rounds);
const row: SizeRow = {
  facts: knowledge.facts.length,
  buildMs: Math.round(buildMs),
  heapMB: mb(memory.heapUsed - heapBefore),
  rssMB: mb(memory.rss),
  ask,
  check,
  questionsPerSecond: Math.round(1000 / ask.mean),
};
if (withNaive && size <= 10_000) {
  // The naive engine: Fuse.js defaults over every fact's questions and answer. It is slow, so it
  // gets fewer rounds (and no warm-up at 10,000 facts, where one round takes about 20 seconds).
  const fuse = new Fuse(knowledge.facts, { keys: ["questions", "answer"] });
  row.naive = timeEach((q) => fuse.search(q), QUESTIONS, size >= 10_000 ? 1 : size >= 1_000 ? 3 : 20, size >= 10_000 ? 0 : 16);
  row.naiveOverOursP50 = Math.round(row.naive.p50 / ask.p50);
  row.naiveOverOursP99 = Math.round(row.naive.p99 / ask.p99);
}
process.stdout.write(`${JSON.stringify(row)}\n`);
