// Runs an evaluation set through the engine and reports what it got right (the evaluation test prints it).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Engine } from "../../src/answers/engine.js";

export interface EvaluationSet {
  answerable: [string, string][];
  unanswerable: string[];
}

export interface EvaluationReport {
  answerableAccuracy: number;
  unanswerableAccuracy: number;
  misses: string[];
  counts: { answerable: number; unanswerable: number };
}

export function readEvaluationSet(file: string): EvaluationSet {
  return parse(readFileSync(file, "utf8")) as EvaluationSet;
}

export function evaluate(engine: Engine, set: EvaluationSet): EvaluationReport {
  const misses: string[] = [];
  let answeredRight = 0;
  for (const [question, factId] of set.answerable) {
    const result = engine.ask(question);
    if (result.status === "answered" && result.factIds[0] === factId) answeredRight++;
    else misses.push(`"${question}": wanted ${factId}, got ${result.status} ${result.factIds.join(",")} (${result.confidence})`);
  }
  let declined = 0;
  for (const question of set.unanswerable) {
    const result = engine.ask(question);
    if (result.status !== "answered") declined++;
    else misses.push(`"${question}": should not answer, answered ${result.factIds[0]} (${result.confidence})`);
  }
  return {
    answerableAccuracy: answeredRight / set.answerable.length,
    unanswerableAccuracy: declined / set.unanswerable.length,
    misses,
    counts: { answerable: set.answerable.length, unanswerable: set.unanswerable.length },
  };
}
