// Step 3: score the facts that share a term with the question. A fact scores high when it covers
// everything the question asks (recall), one of its own questions is closely matched (phrasing),
// it is about every entity the question names, and it answers this kind of question.
//
// Built for 100,000 facts: per query, each factor is worked out for every touched fact in typed
// arrays (term weights summed through the postings; entity, type and measure agreement tabulated
// once per query over bit masks), with no map or set lookups per fact, and only the best few
// candidates are kept, by a linear-time selection instead of a sort. A question of one term reads
// no phrasing list (its postings keep each fact's lightest phrasing), and one that mixes rare and
// common terms may be narrowed to the facts using a rare one (narrowing.ts), kept only when proved
// to give the same result. The score and its factors are defined once, in score.ts; tests check
// that the tabulated factors equal those definitions, and that
// rankings equal the score's definition computed fact by fact.
import { ENGINE_CONFIG } from "./config.js";
import { DEED_POSTING, typeBit, type FactIndex } from "./fact-index.js";
import { narrowingFor, phrasingStartsOf, type Narrowing } from "./narrowing.js";
import { QUESTION_TYPES, type QuestionType } from "./question-forms.js";
import { entityAgreement, querySlots, typeAgreement, type AskedQuestion, type QuerySlot } from "./score.js";
import { entityTerm, type Understanding } from "./understand.js";

export type { AskedQuestion } from "./score.js";

export interface Candidate {
  factIndex: number;
  score: number;
  /** The weighted share of the question's terms the fact uses. */
  recall: number;
}

export interface RankOptions {
  /** How many of the best candidates to return. */
  limit?: number;
  /** Leave out facts that use less than this share of the question's terms. */
  minRecall?: number;
  /** Leave out facts that score less than this. */
  minScore?: number;
  /** Fewest postings worth narrowing (RETRIEVAL_CONFIG.narrowFrom); tests lower it to narrow small indexes too. */
  narrowFrom?: number;
  /** Told, when a question was narrowed, whether the narrowed result was proved and kept. */
  onNarrowing?: (kept: boolean) => void;
}

/** Per-index work arrays, reused by every query: a query touches some entries and resets only those. */
interface Scratch {
  factWeight: Float64Array;
  bestPhrasing: Float64Array;
  phrasingWeight: Float64Array;
  touchedFacts: Int32Array;
  touchedPhrasings: Int32Array;
  /** A slot's best contribution per fact and per phrasing, while a slot of several terms is read. */
  slotFact: Float64Array;
  slotPhrasing: Float64Array;
  touchedSlotFacts: Int32Array;
  touchedSlotPhrasings: Int32Array;
  scores: Float64Array;
  candidates: Int32Array;
  /** Quickselect's working copy of the scores. */
  selection: Float64Array;
  /** Bits per fact: which of the question's entities it is about (entity factors). */
  entityBits: Uint8Array;
  /** Bits per fact: how its measures meet the question (measure factors). */
  measureBits: Uint8Array;
  /** Where each fact's phrasings begin, worked out when a question is first narrowed. */
  phrasingStarts?: Int32Array;
}
const scratchByIndex = new WeakMap<FactIndex, Scratch>();

function scratchFor(index: FactIndex): Scratch {
  let scratch = scratchByIndex.get(index);
  if (!scratch) {
    const facts = index.facts.length;
    const phrasings = index.phrasingFact.length;
    scratch = {
      factWeight: new Float64Array(facts),
      bestPhrasing: new Float64Array(facts),
      phrasingWeight: new Float64Array(phrasings),
      touchedFacts: new Int32Array(facts),
      touchedPhrasings: new Int32Array(phrasings),
      slotFact: new Float64Array(facts),
      slotPhrasing: new Float64Array(phrasings),
      touchedSlotFacts: new Int32Array(facts),
      touchedSlotPhrasings: new Int32Array(phrasings),
      scores: new Float64Array(facts),
      candidates: new Int32Array(facts),
      selection: new Float64Array(facts),
      entityBits: new Uint8Array(facts),
      measureBits: new Uint8Array(facts),
    };
    scratchByIndex.set(index, scratch);
  }
  return scratch;
}

