// Step 3: score the facts that share a term with the question. A fact scores high when it covers
// everything the question asks (recall), one of its own questions is closely matched (phrasing),
// it is about every entity the question names, and it answers this kind of question.
import { ENGINE_CONFIG } from "./config.js";
import { termWeight, type FactIndex, type IndexedFact, type Measure } from "./fact-index.js";
import { entityTerm, type QuestionType, type Understanding } from "./understand.js";

export interface Candidate {
  factIndex: number;
  score: number;
  /** The weighted share of the question's terms the fact uses. */
  recall: number;
}

export function rankFacts(question: Understanding, index: FactIndex, places: ReadonlySet<string>): Candidate[] {
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

  // How closely the question and one of the fact's own questions overlap (weighted Jaccard), so
  // "What is Al-Tanf?" prefers the fact asked exactly that over one that also mentions Al-Tanf.
  const bestPhrasing = new Map<number, number>();
  for (const [phrasingIndex, weight] of phrasingMatched) {
    const factIndex = index.phrasingFact[phrasingIndex]!;
    const share = Math.min(1, weight / (total + index.phrasingWeight[phrasingIndex]! - weight));
    if (share > (bestPhrasing.get(factIndex) ?? 0)) bestPhrasing.set(factIndex, share);
  }

  const candidates: Candidate[] = [];
  for (const [factIndex, weight] of matched) {
    const entry = index.facts[factIndex]!;
    const recall = weight / total;
    const phrasing = ENGINE_CONFIG.phrasingBase + (1 - ENGINE_CONFIG.phrasingBase) * (bestPhrasing.get(factIndex) ?? 0);
    const score =
      recall *
      phrasing *
      entityAgreement(question, entry, index) *
      typeAgreement(question.type, entry.types) *
      measureAgreement(question, entry, places);
    candidates.push({ factIndex, score, recall });
  }
  return candidates.sort((a, b) => b.score - a.score || a.factIndex - b.factIndex);
}

/**
 * Each entity the question names that the fact is not about costs a factor: the full
 * entityMismatch for a name few facts share (Lebanon), less for one most facts share (Iraq), since
 * a story-wide name says little about which fact is meant. A place the sources don't cover costs it in full.
 */
export function entityAgreement(question: Understanding, entry: IndexedFact, index: FactIndex): number {
  let agreement = ENGINE_CONFIG.entityMismatch ** question.elsewhere.length;
  for (const entityId of question.entities) {
    if (entry.entities.has(entityId)) continue;
    const share = (index.postings.get(entityTerm(entityId))?.length ?? 0) / index.facts.length;
    agreement *= ENGINE_CONFIG.entityMismatch + (1 - ENGINE_CONFIG.entityMismatch) * share;
  }
  return agreement;
}

export function typeAgreement(asked: QuestionType, answers: ReadonlySet<QuestionType>): number {
  if (answers.has(asked)) return 1;
  if (asked === "what" || asked === "yesno") return answers.has("what") || answers.has("yesno") ? 1 : ENGINE_CONFIG.looseTypeMismatch;
  return ENGINE_CONFIG.typeMismatch;
}

/**
 * "How many attacks in Syria": prefer the fact that counts attacks in Syria over one that only
 * mentions attacks, and decline a fact whose counts are of something else ("Israeli soldiers" is
 * not "people killed in the Hamas raid"). When, where and who questions match the values' subjects.
 */
export function measureAgreement(question: Understanding, entry: IndexedFact, places: ReadonlySet<string>): number {
  if (question.type === "what" || question.type === "yesno" || question.type === "why") return 1;
  const measures = entry.measures.filter((measure) => measure.type === question.type);
  const mentions = (measure: Measure) => question.terms.some((term) => measure.terms.has(term));
  if (question.type !== "count") {
    return measures.length === 0 || measures.some(mentions) ? 1 : ENGINE_CONFIG.measureMismatch;
  }
  if (measures.length === 0) return ENGINE_CONFIG.measureMismatch;
  const askedPlaces = question.entities.filter((entityId) => places.has(entityId));
  const inPlace = (measure: Measure) => !measure.place || askedPlaces.length === 0 || askedPlaces.includes(measure.place);
  const counted = question.counted;
  if (measures.some((measure) => inPlace(measure) && (counted ? measure.terms.has(counted) : mentions(measure)))) return 1;
  return measures.some((measure) => inPlace(measure) && mentions(measure)) ? ENGINE_CONFIG.measureMismatch : ENGINE_CONFIG.wrongCount;
}
