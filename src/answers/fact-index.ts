// Start-up work: every fact's questions, answer and entities reduced to terms once, with inverted
// lists from term to fact and to phrasing, so a question only touches the facts that share a term
// with it.
import { wordTokens } from "../knowledge/text-folding.js";
import type { Fact } from "../knowledge/types.js";
import { ENGINE_CONFIG } from "./config.js";
import { QUESTION_TYPES } from "./question-forms.js";
import { entityTerm, isEntityTerm, understand, type QuestionType, type Understanding } from "./understand.js";
import type { Language } from "./words/language.js";

export interface IndexedFact {
  fact: Fact;
  /** The kinds of question the fact answers: those of its phrasings, plus what its typed values imply. */
  types: ReadonlySet<QuestionType>;
  /** Entities the fact is about: declared, named in its questions, answer or quotes, and the places that contain them. */
  entities: ReadonlySet<string>;
  /** The fact's typed values as the engine matches them: the kind of question each answers, the terms of what it measures ("attack"), and its place. */
  measures: readonly Measure[];
  /** Entities the fact quotes or reports as speaking: named in its `saidBy`, or before a speech verb in its own questions. */
  speakers: ReadonlySet<string>;
}

export interface Measure {
  type: QuestionType;
  /** Every term of what the value measures. */
  terms: ReadonlySet<string>;
  /** The head noun of each wording ("troop" in "US troops killed", "attack" in "attacks on US forces"): what it counts. */
  heads: ReadonlySet<string>;
  /** Its wordings (an `of` may give several, split by " / "): a claim names it when it uses every term of one. */
  wordings: readonly ReadonlySet<string>[];
  /** The names its wordings say the counted deeds are done to ("attacks on US forces": the United States). */
  doneTo: ReadonlySet<string>;
  /** What its wordings say happened to what they count, as terms: "injur" in "US troops injured" (not "base" in "attacks on US bases"). */
  verbs: ReadonlySet<string>;
  /** What the people or groups it names do, as terms: "use" for "users of the sites", "own" for "owner of the facility". */
  deeds: ReadonlySet<string>;
  place?: string;
  /** The typed value it reads; none for the attribution a fact's `saidBy` gives (who says it). */
  value?: Fact["values"][number];
}

/** What an attribution answers: "who says", "who counts", "who is the source of the figure". */
const ATTRIBUTION_WORDING = "source / sources / number / claim / attribution / behind";

export interface WeightedPostings {
  facts: Int32Array;
  /** The fact's share of the term's weight: 1 in its questions, less in its answer only. */
  shares: Float32Array;
  /**
   * The weight of the fact's lightest phrasing that uses the term (Infinity if none does): for a
   * question of that one term, it is the fact's closest phrasing, with no phrasing list read.
   */
  lightestPhrasing: Float64Array;
}

export interface FactIndex {
  facts: readonly IndexedFact[];
  /** Every term some measure's wording uses ("attack", "kill", "injure"): the words counts are told apart by. */
  measureTerms: ReadonlySet<string>;
  /** The terms of what measures' wordings say happened to what they count ("kill", "injure"; not "base" in "attacks on US bases"). */
  measureVerbs: ReadonlySet<string>;
  /** Every head of a count's wording ("attack", "troop"): what the facts count. */
  measureHeads: ReadonlySet<string>;
  /** Inverse document frequency of each term the facts use. */
  idf: ReadonlyMap<string, number>;
  /** The weight of a word no fact uses, in a question of no word the facts use. */
  unknownIdf: number;
  /** Term -> indices of the facts that use it anywhere, in fact order. */
  postings: ReadonlyMap<string, Int32Array>;
  /** The same lists, with each fact's share of the term's weight and its lightest phrasing using the term. */
  weightedPostings: ReadonlyMap<string, WeightedPostings>;
  /** Term -> indices of the phrasings (one fact question each) that use it. */
  phrasingPostings: ReadonlyMap<string, Int32Array>;
  phrasingFact: Int32Array;
  /** Each fact's `types` as bits (see typeBit), so retrieval tests them without a set lookup. */
  typeMasks: Uint8Array;
  /** The types of each fact's measures, as bits. */
  measureTypeMasks: Uint8Array;
  /** "{type} {term}" -> the facts with a measure of that type using that term, and that measure's place. */
  measurePostings: ReadonlyMap<string, { facts: Int32Array; places: readonly (string | undefined)[] }>;
  phrasingWeight: Float64Array;
  /** Related facts for follow-up suggestions: worked out for a fact when it is first answered, then remembered. */
  related(factIndex: number): readonly number[];
}

