// The English word list (the word-list package, ~275,000 words) that tells a typo from a real
// word the knowledge base does not use: "sirya" is corrected, "leads" is left alone.
import { readFileSync } from "node:fs";
import wordListPath from "word-list";

export type EnglishWordCheck = (word: string) => boolean;

export function loadEnglishWords(): EnglishWordCheck {
  const words = new Set(readFileSync(wordListPath, "utf8").split("\n"));
  return (word) => words.has(word);
}
