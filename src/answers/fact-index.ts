// Start-up work: every fact's questions, answer and entities reduced to terms once, with inverted
// lists from term to fact and to phrasing, so a question only touches the facts that share a term
// with it.
import type { Fact } from "../knowledge/types.js";
import { ENGINE_CONFIG } from "./config.js";
import type { Language } from "./language.js";
import { entityTerm, isEntityTerm, understand, type QuestionType } from "./understand.js";

export interface IndexedFact {
  fact: Fact;
  /** The kinds of question the fact answers: those of its phrasings, plus what its typed values imply. */
  types: ReadonlySet<QuestionType>;
  /** Entities the fact is about: declared, named in its questions, answer or quotes, and the places that contain them. */
  entities: ReadonlySet<string>;
  questionTerms: ReadonlySet<string>;
  answerTerms: ReadonlySet<string>;
  /** The fact's typed values as the engine matches them: the kind of question each answers, the terms of what it measures ("attack"), and its place. */
  measures: readonly Measure[];
}

export interface Measure {
  type: QuestionType;
  /** Every term of what the value measures. */
  terms: ReadonlySet<string>;
  /** Its wordings (an `of` may give several, split by " / "): a claim names it when it uses every term of one. */
  wordings: readonly ReadonlySet<string>[];
  place?: string;
  value: Fact["values"][number];
}

export interface FactIndex {
  facts: readonly IndexedFact[];
  /** Inverse document frequency of each term the facts use. */
  idf: ReadonlyMap<string, number>;
  /** The weight of a term no fact uses: more than the rarest term, since it says the question is about something else. */
  unknownIdf: number;
  /** Term -> indices of the facts that use it anywhere. */
  postings: ReadonlyMap<string, readonly number[]>;
  /** The same lists as typed arrays, with each fact's share of the term's weight (1 in its questions, less in its answer only). */
  weightedPostings: ReadonlyMap<string, { facts: Int32Array; shares: Float32Array }>;
  /** Term -> indices of the phrasings (one fact question each) that use it. */
  phrasingPostings: ReadonlyMap<string, readonly number[]>;
  phrasingFact: Int32Array;
  /** Each fact's `types` as bits (see typeBit), so retrieval tests them without a set lookup. */
  typeMasks: Uint8Array;
  /** The types of each fact's measures, as bits. */
  measureTypeMasks: Uint8Array;
  /** "{type} {term}" -> the facts with a measure of that type using that term, and that measure's place. */
  measurePostings: ReadonlyMap<string, { facts: Int32Array; places: readonly (string | undefined)[] }>;
  phrasingWeight: Float64Array;
  /** Related facts for follow-up suggestions, by fact index. */
  related: readonly (readonly number[])[];
}

const TYPE_BITS: Record<QuestionType, number> = { count: 1, when: 2, where: 4, who: 8, why: 16, yesno: 32, what: 64 };

export function typeBit(type: QuestionType): number {
  return TYPE_BITS[type];
}

/** The kind of question each kind of typed value answers. */
const VALUE_ANSWERS: Partial<Record<Fact["values"][number]["kind"], QuestionType>> = {
  count: "count",
  share: "count",
  date: "when",
  place: "where",
  group: "who",
};

export function termWeight(term: string, idf: number): number {
  return isEntityTerm(term) ? idf * ENGINE_CONFIG.entityWeight : idf;
}