/** Each question type's bit in a fact's type mask (eight types: a byte). */
export function typeBit(type: QuestionType): number {
  return 1 << QUESTION_TYPES.indexOf(type);
}

/** The kind of question each kind of typed value answers. */
const VALUE_ANSWERS: Partial<Record<Fact["values"][number]["kind"], QuestionType>> = {
  count: "count",
  share: "count",
  date: "when",
  place: "where",
  group: "who",
  person: "who",
};

export function termWeight(term: string, idf: number): number {
  return isEntityTerm(term) ? idf * ENGINE_CONFIG.entityWeight : idf;
}

/** A term's lists while the index is built: its weight, its postings, its phrasings so far, and where the phrasing pass is in its facts. */
interface TermBeingIndexed {
  weight: number;
  posted: WeightedPostings;
  phrasings: number[];
  cursor: number;
}

export function buildFactIndex(facts: readonly Fact[], language: Language, tokenize?: (text: string) => readonly string[]): FactIndex {
  // Facts share text (the same passage cited by several facts, the same wording of a question or
  // a measure), and each distinct text is analysed once.
  const analyser = (statement: boolean) => {
    const analysed = new Map<string, Understanding>();
    const options = { correctTypos: false, statement, ...(tokenize ? { tokenize } : {}) };
    return (text: string) => {
      let understood = analysed.get(text);
      if (!understood) {
        understood = understand(text, language, options);
        analysed.set(text, understood);
      }
      return understood;
    };
  };
  const analyse = analyser(false);
  const analyseStatement = analyser(true);
  // Measures' wordings repeat across facts as their texts do, and are shared.
  const measureWordings = new Map<string, Pick<Measure, "terms" | "heads" | "wordings" | "doneTo" | "verbs" | "deeds">>();
  const measureWording = (of: string) => {
    let wording = measureWordings.get(of);
    if (!wording) {
      const parts = of.split(" / ");
      const wordings = parts.map((part) => new Set(analyseStatement(part).terms));
      const terms = new Set<string>();
      for (const part of wordings) for (const term of part) terms.add(term);
      const heads = new Set(parts.map((part) => headOf(part, language, tokenize ?? wordTokens)).filter((head): head is string => head !== undefined));
      const doneTo = new Set(parts.flatMap((part) => /\b(?:on|against|targeting)\s+(.*)$/i.exec(part)?.[1] ?? []).flatMap((after) => analyseStatement(after).terms.filter(isEntityTerm)));
      const verbs = new Set(parts.flatMap((part) => (tokenize ?? wordTokens)(part).filter((token) => PARTICIPLE.test(token))).flatMap((token) => analyseStatement(token).terms));
      const deeds = new Set(parts.flatMap((part) => (tokenize ?? wordTokens)(part).flatMap((token) => language.deedsOf(token))));
      wording = { terms, heads, wordings, doneTo, verbs, deeds };
      measureWordings.set(of, wording);
    }
    return wording;
  };
  const entityTerms = new Map<string, string>();
  const termOfEntity = (entityId: string) => {
    let term = entityTerms.get(entityId);
    if (term === undefined) entityTerms.set(entityId, (term = entityTerm(entityId)));
    return term;
  };
  const postings = new Map<string, { facts: number[]; shares: number[] }>();
  /** Posts the fact under the term once: the first share posted for a fact stands, so question terms go first. */
  const post = (term: string, factIndex: number, share: number) => {
    const list = postings.get(term);
    if (!list) postings.set(term, { facts: [factIndex], shares: [share] });
    else if (list.facts[list.facts.length - 1] !== factIndex) {
      list.facts.push(factIndex);
      list.shares.push(share);
    }
  };
  // Plain loops rather than flatMap and spreads: this runs for every fact at start-up. A fact's
  // terms go straight into the postings, with no per-fact term sets.
  const indexed: IndexedFact[] = [];
  const factPhrasings: Understanding[][] = [];
  const typeMasks = new Uint8Array(facts.length);
  const measureTypeMasks = new Uint8Array(facts.length);
  facts.forEach((fact, factIndex) => {
    const phrasings = fact.questions.map(analyse);
    const answer = analyseStatement(fact.answer);
    const entities = new Set<string>();
    const about = (entityIds: readonly string[]) => {
      for (const entityId of entityIds) {
        entities.add(entityId);
        for (const place of language.enclosingPlaces.get(entityId) ?? []) entities.add(place);
      }
    };
    about(fact.entities);
    for (const phrasing of phrasings) about(phrasing.entities);
    about(answer.entities);
    const quotes = fact.citations.map((citation) => analyseStatement(citation.quote));
    for (const quote of quotes) about(quote.entities);

    const types = new Set<QuestionType>();
    for (const phrasing of phrasings) types.add(phrasing.type);
    const measures: Measure[] = [];
    const spokenOf: string[] = [];
    for (const value of fact.values) {
      const type = VALUE_ANSWERS[value.kind];
      // What a status, weapon or cause is of, and the deed of an action (done or ruled out: "the
      // official gave no name"), are what the fact speaks of: their words are the fact's.
      if (value.kind === "action") for (const term of measureWording(value.action).terms) if (!isEntityTerm(term)) spokenOf.push(term);
      if (!("of" in value)) continue;
      if (!type) {
        for (const term of measureWording(value.of).terms) if (!isEntityTerm(term)) spokenOf.push(term);
        continue;
      }
      types.add(type);
      measures.push({ type, ...measureWording(value.of), value, ...("place" in value && value.place ? { place: value.place } : {}) });
      measureTypeMasks[factIndex] = measureTypeMasks[factIndex]! | typeBit(type);
    }
    // A fact with an attribution answers who says it ("Who counted the 61 attacks?").
    if (fact.saidBy) {
      types.add("who");
      measures.push({ type: "who", ...measureWording(ATTRIBUTION_WORDING) });
      measureTypeMasks[factIndex] = measureTypeMasks[factIndex]! | typeBit("who");
    }
    for (const type of types) typeMasks[factIndex] = typeMasks[factIndex]! | typeBit(type);
    // Names count through the fact's entities, which include the places that contain them.
    for (const phrasing of phrasings) for (const term of phrasing.terms) if (!isEntityTerm(term)) post(term, factIndex, 1);
    for (const entityId of entities) post(termOfEntity(entityId), factIndex, 1);
    for (const measure of measures) for (const term of measure.terms) if (!isEntityTerm(term)) post(term, factIndex, ENGINE_CONFIG.answerOnlyWeight);
    for (const term of spokenOf) post(term, factIndex, ENGINE_CONFIG.answerOnlyWeight);
    for (const term of answer.terms) if (!isEntityTerm(term)) post(term, factIndex, ENGINE_CONFIG.answerOnlyWeight);
    for (const quote of quotes) for (const term of quote.terms) if (!isEntityTerm(term)) post(term, factIndex, ENGINE_CONFIG.quoteOnlyWeight);
    const speakers = new Set<string>(fact.saidBy ? analyseStatement(fact.saidBy).entities : []);
    for (const phrasing of phrasings) for (const entityId of phrasing.speakers) speakers.add(entityId);
    indexed.push({ fact, types, entities, measures, speakers });
    factPhrasings.push(phrasings);
  });

  const idf = new Map<string, number>();
  const weightedPostings = new Map<string, WeightedPostings>();
  const factLists = new Map<string, Int32Array>();
  // Each term's lists as the phrasing pass below fills them, found with one look-up per term.
  const building = new Map<string, TermBeingIndexed>();
  for (const [term, list] of postings) {
    const termIdf = Math.log(1 + facts.length / list.facts.length);
    idf.set(term, termIdf);
    const factList = new Int32Array(list.facts);
    const posted = { facts: factList, shares: new Float32Array(list.shares), lightestPhrasing: new Float64Array(factList.length).fill(Infinity) };
    factLists.set(term, factList);
    weightedPostings.set(term, posted);
    building.set(term, { weight: termWeight(term, termIdf), posted, phrasings: [], cursor: 0 });
  }

  // Phrasings in fact order, each with its weight; each term's phrasing list; and, per posting,
  // the fact's lightest phrasing using the term (a cursor walks each term's facts in step).
  const phrasingFact: number[] = [];
  const phrasingWeight: number[] = [];
  const termsOfPhrasing: (TermBeingIndexed | undefined)[] = [];
  factPhrasings.forEach((phrasings, factIndex) => {
    for (const phrasing of phrasings) {
      const phrasingIndex = phrasingFact.length;
      phrasingFact.push(factIndex);
      termsOfPhrasing.length = 0;
      let weight = 0;
      for (const term of phrasing.terms) {
        const list = building.get(term); // every phrasing term is posted for its fact
        termsOfPhrasing.push(list);
        weight += list ? list.weight : 0;
      }
      for (const list of termsOfPhrasing) {
        if (!list) continue;
        list.phrasings.push(phrasingIndex);
        const { facts: posted, lightestPhrasing } = list.posted;
        while (list.cursor < posted.length && posted[list.cursor]! < factIndex) list.cursor++;
        if (posted[list.cursor] === factIndex && weight < lightestPhrasing[list.cursor]!) lightestPhrasing[list.cursor] = weight;
      }
      phrasingWeight.push(weight);
    }
  });

  return {
    facts: indexed,
    idf,
    unknownIdf: meanOf(idf.values()) * ENGINE_CONFIG.unknownTermWeight,
    postings: factLists,
    weightedPostings,
    phrasingPostings: new Map([...building].filter(([, list]) => list.phrasings.length > 0).map(([term, list]) => [term, Int32Array.from(list.phrasings)])),
    phrasingFact: Int32Array.from(phrasingFact),
    typeMasks,
    measureTypeMasks,
    measurePostings: measurePostingsOf(indexed),
    measureTerms: new Set(indexed.flatMap((entry) => entry.measures.filter((measure) => measure.value).flatMap((measure) => [...measure.terms]))),
    measureVerbs: new Set(indexed.flatMap((entry) => entry.measures.filter((measure) => measure.value).flatMap((measure) => [...measure.verbs]))),
    measureHeads: new Set(indexed.flatMap((entry) => entry.measures.filter((measure) => measure.value?.kind === "count").flatMap((measure) => [...measure.heads]))),
    phrasingWeight: Float64Array.from(phrasingWeight),
    related: relatedFacts(indexed, factLists),
  };
}

