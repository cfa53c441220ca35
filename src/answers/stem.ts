// Word stems, so "attacked", "attacks" and "attacking" meet: the Porter stemmer (the `stemmer`
// package). It only has to be consistent, since questions and facts pass through it alike.
import { stemmer } from "stemmer";

export function stem(word: string): string {
  return /\d/.test(word) ? word : stemmer(word);
}
