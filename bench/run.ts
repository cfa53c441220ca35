// npm run bench: index build time, memory and per-question latency for the real knowledge base and
// synthetic ones of 1,000 to 100,000 facts (each in three fresh processes; figures are medians),
// beside a naive Fuse.js engine; process start to first answer; a follow-up beside a fresh question
// (bench/conversation.ts); the Slack app end to end; and what
// the store adds to an answer on SQLite and PostgreSQL (bench/store.ts).
// Prints a table and writes bench/results.json. Reports only: nothing here is asserted.
// BENCH_SIZES=1000,10000 measures fewer synthetic sizes. Load and faults are `npm run soak`
// (bench/soak.ts): 3,000 signed mentions 50 at a time (acked within 3 s, answers per mention),
// then memory after 30,000 requests, and the rate limiter's cost per call.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { createEngine } from "../src/answers/engine.js";
import { loadEnglishWords } from "../src/answers/words/english-words.js";
import { openWordNet } from "../src/answers/words/wordnet.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import type { Latency } from "./measure.js";
import type { SizeRow } from "./measure-size.js";
import { QUESTIONS } from "./mix.js";
import { conversationBench } from "./conversation.js";
import { slackRoundTrips } from "./slack-round-trip.js";
import { storeBench } from "./store.js";

const SIZES = [0, ...(process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number)];
const SLACK_REQUESTS = 1000;
const node = (args: string[]) => execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24 });

// The VM is noisy (one run's figures can be half again another's), so each size runs in three
// fresh processes and every figure is the median of the three; the first also times naive Fuse.js.
const RUNS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medianLatency = (latencies: Latency[]): Latency => ({
  p50: median(latencies.map((l) => l.p50)),
  p99: median(latencies.map((l) => l.p99)),
  max: median(latencies.map((l) => l.max)),
  mean: median(latencies.map((l) => l.mean)),
});
const rows = SIZES.map((size) => {
  const runs = Array.from({ length: RUNS }, (_, run) => {
    const args = ["--expose-gc", "--import", "tsx", "bench/measure-size.ts", String(size), ...(run === 0 ? ["--naive"] : [])];
    return JSON.parse(node(args)) as SizeRow;
  });
  const ask = medianLatency(runs.map((r) => r.ask));
  const row: SizeRow & { buildMsRuns: number[] } = {
    facts: runs[0]!.facts,
    buildMs: median(runs.map((r) => r.buildMs)),
    buildMsRuns: runs.map((r) => r.buildMs),
    heapMB: median(runs.map((r) => r.heapMB)),
    rssMB: median(runs.map((r) => r.rssMB)),
    ask,
    check: medianLatency(runs.map((r) => r.check)),
    questionsPerSecond: Math.round(1000 / ask.mean),
  };
  const naive = runs[0]!.naive;
  if (naive) Object.assign(row, { naive, naiveOverOursP50: Math.round(naive.p50 / ask.p50), naiveOverOursP99: Math.round(naive.p99 / ask.p99) });
  console.error(`measured ${row.facts} facts (builds: ${row.buildMsRuns.join(", ")} ms)`);
  return row;
});

// Process start to first answer: the CLI answering one question, from spawn to exit (median of 5),
// run the way the npm scripts run it.
const startTimes = Array.from({ length: 5 }, () => {
  const start = performance.now();
  node(["--import", "tsx", "src/cli.ts", "ask", "how many attacks"]);
  return performance.now() - start;
}).sort((a, b) => a - b);
const startToFirstAnswerMs = Math.round(startTimes[2]!);

console.error(`timing ${SLACK_REQUESTS} Slack round trips`);
const loaded = loadKnowledge();
if (!loaded.ok) throw new Error("data/ does not load; run npm run validate");
const engine = createEngine(loaded.knowledge, { isEnglishWord: loadEnglishWords(), wordNet: openWordNet() });
const conversation = conversationBench(engine);
const slack = await slackRoundTrips(engine, QUESTIONS, SLACK_REQUESTS);
const stores = await storeBench(engine, SLACK_REQUESTS);

const fmt = (t?: Latency) => (t ? `${t.p50.toFixed(3)} / ${t.p99.toFixed(3)} / ${t.max.toFixed(2)}` : "-");
console.log("| facts | build ms | heap MB | RSS MB | ask p50 / p99 / max ms | questions/s | check p50 / p99 / max ms | naive Fuse p50 / p99 / max ms | naive ÷ ours p50, p99 |");
console.log("| ---: | ---: | ---: | ---: | --- | ---: | --- | --- | --- |");
for (const r of rows) {
  const ratio = r.naiveOverOursP50 ? `${r.naiveOverOursP50}x, ${r.naiveOverOursP99}x` : "-";
  console.log(`| ${r.facts} | ${r.buildMs} | ${r.heapMB} | ${r.rssMB} | ${fmt(r.ask)} | ${r.questionsPerSecond} | ${fmt(r.check)} | ${fmt(r.naive)} | ${ratio} |`);
}
console.log(`\nEach figure is the median of ${RUNS} processes per size. Builds (ms): ${rows.map((r) => `${r.facts} facts ${r.buildMsRuns.join(", ")}`).join("; ")}`);
console.log(`Process start to first answer (node --import tsx src/cli.ts ask, median of 5): ${startToFirstAnswerMs} ms`);
console.log(`Conversations (real facts): a fresh message p50 / p99 / max ${fmt(conversation.fresh)} ms; a follow-up read against its context, context stored as JSON, ${fmt(conversation.followUp)} ms; context ${conversation.contextBytes.p50} bytes at p50, ${conversation.contextBytes.max} at most`);
console.log(`Slack HTTP mode, signed @mention to chat.postMessage on loopback, ${SLACK_REQUESTS} requests: p50 ${slack.p50.toFixed(2)} ms, p99 ${slack.p99.toFixed(2)} ms, max ${slack.max.toFixed(2)} ms`);
console.log("\n| store | before the answer (claim + rate limit) p50 / p99 / max ms | its CPU time p50 / p99 / max ms | write per ask, after the answer, ms | Slack without / with the store, p50 ms | p99 ms | added at p50, p99 ms |");
console.log("| --- | --- | --- | ---: | --- | --- | --- |");
for (const { engine: name, beforeAnswer, beforeAnswerCpu, writePerAskMs, slack: s } of stores) {
  const added = `${(s.with.p50 - s.without.p50).toFixed(2)}, ${(s.with.p99 - s.without.p99).toFixed(2)}`;
  console.log(`| ${name} | ${fmt(beforeAnswer)} | ${fmt(beforeAnswerCpu)} | ${writePerAskMs.toFixed(3)} | ${s.without.p50.toFixed(2)} / ${s.with.p50.toFixed(2)} | ${s.without.p99.toFixed(2)} / ${s.with.p99.toFixed(2)} | ${added} |`);
}
writeFileSync(
  "bench/results.json",
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, rows, startToFirstAnswerMs, conversation, slack: { requests: SLACK_REQUESTS, ...slack }, stores }, null, 2)}\n`,
);
