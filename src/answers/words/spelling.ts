// Typo correction against the knowledge base's own vocabulary, with a symmetric-delete index
// (SymSpell's idea): built once at start, each look-up costs a few dozen map probes instead of a
// scan of every word. Real English words are never "corrected": they are asked on purpose.
import { allowedTypoDistance } from "../config.js";

export interface Speller {
  /** The vocabulary word the token was most likely meant to be, or undefined. */
  correct(token: string): string | undefined;
}

export function buildSpeller(
  wordFrequencies: ReadonlyMap<string, number>,
  isEnglishWord: (word: string) => boolean,
): Speller {
  const deletesIndex = new Map<string, string[]>();
  for (const word of wordFrequencies.keys()) {
    if (word.length < 3 || /\d/.test(word)) continue;
    for (const variant of deletes(word, 2)) {
      const bucket = deletesIndex.get(variant);
      if (bucket) bucket.push(word);
      else deletesIndex.set(variant, [word]);
    }
  }

  return {
    correct(token) {
      const maxDistance = allowedTypoDistance(token.length);
      if (maxDistance === 0 || /\d/.test(token) || isEnglishWord(token)) return undefined;
      let best: { word: string; distance: number; frequency: number } | undefined;
      const seen = new Set<string>();
      for (const variant of deletes(token, maxDistance)) {
        for (const word of deletesIndex.get(variant) ?? []) {
          if (seen.has(word)) continue;
          seen.add(word);
          const distance = editDistance(token, word);
          if (distance > maxDistance || !plausibleTypo(token, word, distance)) continue;
          const frequency = wordFrequencies.get(word) ?? 0;
          if (
            !best ||
            distance < best.distance ||
            (distance === best.distance && (frequency > best.frequency || (frequency === best.frequency && word < best.word)))
          ) {
            best = { word, distance, frequency };
          }
        }
      }
      return best?.word;
    },
  };
}

/**
 * Two edits are allowed only where they are still clearly the same word: same first letter, and
 * for short words the same letters ("sirya" -> "syria"), so "leads" never becomes "least".
 */
function plausibleTypo(token: string, word: string, distance: number): boolean {
  if (distance < 2) return true;
  if (token[0] !== word[0]) return false;
  return token.length >= 7 || [...token].sort().join("") === [...word].sort().join("");
}

/** The word itself and every string made by deleting up to `depth` characters. */
function deletes(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const current of frontier) {
      for (let i = 0; i < current.length; i++) {
        const shorter = current.slice(0, i) + current.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
