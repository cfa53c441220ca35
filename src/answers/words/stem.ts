// Word stems, so "attacked", "attacks" and "attacking" meet: the Porter stemmer (the `stemmer`
// package). It only has to be consistent, since questions and facts pass through it alike.
import { stemmer } from "stemmer";

/** Stemming runs a dozen regular expressions; a vocabulary is small, so stems are remembered. */
const remembered = new Map<string, string>();
const REMEMBER_AT_MOST = 200_000;

export function stem(word: string): string {
  let stemmed = remembered.get(word);
  if (stemmed === undefined) {
    stemmed = /\d/.test(word) ? word : stemmer(word);
    if (remembered.size >= REMEMBER_AT_MOST) remembered.clear(); // odd words from chat can't grow it without bound
    remembered.set(word, stemmed);
  }
  return stemmed;
}
