// Retrieval at scale computes its factors from tables, keeps only the best candidates, and may
// read only the facts that use a question's rarest words. These tests hold it to the plain
// definitions: the same factors for every fact, the same top candidates as scoring every fact and
// sorting, on the real knowledge base and on synthetic ones.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFactIndex } from "../../src/answers/fact-index.js";
import { buildLanguage } from "../../src/answers/words/language.js";
import { ENGINE_CONFIG } from "../../src/answers/config.js";
import { entityFactors, measureFactors, rankFacts, typeFactors } from "../../src/answers/retrieve.js";
import { entityAgreement, measureAgreement, rankByDefinition, typeAgreement, type AskedQuestion } from "../../src/answers/score.js";
import { positionsInRanges } from "../../src/answers/narrowing.js";
import { understand } from "../../src/answers/understand.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { syntheticKnowledge } from "../../bench/synthetic.js";
import { realKnowledge, resources } from "../helpers/engine.js";
import { readEvaluationSet } from "../helpers/evaluation.js";

const real = realKnowledge();
const set = readEvaluationSet("tests/answers/evaluation-set.yaml");
// The evaluation questions, and some with words no fact uses, read through WordNet (a slot of several terms).
const questions = [
  "How many American soldiers are stationed in Syria?",
  "What's the tally of assaults on US garrisons?",
  "Which country has been on the receiving end of the retaliation?",
  "How did the premier's trip go down in Washington?",
  ...set.answerable.map(([question]) => question),
  ...set.unanswerable,
].slice(0, 140);

/** The knowledge base's language and index, and the questions as the engine reads them (and ranks them). */
function indexAndQuestions(knowledge: KnowledgeBase) {
  const language = buildLanguage(knowledge, resources());
  const index = buildFactIndex(knowledge.facts, language);
  const asked: AskedQuestion[] = questions.map((question) => {
    const understood = understand(question, language, { correctTypos: true });
    return { ...understood, expansions: understood.question?.asked.map((term) => term.expansions) };
  });
  return { language, index, asked };
}

describe.each([
  ["the real knowledge base", real],
  ["a synthetic knowledge base of 1,000 facts", syntheticKnowledge(real, 1000)],
])("retrieval on %s", (_name, knowledge: KnowledgeBase) => {
  const { language, index, asked } = indexAndQuestions(knowledge);

  it("tabulates the entity, type and measure factors exactly as defined, for every fact", () => {
    const mismatches: string[] = [];
    for (const question of asked) {
      const entity = entityFactors(question, index, new Uint8Array(index.facts.length));
      const type = typeFactors(question.type);
      const measure = measureFactors(question, index, language.places, new Uint8Array(index.facts.length));
      index.facts.forEach((entry, factIndex) => {
        const fact = `${entry.fact.id} for ${JSON.stringify(question.terms)}`;
        if (Math.abs(entity.at(factIndex) - entityAgreement(question, entry, index)) > 1e-12) mismatches.push(`entity: ${fact}`);
        if (type[index.typeMasks[factIndex]!] !== typeAgreement(question.type, entry.types)) mismatches.push(`type: ${fact}`);
        if (measure.at(factIndex) !== measureAgreement(question, entry, language.places)) mismatches.push(`measure: ${fact}`);
      });
      entity.release();
      measure.release();
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  // Every question against every fact by the plain definition: seconds on a busy machine.
  it("ranks as the score's definition does, fact by fact (score.ts: recall, phrasing, names, type, measure)", { timeout: 30_000 }, () => {
    let slotsOfSeveralTerms = 0;
    for (const question of asked.filter((q) => q.terms.length > 0)) {
      if (question.expansions?.some((expansions) => expansions.length > 1)) slotsOfSeveralTerms++;
      const expected = rankByDefinition(question, index, language.places, index.facts.length);
      const ranked = rankFacts(question, index, language.places);
      const cut = expected[ranked.length - 1]?.score ?? 0;
      for (const candidate of ranked) {
        const definition = expected.find((e) => e.factIndex === candidate.factIndex);
        expect(definition, `${question.terms} fact ${candidate.factIndex}`).toBeDefined();
        expect(candidate.score, `${question.terms} fact ${candidate.factIndex}`).toBeCloseTo(definition!.score, 9);
        expect(candidate.recall).toBeCloseTo(definition!.recall, 9);
        expect(candidate.score).toBeGreaterThanOrEqual(cut - 1e-9);
      }
      expect(ranked.length).toBe(Math.min(expected.length, ENGINE_CONFIG.candidatesKept));
    }
    // Words read through several related terms were among the questions.
    expect(slotsOfSeveralTerms).toBeGreaterThan(0);
  });

  it("returns the same best candidates as scoring every fact and sorting", () => {
    for (const question of asked) {
      const ranked = rankFacts(question, index, language.places);
      const everything = rankFacts(question, index, language.places, { limit: index.facts.length });
      expect(ranked).toEqual(everything.slice(0, ENGINE_CONFIG.candidatesKept));
      for (let i = 1; i < everything.length; i++) {
        const [a, b] = [everything[i - 1]!, everything[i]!];
        expect(a.score > b.score || (a.score === b.score && a.factIndex < b.factIndex)).toBe(true);
      }
    }
  });
});

describe.each([
  ["the real knowledge base", real, true],
  ["a synthetic knowledge base of 10,000 facts", syntheticKnowledge(real, 10_000), false],
])("narrowed retrieval on %s", (_name, knowledge: KnowledgeBase, someRefused: boolean) => {
  const { language, index, asked } = indexAndQuestions(knowledge);

  it("narrows a question to its rarest words only when that gives the same best candidates", () => {
    const outcomes = { kept: 0, readEverything: 0 };
    const onNarrowing = (kept: boolean) => void (kept ? outcomes.kept++ : outcomes.readEverything++);
    // As the engine asks (no candidate below the score worth suggesting) and as the fact check does.
    for (const options of [{ minScore: ENGINE_CONFIG.minScoreToSuggest }, { minRecall: 0.3 }, {}]) {
      for (const question of asked) {
        const narrowed = rankFacts(question, index, language.places, { ...options, narrowFrom: 0, onNarrowing });
        const everything = rankFacts(question, index, language.places, { ...options, limit: index.facts.length, narrowFrom: Infinity });
        expect(narrowed, JSON.stringify(question.terms)).toEqual(everything.slice(0, ENGINE_CONFIG.candidatesKept));
      }
    }
    // The test means something only if narrowing both happens and (on the real knowledge base, where
    // common words weigh most) is sometimes refused.
    expect(outcomes.kept).toBeGreaterThan(asked.length / 10);
    if (someRefused) expect(outcomes.readEverything).toBeGreaterThan(0);
  });
});

describe("positionsInRanges", () => {
  it("finds the same entries as a plain filter, however the lists and ranges fall", () => {
    const ascending = (values: number[]) => Int32Array.from([...values].sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 200 }), fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 40 }), (entries, bounds) => {
        const list = ascending(entries);
        // Ranges from the sorted, distinct bounds taken two at a time: [b0, b1), [b2, b3), ...
        const edges = [...new Set(bounds)].sort((a, b) => a - b);
        const lows = Int32Array.from(edges.filter((_, i) => i % 2 === 0 && i + 1 < edges.length));
        const highs = Int32Array.from(edges.filter((_, i) => i % 2 === 1));
        const expected = [...list.keys()].filter((p) => lows.some((low, r) => list[p]! >= low && list[p]! < highs[r]!));
        expect([...positionsInRanges(list, lows, highs)]).toEqual(expected);
      }),
    );
  });
});
