// Retrieval at scale reads every fact that shares a word with the question. When a question mixes
// rare words with common ones ("How many attacks were there in Lebanon?"), a fact that uses none
// of the rare words can score at most the weight of the common ones. Retrieval then scores only the facts
// that use a rare word, reading just their entries of the common words' long lists, and keeps that
// result when it proves no other fact could have made the list (rankFacts checks the proof).
import { ENGINE_CONFIG, RETRIEVAL_CONFIG } from "./config.js";
import type { FactIndex } from "./fact-index.js";
import { isEntityTerm } from "./understand.js";

/** The facts that use one of the question's rarest terms, and a bound on every other fact. */
export interface Narrowing {
  /** Fact indices, ascending. */
  facts: Int32Array;
  /** The highest recall, and the highest score, a fact outside `facts` can reach. */
  outsideRecall: number;
  outsideScore: number;
  /** Positions, in a fact list sorted ascending, of the entries that are these facts. */
  positionsIn(list: Int32Array): Int32Array;
  /** The entries of a fact list sorted ascending that are these facts. */
  factsIn(list: Int32Array): Int32Array;
  /** The entries of a phrasing list sorted ascending that are phrasings of these facts. */
  phrasingsIn(list: Int32Array): Int32Array;
}

/**
 * Picks the rarest terms (shortest fact lists first) until the rest weigh at most
 * RETRIEVAL_CONFIG.outsideRecall of the question; undefined when narrowing would not pay: the
 * lists are short anyway, the rare terms alone cover too many facts, or every term is needed.
 */
export function narrowingFor(
  terms: readonly string[],
  weights: readonly number[],
  elsewhere: number,
  index: FactIndex,
  phrasingStarts: () => Int32Array,
  narrowFrom: number = RETRIEVAL_CONFIG.narrowFrom,
): Narrowing | undefined {
  const lists = terms.map((term) => index.postings.get(term));
  const lengths = lists.map((list) => list?.length ?? 0);
  if (lengths.reduce((sum, length) => sum + length, 0) < narrowFrom) return undefined;
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const rarestFirst = terms.map((_, t) => t).sort((a, b) => lengths[a]! - lengths[b]! || a - b);
  let outside = total;
  let entityFactor = ENGINE_CONFIG.entityMismatch ** elsewhere;
  let covered = 0;
  const rare: Int32Array[] = [];
  for (const t of rarestFirst) {
    if (outside / total <= RETRIEVAL_CONFIG.outsideRecall) break;
    covered += lengths[t]!;
    if (covered > index.facts.length * RETRIEVAL_CONFIG.narrowToShare) return undefined;
    outside -= weights[t]!;
    if (lists[t]) rare.push(lists[t]);
    // A fact without this name also takes its entity factor (as entityFactors works it out).
    if (isEntityTerm(terms[t]!)) entityFactor *= ENGINE_CONFIG.entityMismatch + (1 - ENGINE_CONFIG.entityMismatch) * (lengths[t]! / index.facts.length);
  }
  if (rare.length === lists.filter(Boolean).length) return undefined; // every list is read anyway
  const facts = rare.reduce(union, new Int32Array(0));
  const outsideRecall = Math.max(0, outside / total);
  return new RareTermNarrowing(facts, outsideRecall, outsideRecall * entityFactor, phrasingStarts);
}

/** A class rather than closures: one is made per question narrowed, and its methods are called per list. */
class RareTermNarrowing implements Narrowing {
  private readonly factEnds: Int32Array;
  private phrasingRanges: { starts: Int32Array; ends: Int32Array } | undefined;

  constructor(
    readonly facts: Int32Array,
    readonly outsideRecall: number,
    readonly outsideScore: number,
    private readonly phrasingStarts: () => Int32Array,
  ) {
    this.factEnds = new Int32Array(facts.length);
    for (let i = 0; i < facts.length; i++) this.factEnds[i] = facts[i]! + 1;
  }

  positionsIn(list: Int32Array): Int32Array {
    return positionsInRanges(list, this.facts, this.factEnds);
  }

  factsIn(list: Int32Array): Int32Array {
    return entriesAt(list, this.positionsIn(list));
  }

  phrasingsIn(list: Int32Array): Int32Array {
    if (!this.phrasingRanges) {
      const starts = this.phrasingStarts();
      const ranges = { starts: new Int32Array(this.facts.length), ends: new Int32Array(this.facts.length) };
      for (let i = 0; i < this.facts.length; i++) {
        ranges.starts[i] = starts[this.facts[i]!]!;
        ranges.ends[i] = starts[this.facts[i]! + 1]!;
      }
      this.phrasingRanges = ranges;
    }
    return entriesAt(list, positionsInRanges(list, this.phrasingRanges.starts, this.phrasingRanges.ends));
  }
}

/** Where each fact's phrasings begin in the index's phrasing order (phrasings run in fact order), and one past the last. */
export function phrasingStartsOf(index: FactIndex): Int32Array {
  const starts = new Int32Array(index.facts.length + 1).fill(index.phrasingFact.length);
  for (let p = index.phrasingFact.length - 1; p >= 0; p--) starts[index.phrasingFact[p]!] = p;
  for (let f = index.facts.length - 1; f >= 0; f--) if (starts[f]! > starts[f + 1]!) starts[f] = starts[f + 1]!;
  return starts;
}

/**
 * Positions in `list` (ascending, repeats allowed) of the entries inside one of the ranges
 * [lows[i], highs[i]) (ascending, not overlapping). Gallops over the gaps, so a few ranges cost
 * a few probes each, however long the list.
 */
export function positionsInRanges(list: Int32Array, lows: Int32Array, highs: Int32Array): Int32Array {
  const out = new Int32Array(list.length);
  let found = 0;
  let p = 0;
  for (let r = 0; r < lows.length && p < list.length; r++) {
    const low = lows[r]!;
    const high = highs[r]!;
    if (list[p]! < low) {
      // Invariant: list[p] < low. Double the step until past low, then search between.
      let step = 1;
      let ahead = p + 1;
      while (ahead < list.length && list[ahead]! < low) {
        p = ahead;
        step *= 2;
        ahead = p + step;
      }
      let from = p + 1;
      let to = Math.min(ahead, list.length);
      while (from < to) {
        const middle = (from + to) >>> 1;
        if (list[middle]! < low) from = middle + 1;
        else to = middle;
      }
      p = from;
    }
    while (p < list.length && list[p]! < high) out[found++] = p++;
  }
  return out.subarray(0, found);
}

/** The entries of `list` at `positions`, written over the positions. */
function entriesAt(list: Int32Array, positions: Int32Array): Int32Array {
  for (let k = 0; k < positions.length; k++) positions[k] = list[positions[k]!]!;
  return positions;
}

/** The values of two ascending lists, ascending, each once. */
function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    if (n === 0 || out[n - 1] !== next) out[n++] = next;
    if (i < a.length && a[i] === next) i++;
    if (j < b.length && b[j] === next) j++;
  }
  return out.slice(0, n);
}
