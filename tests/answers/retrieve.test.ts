// Retrieval at scale computes its factors from tables, keeps only the best candidates, and may
// read only the facts that use a question's rarest words. These tests hold it to the plain
// definitions: the same factors for every fact, the same top candidates as scoring every fact and
// sorting, on the real knowledge base and on synthetic ones.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadEnglishWords } from "../../src/answers/english-words.js";
import { buildFactIndex, termWeight } from "../../src/answers/fact-index.js";
import { buildLanguage } from "../../src/answers/language.js";
import { ENGINE_CONFIG } from "../../src/answers/config.js";
import {
  entityAgreement,
  entityFactors,
  measureAgreement,
  measureFactors,
  rankFacts,
  typeAgreement,
  typeFactors,
} from "../../src/answers/retrieve.js";
import { positionsInRanges } from "../../src/answers/narrowing.js";
import { understand } from "../../src/answers/understand.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { syntheticKnowledge } from "../../bench/synthetic.js";
import { realEngine } from "../helpers/engine.js";
import { readEvaluationSet } from "../helpers/evaluation.js";

const real = realEngine().knowledge;
const set = readEvaluationSet("tests/answers/evaluation-set.yaml");
const questions = [...set.answerable.map(([question]) => question), ...set.unanswerable].slice(0, 120);

/** The knowledge base's language and index, and the evaluation questions as the engine reads them. */
function indexAndQuestions(knowledge: KnowledgeBase) {
  const language = buildLanguage(knowledge, loadEnglishWords());
  const index = buildFactIndex(knowledge.facts, language);
  return { language, index, asked: questions.map((question) => understand(question, language, { correctTypos: true })) };
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

  it("ranks as the score's definition does, fact by fact (DESIGN.md: recall, phrasing, entities, type, measure)", () => {
    const byFact = (term: string) => new Map(Array.from(index.weightedPostings.get(term)?.facts ?? [], (factIndex, p) => [factIndex, index.weightedPostings.get(term)!.shares[p]!]));
    for (const question of asked.filter((q) => q.terms.length > 0)) {
      const weights = question.terms.map((term) => termWeight(term, index.idf.get(term) ?? index.unknownIdf));
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      const shares = question.terms.map(byFact);
      const overlap = new Map<number, number>(); // phrasing -> weight of the question's terms it uses
      question.terms.forEach((term, t) => {
        for (const phrasing of index.phrasingPostings.get(term) ?? []) overlap.set(phrasing, (overlap.get(phrasing) ?? 0) + weights[t]!);
      });
      const closest = new Map<number, number>();
      for (const [phrasing, weight] of overlap) {
        const factIndex = index.phrasingFact[phrasing]!;
        closest.set(factIndex, Math.max(closest.get(factIndex) ?? 0, Math.min(1, weight / (total + index.phrasingWeight[phrasing]! - weight))));
      }
      const expected = [...new Set(shares.flatMap((share) => [...share.keys()]))]
        .map((factIndex) => {
          const entry = index.facts[factIndex]!;
          const recall = shares.reduce((sum, share, t) => sum + weights[t]! * (share.get(factIndex) ?? 0), 0) / total;
          const phrasing = ENGINE_CONFIG.phrasingBase + (1 - ENGINE_CONFIG.phrasingBase) * (closest.get(factIndex) ?? 0);
          const score = recall * phrasing * entityAgreement(question, entry, index) * typeAgreement(question.type, entry.types) * measureAgreement(question, entry, language.places);
          return { factIndex, score };
        })
        .sort((a, b) => b.score - a.score || a.factIndex - b.factIndex);
      const ranked = rankFacts(question, index, language.places);
      const cut = expected[ranked.length - 1]?.score ?? 0;
      for (const candidate of ranked) {
        const definition = expected.find((e) => e.factIndex === candidate.factIndex)!;
        expect(candidate.score, `${question.terms} fact ${candidate.factIndex}`).toBeCloseTo(definition.score, 9);
        expect(candidate.score).toBeGreaterThanOrEqual(cut - 1e-9);
      }
      expect(ranked.length).toBe(Math.min(expected.length, ENGINE_CONFIG.candidatesKept));
    }
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
  ["the real knowledge base", real],
  ["a synthetic knowledge base of 10,000 facts", syntheticKnowledge(real, 10_000)],
])("narrowed retrieval on %s", (_name, knowledge: KnowledgeBase) => {
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
    // The test means something only if narrowing both happens and is sometimes refused.
    expect(outcomes.kept).toBeGreaterThan(asked.length / 4);
    expect(outcomes.readEverything).toBeGreaterThan(0);
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
