// Step 3: score the facts that share a term with the question. A fact scores high when it covers
// everything the question asks (recall), one of its own questions is closely matched (phrasing),
// it is about every entity the question names, and it answers this kind of question.
import { ENGINE_CONFIG } from "./config.js";
import { termWeight, type FactIndex, type IndexedFact } from "./fact-index.js";
import type { QuestionType, Understanding } from "./understand.js";

export interface Candidate {
  factIndex: number;
  score: number;
}

export function rankFacts(question: Understanding, index: FactIndex): Candidate[] {
  if (question.terms.length === 0) return [];
  const weights = question.terms.map((term) => termWeight(term, index.idf.get(term) ?? index.unknownIdf));
  const total = weights.reduce((sum, weight) => sum + weight, 0);

  const matched = new Map<number, number>();
  const phrasingMatched = new Map<number, number>();
  question.terms.forEach((term, i) => {
    const weight = weights[i]!;
    for (const factIndex of index.postings.get(term) ?? []) {
      const share = index.facts[factIndex]!.questionTerms.has(term) ? 1 : ENGINE_CONFIG.answerOnlyWeight;
      matched.set(factIndex, (matched.get(factIndex) ?? 0) + weight * share);
    }
    for (const phrasingIndex of index.phrasingPostings.get(term) ?? []) {
      phrasingMatched.set(phrasingIndex, (phrasingMatched.get(phrasingIndex) ?? 0) + weight);
    }
  });

  const bestPhrasing = new Map<number, number>();
  for (const [phrasingIndex, weight] of phrasingMatched) {
    const factIndex = index.phrasingFact[phrasingIndex]!;
    const share = Math.min(1, weight / index.phrasingWeight[phrasingIndex]!);
    if (share > (bestPhrasing.get(factIndex) ?? 0)) bestPhrasing.set(factIndex, share);
  }

  const candidates: Candidate[] = [];
  for (const [factIndex, weight] of matched) {
    const entry = index.facts[factIndex]!;
    const recall = weight / total;
    const phrasing = ENGINE_CONFIG.phrasingBase + (1 - ENGINE_CONFIG.phrasingBase) * (bestPhrasing.get(factIndex) ?? 0);
    const score =
      recall * phrasing * entityAgreement(question, entry) * typeAgreement(question.type, entry.types) * measureAgreement(question, entry);
    candidates.push({ factIndex, score });
  }
  return candidates.sort((a, b) => b.score - a.score || a.factIndex - b.factIndex);
}

/** Each entity or out-of-scope place the question names that the fact is not about costs a factor. */
export function entityAgreement(question: Understanding, entry: IndexedFact): number {
  const missing = question.entities.filter((entityId) => !entry.entities.has(entityId)).length + question.elsewhere.length;
  return ENGINE_CONFIG.entityMismatch ** missing;
}

export function typeAgreement(asked: QuestionType, answers: ReadonlySet<QuestionType>): number {
  if (answers.has(asked)) return 1;
  if (asked === "what" || asked === "yesno") return answers.has("what") || answers.has("yesno") ? 1 : ENGINE_CONFIG.looseTypeMismatch;
  return ENGINE_CONFIG.typeMismatch;
}

/** "How many attacks": prefer the fact whose count is a count of attacks over one that mentions attacks. */
export function measureAgreement(question: Understanding, entry: IndexedFact): number {
  const measured = entry.measures.get(question.type);
  if (question.type === "what" || question.type === "yesno" || question.type === "why") return 1;
  return measured && question.terms.some((term) => measured.has(term)) ? 1 : ENGINE_CONFIG.measureMismatch;
}