export function rankFacts(understood: Understanding | AskedQuestion, index: FactIndex, places: ReadonlySet<string>, options: RankOptions = {}): Candidate[] {
  if (understood.terms.length === 0) return [];
  // One shape for every question, so the ranking code V8 optimizes sees only one.
  const expansions = "question" in understood && understood.question ? understood.question.asked.map((asked) => asked.expansions) : "expansions" in understood ? understood.expansions : undefined;
  const question: AskedQuestion = { type: understood.type, terms: understood.terms, entities: understood.entities, elsewhere: understood.elsewhere, counted: understood.counted, expansions, deed: understood.deed };
  const limit = options.limit ?? ENGINE_CONFIG.candidatesKept;
  const minRecall = options.minRecall ?? 0;
  const minScore = options.minScore ?? 0;
  const slots = querySlots(question, index);
  const scratch = scratchFor(index);
  // Narrowing reasons about one list per term: a question with a word read through related terms is read whole.
  const plain = slots.every((slot, t) => slot.alternatives.length === 0 || (slot.alternatives.length === 1 && slot.alternatives[0]!.term === question.terms[t]));
  const weights = slots.map((slot) => slot.weight);
  const narrowing = plain ? narrowingFor(question.terms, weights, question.elsewhere.length, index, () => (scratch.phrasingStarts ??= phrasingStartsOf(index)), options.narrowFrom) : undefined;
  if (narrowing) {
    const ranked = rankAmong(question, slots, index, places, { limit, minRecall, minScore }, narrowing);
    // Kept only when no fact outside the narrowing could have made the list (with a margin for rounding).
    const cut = ranked.length === limit ? Math.max(minScore, ranked[limit - 1]!.score) : minScore;
    const margin = 1 + 1e-9;
    const kept = narrowing.outsideRecall === 0 || narrowing.outsideRecall * margin < minRecall || narrowing.outsideScore * margin < cut;
    options.onNarrowing?.(kept);
    if (kept) return ranked;
  }
  return rankAmong(question, slots, index, places, { limit, minRecall, minScore });
}

