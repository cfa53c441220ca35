// The engine judged on how newsroom staff ask: at least 95% of answerable questions answered with
// the right fact, at least 95% of unanswerable ones left unanswered.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { realEngine } from "../helpers/engine.js";
import { evaluate, readEvaluationSet } from "../helpers/evaluation.js";

const set = readEvaluationSet(path.join(import.meta.dirname, "evaluation-set.yaml"));

describe("the evaluation set", () => {
  it("is big enough to mean something", () => {
    expect(set.answerable.length).toBeGreaterThanOrEqual(150);
    expect(set.unanswerable.length).toBeGreaterThanOrEqual(50);
  });

  it("is answered with the right fact, and left unanswered where the sources are silent", () => {
    const report = evaluate(realEngine(), set);
    console.log(
      `evaluation: answerable ${(report.answerableAccuracy * 100).toFixed(1)}% of ${report.counts.answerable}, ` +
        `unanswerable ${(report.unanswerableAccuracy * 100).toFixed(1)}% of ${report.counts.unanswerable}\n${report.misses.map((m) => `  miss: ${m}`).join("\n")}`,
    );
    expect(report.answerableAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.unanswerableAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("names only facts that exist", () => {
    const ids = new Set(realEngine().knowledge.facts.map((fact) => fact.id));
    expect(set.answerable.filter(([, factId]) => !ids.has(factId))).toEqual([]);
  });
});
