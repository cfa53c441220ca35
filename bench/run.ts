// npm run bench: index build time, memory and per-question latency for the real knowledge base and
// synthetic ones of 1,000 to 100,000 facts, beside a naive Fuse.js engine; process start to first
// answer; and the Slack app end to end. Prints a table and writes bench/results.json. Reports
// only: nothing here is asserted. BENCH_SIZES=1000,10000 measures fewer synthetic sizes.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import Fuse from "fuse.js";
import { createEngine } from "../src/answers/engine.js";
import { loadEnglishWords } from "../src/answers/english-words.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import type { KnowledgeBase } from "../src/knowledge/types.js";
import { mb, summarize, timeEach, type Latency } from "./measure.js";
import { slackRoundTrips } from "./slack-round-trip.js";
import { syntheticKnowledge } from "./synthetic.js";

/** How people ask: paraphrases, typos and shorthand, and questions the sources don't cover. */
const QUESTIONS = [
  "how many attacks", "hw many atacks", "why only syria", "who is al-sudani", "How many injuries have US personnel reported?",
  "When and where did the US retaliate?", "What is Kataib Hezbollah?", "hw many us troops in sirya", "what weapons are the militias using",
  "why is the us response so limited", "How many US troops are in Jordan?", "Who is the prime minister of Israel?",
  "What's the capital of Iraq?", "How many attacks were there in Lebanon?", "who killed qassem suleimani", "what do critics say",
];
const CLAIMS = [
  "All of the US retaliatory strikes were in Syria.", "29 of the attacks were in Iraq.", "The US has about 9,000 troops in Syria.",
  "The attacks began on October 7.", "Iran's supreme leader visited Washington.", "61 attacks, 29 of them in Syria",
];
/** Rounds of the question mix per size: enough samples for a steady p99 in reasonable time. */
const roundsFor = (facts: number) => (facts <= 1_000 ? 100 : facts <= 10_000 ? 30 : 10);
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const SLACK_REQUESTS = 1000;

interface Row {
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

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error("data/ does not load; run npm run validate");
const isEnglishWord = loadEnglishWords();
const rows: Row[] = [];
let realEngine: ReturnType<typeof createEngine> | undefined;

for (const size of [0, ...SIZES]) {
  const knowledge: KnowledgeBase = size === 0 ? loaded.knowledge : syntheticKnowledge(loaded.knowledge, size);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  const engine = createEngine(knowledge, isEnglishWord);
  const buildMs = performance.now() - buildStart;
  globalThis.gc?.();
  const memory = process.memoryUsage();
  if (size === 0) realEngine = engine;
  const rounds = roundsFor(knowledge.facts.length);
  const ask = timeEach((q) => engine.ask(q), QUESTIONS, rounds);
  const check = timeEach((c) => engine.check(c), CLAIMS, rounds);
  const row: Row = { facts: knowledge.facts.length, buildMs: Math.round(buildMs), heapMB: mb(memory.heapUsed - heapBefore), rssMB: mb(memory.rss), ask, check, questionsPerSecond: Math.round(1000 / ask.mean) };
  if (size <= 10_000) {
    // The naive engine: Fuse.js defaults over every fact's questions and answer. It is slow, so it
    // gets fewer rounds (and no warm-up at 10,000 facts, where one round takes about 20 seconds).
    const fuse = new Fuse(knowledge.facts, { keys: ["questions", "answer"] });
    row.naive = timeEach((q) => fuse.search(q), QUESTIONS, size >= 10_000 ? 1 : size >= 1_000 ? 3 : 20, size >= 10_000 ? 0 : 16);
    row.naiveOverOursP50 = Math.round(row.naive.p50 / ask.p50);
    row.naiveOverOursP99 = Math.round(row.naive.p99 / ask.p99);
  }
  rows.push(row);
  console.error(`measured ${row.facts} facts`);
}

// Process start to first answer: the CLI answering one question, from spawn to exit (median of 5),
// run the way the npm scripts run it.
const startTimes = Array.from({ length: 5 }, () => {
  const start = performance.now();
  execFileSync(process.execPath, ["--import", "tsx", "src/cli.ts", "ask", "how many attacks"], { encoding: "utf8" });
  return performance.now() - start;
}).sort((a, b) => a - b);
const startToFirstAnswerMs = Math.round(startTimes[2]!);

console.error(`timing ${SLACK_REQUESTS} Slack round trips`);
const slack = await slackRoundTrips(realEngine!, QUESTIONS, SLACK_REQUESTS);

const fmt = (t?: Latency) => (t ? `${t.p50.toFixed(3)} / ${t.p99.toFixed(3)} / ${t.max.toFixed(2)}` : "-");
console.log("| facts | build ms | heap MB | RSS MB | ask p50 / p99 / max ms | questions/s | check p50 / p99 / max ms | naive Fuse p50 / p99 / max ms | naive ÷ ours p50, p99 |");
console.log("| ---: | ---: | ---: | ---: | --- | ---: | --- | --- | --- |");
for (const r of rows) {
  const ratio = r.naiveOverOursP50 ? `${r.naiveOverOursP50}x, ${r.naiveOverOursP99}x` : "-";
  console.log(`| ${r.facts} | ${r.buildMs} | ${r.heapMB} | ${r.rssMB} | ${fmt(r.ask)} | ${r.questionsPerSecond} | ${fmt(r.check)} | ${fmt(r.naive)} | ${ratio} |`);
}
console.log(`\nProcess start to first answer (node --import tsx src/cli.ts ask, median of 5): ${startToFirstAnswerMs} ms`);
console.log(`Slack HTTP mode, signed @mention to chat.postMessage on loopback, ${SLACK_REQUESTS} requests: p50 ${slack.p50.toFixed(2)} ms, p99 ${slack.p99.toFixed(2)} ms, max ${slack.max.toFixed(2)} ms`);
writeFileSync(
  "bench/results.json",
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: (await import("node:os")).cpus().length, rows, startToFirstAnswerMs, slack: { requests: SLACK_REQUESTS, ...slack } }, null, 2)}\n`,
);
