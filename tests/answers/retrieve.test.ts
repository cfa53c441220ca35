// Retrieval at scale computes its factors from tables and keeps only the best candidates. These
// tests hold it to the plain definitions: the same factors for every fact, the same top candidates
// as scoring every fact and sorting, on the real knowledge base and on a synthetic one.
import { describe, expect, it } from "vitest";
import { loadEnglishWords } from "../../src/answers/english-words.js";
import { buildFactIndex } from "../../src/answers/fact-index.js";
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
import { understand } from "../../src/answers/understand.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { syntheticKnowledge } from "../../bench/synthetic.js";
import { realEngine } from "../helpers/engine.js";
import { readEvaluationSet } from "../helpers/evaluation.js";

const real = realEngine().knowledge;
const set = readEvaluationSet("tests/answers/evaluation-set.yaml");
const questions = [...set.answerable.map(([question]) => question), ...set.unanswerable].slice(0, 120);

describe.each([
  ["the real knowledge base", real],
  ["a synthetic knowledge base of 1,000 facts", syntheticKnowledge(real, 1000)],
])("retrieval on %s", (_name, knowledge: KnowledgeBase) => {
  const language = buildLanguage(knowledge, loadEnglishWords());
  const index = buildFactIndex(knowledge.facts, language);
  const asked = questions.map((question) => understand(question, language, { correctTypos: true }));

  it("tabulates the entity, type and measure factors exactly as defined, for every fact", () => {
    const mismatches: string[] = [];
    for (const question of asked) {
      const entity = entityFactors(question, index, new Uint8Array(index.facts.length));
      const type = typeFactors(question.type);
      const measure = measureFactors(question, index, language.places, new Uint8Array(index.facts.length));
      index.facts.forEach((entry, factIndex) => {
        const fact = `${entry.fact.id} for ${JSON.stringify(question.terms)}`;
        if (Math.abs(entity(factIndex) - entityAgreement(question, entry, index)) > 1e-12) mismatches.push(`entity: ${fact}`);
        if (type[index.typeMasks[factIndex]!] !== typeAgreement(question.type, entry.types)) mismatches.push(`type: ${fact}`);
        if (measure(factIndex) !== measureAgreement(question, entry, language.places)) mismatches.push(`measure: ${fact}`);
      });
      entity.release();
      measure.release();
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
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
