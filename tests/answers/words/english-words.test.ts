// The English word check searches the word list in place: it must find every word in it and
// nothing else.
import { readFileSync } from "node:fs";
import wordListPath from "word-list";
import { describe, expect, it } from "vitest";
import { englishWordCheck, loadEnglishWords } from "../../../src/answers/words/english-words.js";

describe("the English word check", () => {
  it("finds every word of the list, including the few out of order", () => {
    const isEnglishWord = loadEnglishWords();
    const missing = readFileSync(wordListPath, "utf8")
      .split("\n")
      .filter((word) => word && !isEnglishWord(word));
    expect(missing).toEqual([]);
  });

  it("finds nothing that is not in the list", () => {
    const isEnglishWord = loadEnglishWords();
    for (const word of ["sirya", "atacks", "sudani", "kataib", "zzzzz", "", "aa "]) expect(isEnglishWord(word)).toBe(false);
    for (const word of ["leads", "attacks", "aa", "zzzs", "manlihood", "sharrowed"]) expect(isEnglishWord(word)).toBe(true);
  });

  it("works on a small list with neighbours out of order", () => {
    const check = englishWordCheck("apple\nbanana\ncherry\nbutter\ndate");
    expect(["apple", "banana", "cherry", "butter", "date"].every(check)).toBe(true);
    expect(check("bread")).toBe(false);
  });
});