/** Scores the facts that share a term with the question, or only those of a narrowing, and keeps the best. */
function rankAmong(
  question: AskedQuestion,
  slots: readonly QuerySlot[],
  index: FactIndex,
  places: ReadonlySet<string>,
  { limit, minRecall, minScore }: { limit: number; minRecall: number; minScore: number },
  narrowing?: Narrowing,
): Candidate[] {
  let total = 0;
  for (const slot of slots) total += slot.weight;
  const scratch = scratchFor(index);
  const { factWeight, bestPhrasing, phrasingWeight, touchedFacts, touchedPhrasings, scores, candidates } = scratch;

  let factCount = 0;
  let phrasingCount = 0;
  const oneTerm = slots.length === 1 && slots[0]!.alternatives.length === 1 && !narrowing;
  for (let s = 0; s < slots.length; s++) {
    const alternatives = slots[s]!.alternatives;
    if (alternatives.length > 1) {
      // A word read through several related terms counts once, as its best one.
      const added = addBestOfSlot(alternatives, index, scratch, factCount, phrasingCount);
      factCount = added.factCount;
      phrasingCount = added.phrasingCount;
      continue;
    }
    if (alternatives.length === 0) continue;
    const { term, contribution: weight } = alternatives[0]!;
    const postings = index.weightedPostings.get(term);
    if (postings) {
      const { facts, shares } = postings;
      if (narrowing) {
        const positions = narrowing.positionsIn(facts);
        for (let k = 0; k < positions.length; k++) {
          const p = positions[k]!;
          const factIndex = facts[p]!;
          const before = factWeight[factIndex]!;
          if (before === 0) touchedFacts[factCount++] = factIndex;
          factWeight[factIndex] = before + weight * shares[p]!;
        }
      } else if (oneTerm) {
        // Each fact's closest phrasing is its lightest one using the term, kept in the postings.
        const { lightestPhrasing } = postings;
        for (let p = 0; p < facts.length; p++) {
          const factIndex = facts[p]!;
          touchedFacts[factCount++] = factIndex;
          factWeight[factIndex] = weight * shares[p]!;
          bestPhrasing[factIndex] = Math.min(1, weight / (total + lightestPhrasing[p]! - weight));
        }
      } else {
        for (let p = 0; p < facts.length; p++) {
          const factIndex = facts[p]!;
          const before = factWeight[factIndex]!;
          if (before === 0) touchedFacts[factCount++] = factIndex;
          factWeight[factIndex] = before + weight * shares[p]!;
        }
      }
    }
    const allPhrasings = oneTerm ? undefined : index.phrasingPostings.get(term);
    if (allPhrasings) {
      const phrasings = narrowing ? narrowing.phrasingsIn(allPhrasings) : allPhrasings;
      for (let p = 0; p < phrasings.length; p++) {
        const phrasingIndex = phrasings[p]!;
        const before = phrasingWeight[phrasingIndex]!;
        if (before === 0) touchedPhrasings[phrasingCount++] = phrasingIndex;
        phrasingWeight[phrasingIndex] = before + weight;
      }
    }
  }

  // How closely the question and one of the fact's own questions overlap (weighted Jaccard), so
  // "What is Al-Tanf?" prefers the fact asked exactly that over one that also mentions Al-Tanf.
  for (let p = 0; p < phrasingCount; p++) {
    const phrasingIndex = touchedPhrasings[p]!;
    const weight = phrasingWeight[phrasingIndex]!;
    phrasingWeight[phrasingIndex] = 0;
    const factIndex = index.phrasingFact[phrasingIndex]!;
    const share = Math.min(1, weight / (total + index.phrasingWeight[phrasingIndex]! - weight));
    if (share > bestPhrasing[factIndex]!) bestPhrasing[factIndex] = share;
  }

  const entityFactor = entityFactors(question, index, scratch.entityBits, narrowing);
  const typeFactor = typeFactors(question.type);
  const measureFactor = measureFactors(question, index, places, scratch.measureBits, narrowing);
  let candidateCount = 0;
  for (let f = 0; f < factCount; f++) {
    const factIndex = touchedFacts[f]!;
    const recall = factWeight[factIndex]! / total;
    if (recall < minRecall) continue;
    const phrasing = ENGINE_CONFIG.phrasingBase + (1 - ENGINE_CONFIG.phrasingBase) * bestPhrasing[factIndex]!;
    const score = recall * phrasing * entityFactor.at(factIndex) * typeFactor[index.typeMasks[factIndex]!]! * measureFactor.at(factIndex);
    if (score < minScore) continue;
    scores[candidateCount] = score;
    candidates[candidateCount++] = factIndex;
  }
  entityFactor.release();
  measureFactor.release();

  const best = selectBest(candidates, candidateCount, scores, limit, scratch.selection).map((c) => ({ factIndex: candidates[c]!, score: scores[c]!, recall: factWeight[candidates[c]!]! / total }));
  for (let f = 0; f < factCount; f++) {
    const factIndex = touchedFacts[f]!;
    factWeight[factIndex] = 0;
    bestPhrasing[factIndex] = 0;
  }
  return best;
}

/** Adds a slot of several related terms: each fact and phrasing takes the best contribution among them. */
function addBestOfSlot(
  alternatives: QuerySlot["alternatives"],
  index: FactIndex,
  scratch: Scratch,
  factCount: number,
  phrasingCount: number,
): { factCount: number; phrasingCount: number } {
  const { factWeight, phrasingWeight, touchedFacts, touchedPhrasings, slotFact, slotPhrasing, touchedSlotFacts, touchedSlotPhrasings } = scratch;
  let slotFacts = 0;
  let slotPhrasings = 0;
  for (const { term, contribution } of alternatives) {
    const postings = index.weightedPostings.get(term);
    if (postings) {
      const { facts, shares } = postings;
      for (let p = 0; p < facts.length; p++) {
        const factIndex = facts[p]!;
        const value = contribution * shares[p]!;
        const before = slotFact[factIndex]!;
        if (before === 0) touchedSlotFacts[slotFacts++] = factIndex;
        if (value > before) slotFact[factIndex] = value;
      }
    }
    const phrasings = index.phrasingPostings.get(term);
    if (phrasings) {
      for (let p = 0; p < phrasings.length; p++) {
        const phrasingIndex = phrasings[p]!;
        const before = slotPhrasing[phrasingIndex]!;
        if (before === 0) touchedSlotPhrasings[slotPhrasings++] = phrasingIndex;
        if (contribution > before) slotPhrasing[phrasingIndex] = contribution;
      }
    }
  }
  for (let k = 0; k < slotFacts; k++) {
    const factIndex = touchedSlotFacts[k]!;
    const before = factWeight[factIndex]!;
    if (before === 0) touchedFacts[factCount++] = factIndex;
    factWeight[factIndex] = before + slotFact[factIndex]!;
    slotFact[factIndex] = 0;
  }
  for (let k = 0; k < slotPhrasings; k++) {
    const phrasingIndex = touchedSlotPhrasings[k]!;
    const before = phrasingWeight[phrasingIndex]!;
    if (before === 0) touchedPhrasings[phrasingCount++] = phrasingIndex;
    phrasingWeight[phrasingIndex] = before + slotPhrasing[phrasingIndex]!;
    slotPhrasing[phrasingIndex] = 0;
  }
  return { factCount, phrasingCount };
}