/** The measure postings' key for a who-measure's deeds ("deed use"); no question type is called that. */
export const DEED_POSTING = "deed";

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
      // "Who used the sites?": who-measures are found by their doers' deeds too.
      if (measure.type !== "who") continue;
      for (const deed of measure.deeds) {
        const key = `${DEED_POSTING} ${deed}`;
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
 * Facts that share the most specific entities with a fact (an entity named by few facts says
 * more), then facts of the same topic. Candidates come from the entity postings, so each costs
 * little however many facts there are; they are worked out on demand, since most facts are never
 * the answer to anything asked.
 */
function relatedFacts(facts: readonly IndexedFact[], postings: ReadonlyMap<string, Int32Array>): (factIndex: number) => readonly number[] {
  const limit = ENGINE_CONFIG.followUps;
  const remembered = new Map<number, readonly number[]>();
  const workOut = (self: number): number[] => {
    const entry = facts[self]!;
    const scores = new Map<number, number>();
    for (const entityId of entry.entities) {
      const list = postings.get(entityTerm(entityId)) ?? new Int32Array(0);
      if (list.length > 200) continue; // names most facts share say nothing about relatedness
      for (const other of list) if (other !== self) scores.set(other, (scores.get(other) ?? 0) + 1 / list.length);
    }
    for (const [other, score] of scores) if (facts[other]!.fact.topic === entry.fact.topic) scores.set(other, score + 0.25);
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([other]) => other);
  };
  return (factIndex) => {
    let related = remembered.get(factIndex);
    if (!related) {
      related = workOut(factIndex);
      remembered.set(factIndex, related);
    }
    return related;
  };
}

