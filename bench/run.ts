// npm run bench: latency, index build time and memory for the real knowledge base and synthetic
// ones of 1,000 to 100,000 facts, beside a naive Fuse.js engine; prints a table and writes
// bench/results.json. Reports only: nothing here is asserted.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import Fuse from "fuse.js";
import { createEngine } from "../src/answers/engine.js";
import { loadEnglishWords } from "../src/answers/english-words.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import type { KnowledgeBase } from "../src/knowledge/types.js";
import { syntheticKnowledge } from "./synthetic.js";

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
const ROUNDS = 20;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
function time(run: (text: string) => unknown, texts: readonly string[], rounds: number) {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) for (const text of texts) {
    const start = process.hrtime.bigint();
    run(text);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples.at(-1)! };
}
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error("data/ does not load; run npm run validate");
const isEnglishWord = loadEnglishWords();
const rows: Record<string, unknown>[] = [];

for (const size of [0, 1_000, 10_000, 100_000]) {
  const knowledge: KnowledgeBase = size === 0 ? loaded.knowledge : syntheticKnowledge(loaded.knowledge, size);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  const engine = createEngine(knowledge, isEnglishWord);
  const buildMs = performance.now() - buildStart;
  globalThis.gc?.();
  const memory = process.memoryUsage();
  const ask = time((q) => engine.ask(q), QUESTIONS, ROUNDS);
  const check = time((c) => engine.check(c), CLAIMS, ROUNDS);
  let naive: { p50: number; p99: number; max: number } | undefined;
  if (size <= 10_000) {
    const fuse = new Fuse(knowledge.facts, { keys: ["questions", "answer"] });
    naive = time((q) => fuse.search(q), QUESTIONS, size >= 10_000 ? 1 : size >= 1_000 ? 2 : ROUNDS);
  }
  rows.push({
    facts: knowledge.facts.length,
    buildMs: Math.round(buildMs),
    heapMB: mb(memory.heapUsed - heapBefore),
    rssMB: mb(memory.rss),
    ask,
    check,
    naive,
    ratioP50: naive ? Math.round(naive.p50 / ask.p50) : undefined,
    ratioP99: naive ? Math.round(naive.p99 / ask.p99) : undefined,
  });
  console.error(`measured ${knowledge.facts.length} facts`);
}

const startStart = performance.now();
execFileSync(path.resolve("node_modules/.bin/tsx"), ["src/cli.ts", "ask", "how many attacks"], { encoding: "utf8" });
const startToFirstAnswerMs = Math.round(performance.now() - startStart);

const fmt = (t?: { p50: number; p99: number; max: number }) => (t ? `${t.p50.toFixed(3)} / ${t.p99.toFixed(3)} / ${t.max.toFixed(2)}` : "-");
console.log("| facts | build ms | heap MB | RSS MB | ask p50/p99/max ms | check p50/p99/max ms | naive Fuse p50/p99/max ms | naive/ours p50, p99 |");
console.log("| ---: | ---: | ---: | ---: | --- | --- | --- | --- |");
for (const row of rows) {
  const r = row as { facts: number; buildMs: number; heapMB: number; rssMB: number; ask: never; check: never; naive: never; ratioP50?: number; ratioP99?: number };
  console.log(`| ${r.facts} | ${r.buildMs} | ${r.heapMB} | ${r.rssMB} | ${fmt(r.ask)} | ${fmt(r.check)} | ${fmt(r.naive)} | ${r.ratioP50 ? `${r.ratioP50}x, ${r.ratioP99}x` : "-"} |`);
}
console.log(`\nProcess start to first answer (tsx src/cli.ts ask): ${startToFirstAnswerMs} ms`);
writeFileSync("bench/results.json", `${JSON.stringify({ date: new Date().toISOString(), rows, startToFirstAnswerMs }, null, 2)}\n`);