/**
 * Positions of the `limit` best scores, best first, ties to the lower fact index: everything above
 * the limit-th highest score, then as many as fit of those equal to it, lowest fact index first.
 */
function selectBest(candidates: Int32Array, count: number, scores: Float64Array, limit: number, work: Float64Array): number[] {
  const cut = kthLargest(scores, count, limit, work);
  const above: number[] = [];
  const atCut: number[] = [];
  for (let c = 0; c < count; c++) {
    if (scores[c]! > cut) above.push(c);
    else if (scores[c] === cut) atCut.push(c);
  }
  atCut.sort((a, b) => candidates[a]! - candidates[b]!);
  const chosen = [...above, ...atCut.slice(0, limit - above.length)];
  return chosen.sort((a, b) => scores[b]! - scores[a]! || candidates[a]! - candidates[b]!);
}

/** The k-th largest of the first n values (quickselect on a copy in `work`), or -Infinity when n < k. */
function kthLargest(values: Float64Array, n: number, k: number, work: Float64Array): number {
  if (n < k || k <= 0) return -Infinity;
  work.set(values.subarray(0, n));
  let low = 0;
  let high = n - 1;
  const target = k - 1; // position in descending order
  while (low < high) {
    const pivot = work[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (work[i]! > pivot) i++;
      while (work[j]! < pivot) j--;
      if (i <= j) {
        const swap = work[i]!;
        work[i] = work[j]!;
        work[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return work[target]!;
}

/** A factor for every fact, read from a table by bits marked per fact; release() clears the bits it marked. */
export interface FactFactor {
  at(factIndex: number): number;
  release(): void;
}

/**
 * The table is indexed by the fact's bits, plus 8 when `kinds` (per-fact bits) has `kind`. A
 * class rather than closures: one is made per question, and the scoring loop calls it per fact.
 */
class TabulatedFactor implements FactFactor {
  constructor(
    private readonly table: Float64Array,
    private readonly bits: Uint8Array,
    private readonly marked: readonly Int32Array[],
    private readonly kinds?: Uint8Array,
    private readonly kind = 0,
  ) {}

  at(factIndex: number): number {
    const hasKind = this.kinds && this.kinds[factIndex]! & this.kind ? 8 : 0;
    return this.table[hasKind | this.bits[factIndex]!]!;
  }

  release(): void {
    const bits = this.bits;
    for (const list of this.marked) for (let i = 0; i < list.length; i++) bits[list[i]!] = 0;
  }
}

/** The factor worked out per fact by its definition (for questions too big for the bits). */
class DefinedFactor implements FactFactor {
  constructor(private readonly define: (factIndex: number) => number) {}
  at(factIndex: number): number {
    return this.define(factIndex);
  }
  release(): void {}
}

/** entityAgreement for every fact: bit i marks a fact about the question's i-th entity; a table gives the factor per combination. */
export function entityFactors(question: AskedQuestion, index: FactIndex, bits: Uint8Array, narrowing?: Narrowing): FactFactor {
  // More than 8 names (a pasted paragraph) won't fit the bits: fall back to the definition.
  if (question.entities.length > 8) return new DefinedFactor((factIndex) => entityAgreement(question, index.facts[factIndex]!, index));
  const lists = question.entities.map((entityId) => index.postings.get(entityTerm(entityId)) ?? new Int32Array(0));
  // Only a narrowing's facts are scored, so only their bits are needed; the factors still use whole lists.
  const marked = lists.map((list) => (narrowing ? narrowing.factsIn(list) : list));
  marked.forEach((list, i) => {
    for (let k = 0; k < list.length; k++) bits[list[k]!] = bits[list[k]!]! | (1 << i);
  });
  const table = new Float64Array(1 << lists.length);
  for (let mask = 0; mask < table.length; mask++) {
    let factor = ENGINE_CONFIG.entityMismatch ** question.elsewhere.length;
    lists.forEach((list, i) => {
      if (!(mask & (1 << i))) factor *= ENGINE_CONFIG.entityMismatch + (1 - ENGINE_CONFIG.entityMismatch) * (list.length / index.facts.length);
    });
    table[mask] = factor;
  }
  return new TabulatedFactor(table, bits, marked);
}

/** typeAgreement for every combination of a fact's type bits, per asked type: worked out once. */
const TYPE_FACTORS = new Map(
  QUESTION_TYPES.map((asked) => {
    const table = new Float64Array(1 << QUESTION_TYPES.length);
    for (let mask = 0; mask < table.length; mask++) table[mask] = typeAgreement(asked, new Set(QUESTION_TYPES.filter((type) => mask & typeBit(type))));
    return [asked, table];
  }),
);

export function typeFactors(asked: QuestionType): Float64Array {
  return TYPE_FACTORS.get(asked)!;
}

const COUNTED_HERE = 1;
const MENTIONED_HERE = 2;
const MENTIONED = 4;

/** measureAgreement for every fact, from the measure postings of the question's terms. */
export function measureFactors(question: AskedQuestion, index: FactIndex, places: ReadonlySet<string>, bits: Uint8Array, narrowing?: Narrowing): FactFactor {
  const type = question.type;
  if (type === "what" || type === "yesno" || type === "why" || type === "how") return new TabulatedFactor(ALWAYS_ONE, bits, []);
  const askedPlaces = question.entities.filter((entityId) => places.has(entityId));
  // Each term's measure postings mark their facts' bits; for a count, only measures in a place asked about (or in none).
  const marks: [key: string, bit: number][] = [];
  if (type === "count") {
    if (question.counted) marks.push([`${type} ${question.counted}`, COUNTED_HERE]);
    for (const term of question.terms) marks.push([`${type} ${term}`, MENTIONED_HERE]);
  } else {
    for (const term of question.terms) marks.push([`${type} ${term}`, MENTIONED]);
    if (type === "who" && question.deed) marks.push([`${DEED_POSTING} ${question.deed}`, MENTIONED]);
  }
  const anyPlace = type !== "count" || askedPlaces.length === 0;
  const marked: Int32Array[] = [];
  for (const [key, bit] of marks) {
    const list = index.measurePostings.get(key);
    if (!list) continue;
    const positions = narrowing ? narrowing.positionsIn(list.facts) : undefined;
    const count = positions ? positions.length : list.facts.length;
    const facts = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const i = positions ? positions[k]! : k;
      const factIndex = list.facts[i]!;
      facts[k] = factIndex;
      const place = list.places[i];
      if (anyPlace || !place || askedPlaces.includes(place)) bits[factIndex] = bits[factIndex]! | bit;
    }
    marked.push(facts);
  }
  // Indexed by the fact's bits, plus 8 when it has a measure of the asked type.
  const table = new Float64Array(16);
  for (let found = 0; found < 8; found++) {
    table[found] = type === "count" ? ENGINE_CONFIG.measureMismatch : 1;
    if (type !== "count") table[8 | found] = found & MENTIONED ? 1 : type === "who" ? ENGINE_CONFIG.roleMismatch : ENGINE_CONFIG.measureMismatch;
    else if (question.counted ? found & COUNTED_HERE : found & MENTIONED_HERE) table[8 | found] = 1;
    else table[8 | found] = found & MENTIONED_HERE ? ENGINE_CONFIG.measureMismatch : ENGINE_CONFIG.wrongCount;
  }
  return new TabulatedFactor(table, bits, marked, index.measureTypeMasks, typeBit(type));
}

const ALWAYS_ONE = new Float64Array(16).fill(1);
