// Understanding a question's words: synonyms go by the word first, then by its stem.
import { describe, expect, it } from "vitest";
import { loadEnglishWords } from "../../src/answers/english-words.js";
import { buildLanguage } from "../../src/answers/language.js";
import { understand } from "../../src/answers/understand.js";
import { realEngine } from "../helpers/engine.js";

const language = buildLanguage(realEngine().knowledge, loadEnglishWords());
const terms = (text: string) => understand(text, language, { correctTypos: true }).terms;

describe("synonyms", () => {
  it("reads 'responsible' as who is behind something, though it shares the stem of 'response'", () => {
    expect(terms("Who is responsible?")).toEqual(["behind"]);
    expect(terms("Who claimed responsibility?")).toContain("behind");
    expect(terms("What was the response?")).toEqual(["retali"]);
  });

  it("reads a word's other forms through its stem", () => {
    expect(terms("soldiers")).toEqual(["troop"]);
    expect(terms("retaliated")).toEqual(["retali"]);
  });
});