function meanOf(values: Iterable<number>): number {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    sum += value;
    count++;
  }
  return count > 0 ? sum / count : 1;
}



/** Prepositions and the like that end the head phrase of a wording ("attacks | on US forces"). */
const AFTER_HEAD = new Set(["on", "in", "at", "of", "from", "after", "by", "since", "with", "to", "for", "against", "near", "during", "between", "inside"]);

/**
 * The head noun of a measure's wording, as a term: the last word before any preposition, past a
 * trailing participle ("people killed in the Hamas raid" -> people, "injured troops" -> troop).
 */
export function headOf(wording: string, language: Language, tokenize: (text: string) => readonly string[]): string | undefined {
  const tokens = tokenize(wording);
  const end = tokens.findIndex((token) => AFTER_HEAD.has(token) || VERB_AFTER_HEAD.has(token));
  const before = (end < 0 ? tokens : tokens.slice(0, end)).filter((token) => !DETERMINERS.has(token));
  while (before.length > 1 && PARTICIPLE.test(before[before.length - 1]!)) before.pop();
  if (before.length === 0) return undefined;
  // The head may be a phrase the lexicon knows ("service members", "boots on the ground").
  const phrase = understand(before.slice(-3).join(" "), language, { correctTypos: false, statement: true }).terms.filter((term) => !isEntityTerm(term));
  return phrase[phrase.length - 1] ?? language.read(before[before.length - 1]!).term;
}

const DETERMINERS = new Set(["the", "a", "an", "of", "these", "those", "its", "their", "and", "or", "some", "all", "our", "his", "her"]);
/** Verbs that end the phrase a figure heads ("people were killed", "troops have been hurt"). */
const VERB_AFTER_HEAD = new Set(["is", "are", "was", "were", "have", "has", "had", "been", "be", "will", "would"]);

const PARTICIPLE = /(ed|en)$|^(hurt|hit|struck|shot|lost|sent|held|fought)$/;