export function buildFactIndex(facts: readonly Fact[], language: Language): FactIndex {
  const analyzed = facts.map((fact) => {
    const phrasings = fact.questions.map((question) => understand(question, language, { correctTypos: false }));
    const answer = understand(fact.answer, language, { correctTypos: false });
    const quoted = fact.citations.flatMap((citation) => understand(citation.quote, language, { correctTypos: false }).entities);
    const entities = new Set<string>();
    for (const entityId of [...fact.entities, ...phrasings.flatMap((p) => p.entities), ...answer.entities, ...quoted]) {
      entities.add(entityId);
      for (const place of language.enclosingPlaces.get(entityId) ?? []) entities.add(place);
    }
    const types = new Set(phrasings.map((p) => p.type));
    const measures: Measure[] = [];
    for (const value of fact.values) {
      const type = VALUE_ANSWERS[value.kind];
      if (!type || !("of" in value)) continue;
      types.add(type);
      const wordings = value.of.split(" / ").map((wording) => new Set(understand(wording, language, { correctTypos: false }).terms));
      const terms = new Set(wordings.flatMap((wording) => [...wording]));
      measures.push({ type, terms, wordings, value, ...("place" in value && value.place ? { place: value.place } : {}) });
    }
    const questionTerms = new Set(phrasings.flatMap((p) => p.terms.filter((term) => !isEntityTerm(term))));
    const answerTerms = new Set(answer.terms.filter((term) => !isEntityTerm(term) && !questionTerms.has(term)));
    for (const entityId of entities) questionTerms.add(entityTerm(entityId));
    return { fact, types, entities, questionTerms, answerTerms, measures, phrasings };
  });

  const postings = new Map<string, number[]>();
  analyzed.forEach((entry, factIndex) => {
    for (const term of new Set([...entry.questionTerms, ...entry.answerTerms])) {
      const list = postings.get(term);
      if (list) list.push(factIndex);
      else postings.set(term, [factIndex]);
    }
  });
  const idf = new Map<string, number>();
  for (const [term, list] of postings) idf.set(term, Math.log(1 + facts.length / list.length));
  const weightedPostings = new Map<string, { facts: Int32Array; shares: Float32Array }>();
  for (const [term, list] of postings) {
    const shares = Float32Array.from(list, (factIndex) => (analyzed[factIndex]!.questionTerms.has(term) ? 1 : ENGINE_CONFIG.answerOnlyWeight));
    weightedPostings.set(term, { facts: Int32Array.from(list), shares });
  }

  const phrasingPostings = new Map<string, number[]>();
  const phrasingFact: number[] = [];
  const phrasingWeight: number[] = [];
  analyzed.forEach((entry, factIndex) => {
    for (const phrasing of entry.phrasings) {
      const phrasingIndex = phrasingFact.length;
      phrasingFact.push(factIndex);
      let weight = 0;
      for (const term of phrasing.terms) {
        weight += termWeight(term, idf.get(term) ?? 0);
        const list = phrasingPostings.get(term);
        if (list) list.push(phrasingIndex);
        else phrasingPostings.set(term, [phrasingIndex]);
      }
      phrasingWeight.push(weight);
    }
  });

  const indexed: IndexedFact[] = analyzed.map(({ phrasings: _phrasings, ...entry }) => entry);
  return {
    facts: indexed,
    idf,
    unknownIdf: Math.log(1 + facts.length) * ENGINE_CONFIG.unknownTermWeight,
    postings,
    weightedPostings,
    phrasingPostings,
    phrasingFact: Int32Array.from(phrasingFact),
    typeMasks: Uint8Array.from(analyzed, (entry) => [...entry.types].reduce((mask, type) => mask | typeBit(type), 0)),
    measureTypeMasks: Uint8Array.from(analyzed, (entry) => entry.measures.reduce((mask, measure) => mask | typeBit(measure.type), 0)),
    measurePostings: measurePostingsOf(analyzed),
    phrasingWeight: Float64Array.from(phrasingWeight),
    related: relatedFacts(indexed, postings),
  };
}

function measurePostingsOf(facts: readonly { measures: readonly Measure[] }[]): FactIndex["measurePostings"] {
  const lists = new Map<string, { facts: number[]; places: (string | undefined)[] }>();
  facts.forEach((entry, factIndex) => {
    for (const measure of entry.measures) {
      for (const term of measure.terms) {
        const key = `${measure.type} ${term}`;
        const list = lists.get(key) ?? { facts: [], places: [] };
        list.facts.push(factIndex);
        list.places.push(measure.place);
        lists.set(key, list);
      }
    }
  });
  return new Map([...lists].map(([key, list]) => [key, { facts: Int32Array.from(list.facts), places: list.places }]));
}

/**
 * Facts that share the most specific entities with each fact (an entity named by few facts says
 * more), then facts of the same topic. Candidates come from the entity postings, so this stays
 * linear in practice however many facts there are.
 */
function relatedFacts(facts: readonly IndexedFact[], postings: ReadonlyMap<string, readonly number[]>): number[][] {
  const limit = ENGINE_CONFIG.followUps;
  return facts.map((entry, self) => {
    const scores = new Map<number, number>();
    for (const entityId of entry.entities) {
      const list = postings.get(entityTerm(entityId)) ?? [];
      if (list.length > 200) continue; // names most facts share say nothing about relatedness
      for (const other of list) if (other !== self) scores.set(other, (scores.get(other) ?? 0) + 1 / list.length);
    }
    for (const [other, score] of scores) if (facts[other]!.fact.topic === entry.fact.topic) scores.set(other, score + 0.25);
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([other]) => other);
  });
}
