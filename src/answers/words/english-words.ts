// The English word list (the word-list package, ~275,000 words) that tells a typo from a real
// word the knowledge base does not use: "sirya" is corrected, "leads" is left alone.
//
// Start-up matters (a bot restarts, a CLI answers once), so the list is not split into a set:
// it is searched in place, by binary search over its line offsets. The file is sorted except for
// two words a few lines from their sorted place (e.g. "manlihood" after "manlily"), so a search also looks at the
// lines around where the word belongs.
import { readFileSync } from "node:fs";
import wordListPath from "word-list";

export type EnglishWordCheck = (word: string) => boolean;

/** How far from its sorted place a word may sit in the list (3 at most in word-list 4; the test checks every word). */
const NEIGHBOURS_CHECKED = 8;

export function loadEnglishWords(): EnglishWordCheck {
  return englishWordCheck(readFileSync(wordListPath, "utf8"));
}

/** A check over a newline-separated, (nearly) sorted word list. */
export function englishWordCheck(list: string): EnglishWordCheck {
  const starts: number[] = [0];
  for (let at = list.indexOf("\n"); at >= 0; at = list.indexOf("\n", at + 1)) starts.push(at + 1);
  const lineStarts = Int32Array.from(starts);
  const lines = lineStarts.length;
  const line = (i: number) => list.slice(lineStarts[i]!, i + 1 < lines ? lineStarts[i + 1]! - 1 : list.length);
  return (word) => {
    let low = 0;
    let high = lines - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (line(middle) < word) low = middle + 1;
      else high = middle;
    }
    for (let i = Math.max(0, low - NEIGHBOURS_CHECKED); i <= Math.min(lines - 1, low + NEIGHBOURS_CHECKED); i++) if (line(i) === word) return true;
    return false;
  };
}
