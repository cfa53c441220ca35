// The score, defined once. A fact scores high when it covers what the question asks (recall), one
// of its own questions is closely matched (phrasing), it is about every entity the question names,
// it answers this kind of question, and what it measures is what a count asks about:
//
//   score = recall x (phrasingBase + (1 - phrasingBase) x phrasing) x entities x type x measure
//
// Each of the question's terms is a slot: a term the facts use fills it by itself; a word they don't
// use weighs less, and is filled through the terms it may stand for (WordNet), at their strength. retrieve.ts computes
// the same score fast, over typed arrays; rankByDefinition below is the plain reference it is tested
// against, and --explain shows these factors for the top candidates.
import { ENGINE_CONFIG } from "./config.js";
import { termWeight, type FactIndex, type IndexedFact, type Measure } from "./fact-index.js";
import type { QuestionType } from "./question-forms.js";
import { entityTerm } from "./understand.js";
import type { Expansion } from "./words/language.js";

/** What ranking reads of a question (an Understanding is one). */
export interface AskedQuestion {
  type: QuestionType;
  terms: readonly string[];
  entities: readonly string[];
  elsewhere: readonly string[];
  counted?: string | undefined;
  /** Per term: for a word the knowledge base doesn't use, the terms it may stand for. */
  expansions?: readonly (readonly Expansion[])[] | undefined;
  /** In a who-question, the term of the deed asked about ("use" in "who used the sites"), even a word too light to be a term. */
  deed?: string | undefined;
}

/** One term of the question: its weight in the question, and the fact terms that fill it, each with what it contributes. */
export interface QuerySlot {
  weight: number;
  alternatives: readonly { term: string; contribution: number }[];
}

/** The most each factor can be: narrowing's bound on facts it does not read is their product. */
export const FACTOR_MAXIMA = Object.freeze({ recall: 1, phrasing: 1, entities: 1, type: 1, measure: 1 });

export function querySlots(question: AskedQuestion, index: FactIndex): QuerySlot[] {
  // A word no fact uses weighs a share of the question's typical word (unknownTermWeight): an
  // unfamiliar ordinary word costs a little, in proportion to its share of the question.
  let knownWeight = 0;
  let known = 0;
  for (const term of question.terms) {
    const idf = index.idf.get(term);
    if (idf === undefined) continue;
    knownWeight += termWeight(term, idf);
    known++;
  }
  const unknownWeight = known > 0 ? (knownWeight / known) * ENGINE_CONFIG.unknownTermWeight : index.unknownIdf;
  return question.terms.map((term, t) => {
    const idf = index.idf.get(term);
    if (idf !== undefined) {
      const weight = termWeight(term, idf);
      return { weight, alternatives: [{ term, contribution: weight }] };
    }
    // A related term (WordNet) fills the slot as strongly as the relation is close, never more.
    const alternatives = (question.expansions?.[t] ?? [])
      .filter((expansion) => index.idf.has(expansion.term))
      .map((expansion) => ({ term: expansion.term, contribution: expansion.weight * unknownWeight }));
    return { weight: unknownWeight, alternatives };
  });
}

export interface FactorValues {
  recall: number;
  phrasing: number;
  entities: number;
  type: number;
  measure: number;
}

/** The score of a combination of factors, as the formula above defines it. */
export function combine(factors: FactorValues): number {
  return factors.recall * (ENGINE_CONFIG.phrasingBase + (1 - ENGINE_CONFIG.phrasingBase) * factors.phrasing) * factors.entities * factors.type * factors.measure;
}

/** Every factor of one fact, worked out from the index's lists, fact by fact: the reference. */
export function factorsOf(question: AskedQuestion, slots: readonly QuerySlot[], factIndex: number, index: FactIndex, places: ReadonlySet<string>): FactorValues {
  const entry = index.facts[factIndex]!;
  const total = slots.reduce((sum, slot) => sum + slot.weight, 0);
  let filled = 0;
  const overlap = new Map<number, number[]>(); // phrasing of this fact -> what each slot contributes to it
  slots.forEach((slot, s) => {
    let best = 0;
    for (const { term, contribution } of slot.alternatives) {
      const postings = index.weightedPostings.get(term);
      const at = postings ? postings.facts.indexOf(factIndex) : -1;
      if (at >= 0) best = Math.max(best, contribution * postings!.shares[at]!);
      for (const phrasing of index.phrasingPostings.get(term) ?? []) {
        if (index.phrasingFact[phrasing] !== factIndex) continue;
        const perSlot = overlap.get(phrasing) ?? new Array<number>(slots.length).fill(0);
        perSlot[s] = Math.max(perSlot[s]!, contribution);
        overlap.set(phrasing, perSlot);
      }
    }
    filled += best;
  });
  let phrasing = 0;
  for (const [p, perSlot] of overlap) {
    const weight = perSlot.reduce((sum, value) => sum + value, 0);
    phrasing = Math.max(phrasing, Math.min(1, weight / (total + index.phrasingWeight[p]! - weight)));
  }
  return {
    recall: total > 0 ? filled / total : 0,
    phrasing,
    entities: entityAgreement(question, entry, index),
    type: typeAgreement(question.type, entry.types),
    measure: measureAgreement(question, entry, places),
  };
}

/** Every fact that shares a term with the question, scored by the definition and sorted: what rankFacts must return. */
export function rankByDefinition(question: AskedQuestion, index: FactIndex, places: ReadonlySet<string>, limit: number = ENGINE_CONFIG.candidatesKept): { factIndex: number; score: number; recall: number }[] {
  const slots = querySlots(question, index);
  const touched = new Set<number>();
  for (const slot of slots) for (const { term } of slot.alternatives) for (const factIndex of index.postings.get(term) ?? []) touched.add(factIndex);
  return [...touched]
    .map((factIndex) => {
      const factors = factorsOf(question, slots, factIndex, index, places);
      return { factIndex, score: combine(factors), recall: factors.recall };
    })
    .sort((a, b) => b.score - a.score || a.factIndex - b.factIndex)
    .slice(0, limit);
}

/**
 * Each entity the question names that the fact is not about costs a factor: the full
 * entityMismatch for a name few facts share (Lebanon), less for one most facts share (Iraq), since
 * a story-wide name says little about which fact is meant. A place the sources don't cover costs it in full.
 */
export function entityAgreement(question: AskedQuestion, entry: IndexedFact, index: FactIndex): number {
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
  const loose = (type: QuestionType) => type === "what" || type === "yesno" || type === "how";
  if (loose(asked)) return [...answers].some(loose) ? 1 : ENGINE_CONFIG.looseTypeMismatch;
  return ENGINE_CONFIG.typeMismatch;
}

/**
 * "How many attacks in Syria": prefer the fact that counts attacks in Syria over one that only
 * mentions attacks, and decline a fact whose counts are of something else ("Israeli soldiers" is
 * not "people killed in the Hamas raid"). When, where and who questions match the values' subjects.
 */
export function measureAgreement(question: AskedQuestion, entry: IndexedFact, places: ReadonlySet<string>): number {
  if (question.type === "what" || question.type === "yesno" || question.type === "why" || question.type === "how") return 1;
  const measures = entry.measures.filter((measure) => measure.type === question.type);
  const mentions = (measure: Measure) => question.terms.some((term) => measure.terms.has(term));
  if (question.type === "who") {
    // "Who used the sites?" asks for the users of the sites.
    const deed = question.deed;
    const names = (measure: Measure) => mentions(measure) || (deed !== undefined && measure.deeds.has(deed));
    return measures.length === 0 || measures.some(names) ? 1 : ENGINE_CONFIG.roleMismatch;
  }
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
