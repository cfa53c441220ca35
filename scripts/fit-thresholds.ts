// Fits the decision's two thresholds (ENGINE_CONFIG.minScoreToAnswer and clarifyRatio) on labelled
// questions: the project's own evaluation set (tests/answers/evaluation-set.yaml: the fact each
// question must be answered with, or none) and the shared development set (../shared/eval/
// dev-set.jsonl: keyword groups an answer must hold, or none), when it is there. A grid search:
// every pair is scored by right answers minus WRONG_COST for each wrong one (an answer with the
// wrong fact, or to a question the sources don't cover), since a wrong answer is the worst outcome.
//
//   node --import tsx scripts/fit-thresholds.ts          # the grid's best pairs and the confusion table
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { composeAnswers } from "../src/answers/compose.js";
import { buildEngineParts, workThrough, type EngineParts } from "../src/answers/engine.js";
import { cleanChatText } from "../src/answers/normalize.js";
import { loadEnglishWords } from "../src/answers/words/english-words.js";
import { openWordNet } from "../src/answers/words/wordnet.js";
import { loadKnowledge } from "../src/knowledge/load.js";

/** How much worse a wrong answer is than a refusal of a question the sources answer. */
const WRONG_COST = 3;
const MIN_SCORES = [0.4, 0.45, 0.5, 0.55];
const CLARIFY_RATIOS = [0.9, 0.95];
const CLEAR_SCORES = [0.3, 0.35, 0.4, 0.45];
const CLEAR_MARGINS = [1.6, 2, 2.5];

interface Labelled {
  question: string;
  /** The right answer: a fact id, keyword groups, or nothing (the sources don't cover it). */
  expect: { factId: string } | { keywords: string[][] } | "no_answer";
}

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error("data/ does not load; run npm run validate");
const parts = buildEngineParts(loaded.knowledge, { isEnglishWord: loadEnglishWords(), wordNet: openWordNet() });
const root = path.resolve(import.meta.dirname, "..");
const sets: { name: string; items: Labelled[] }[] = [{ name: "own", items: ownSet() }];
const dev = path.join(root, "../shared/eval/dev-set.jsonl");
if (existsSync(dev)) sets.push({ name: "dev", items: devSet(dev) });
// The independent tuning set (written by people who never saw the knowledge base); its sealed twin is never read here.
const tune = path.join(root, "tests/answers/independent/tune-set.jsonl");
if (existsSync(tune)) sets.push({ name: "tune", items: devSet(tune) });

const rows = [];
for (const minScoreToAnswer of MIN_SCORES) {
  for (const clarifyRatio of CLARIFY_RATIOS) {
    for (const minScoreIfClear of CLEAR_SCORES.filter((score) => score <= minScoreToAnswer)) {
      for (const clearMargin of CLEAR_MARGINS) {
        parts.decisions.thresholds = { minScoreToAnswer, clarifyRatio, minScoreIfClear, clearMargin };
        const tally = sets.map(({ items }) => confusion(items, parts));
        const right = tally.reduce((sum, t) => sum + t.right + t.refusedRightly, 0);
        const wrong = tally.reduce((sum, t) => sum + t.wrong + t.answeredUncovered, 0);
        rows.push({ minScoreToAnswer, clarifyRatio, minScoreIfClear, clearMargin, objective: right - WRONG_COST * wrong, tally });
      }
    }
  }
}
rows.sort((a, b) => b.objective - a.objective);
console.log(`| minScoreToAnswer | clarifyRatio | minScoreIfClear | clearMargin | objective | ${sets.map((s) => `${s.name}: right / wrong / refused / clarify / uncovered refused / uncovered answered`).join(" | ")} |`);
console.log(`| ---: | ---: | ---: | ---: | ---: | ${sets.map(() => "---").join(" | ")} |`);
for (const row of rows.slice(0, 10)) {
  console.log(`| ${row.minScoreToAnswer} | ${row.clarifyRatio} | ${row.minScoreIfClear} | ${row.clearMargin} | ${row.objective} | ${row.tally.map((t) => `${t.right} / ${t.wrong} / ${t.refused} / ${t.clarified} / ${t.refusedRightly} / ${t.answeredUncovered}`).join(" | ")} |`);
}

function confusion(items: readonly Labelled[], engine: EngineParts) {
  const tally = { right: 0, wrong: 0, refused: 0, clarified: 0, refusedRightly: 0, answeredUncovered: 0 };
  for (const item of items) {
    const result = composeAnswers(workThrough(cleanChatText(item.question), engine), engine);
    if (item.expect === "no_answer") {
      if (result.status === "answered") tally.answeredUncovered++;
      else tally.refusedRightly++;
      continue;
    }
    if (result.status === "clarify") tally.clarified++;
    else if (result.status === "no_answer") tally.refused++;
    else if ("factId" in item.expect ? result.factIds[0] === item.expect.factId : item.expect.keywords.every((group) => group.some((word) => holds(result.answer, word)))) tally.right++;
    else tally.wrong++;
  }
  return tally;
}

function ownSet(): Labelled[] {
  const set = parse(readFileSync(path.join(root, "tests/answers/evaluation-set.yaml"), "utf8")) as { answerable: [string, string][]; unanswerable: string[] };
  return [...set.answerable.map(([question, factId]) => ({ question, expect: { factId } })), ...set.unanswerable.map((question) => ({ question, expect: "no_answer" as const }))];
}

function devSet(file: string): Labelled[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { kind: string; q: string; expect: string; all?: string[][] })
    .filter((row) => row.kind === "ask")
    .map((row) => ({ question: row.q, expect: row.expect === "answered" ? { keywords: row.all ?? [] } : ("no_answer" as const) }));
}

/** The development set's matching: folded case, numbers without thousands commas, short keywords as whole words. */
function holds(answer: string, keyword: string): boolean {
  const fold = (text: string) =>
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/(?<=\d),(?=\d{3})/g, "")
      .replace(/\b(january|february|march|april|june|july|august|september|october|november|december)\b/g, (month) => month.slice(0, 3))
      .replace(/\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\./g, "$1");
  const word = fold(keyword);
  return /^[a-z0-9.]{1,4}$/.test(word) ? new RegExp(`(?<![a-z0-9])${word.replace(/\./g, "\\.")}(?![a-z0-9])`).test(fold(answer)) : fold(answer).includes(word);
}
