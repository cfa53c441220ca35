// Understanding a question: how its words, names, figures and form are read, through the real
// lexicon, catalogue and WordNet.
import { describe, expect, it } from "vitest";
import { understand } from "../../src/answers/understand.js";
import { buildLanguage } from "../../src/answers/words/language.js";
import { realKnowledge, resources } from "../helpers/engine.js";

const language = buildLanguage(realKnowledge(), resources());
const read = (text: string) => understand(text, language, { correctTypos: true });
const terms = (text: string) => read(text).terms;

describe("synonyms", () => {
  it("reads 'responsible' as who is behind something, though it shares the stem of 'response'", () => {
    expect(terms("Who is responsible?")).toEqual(["behind"]);
    expect(terms("Who claimed responsibility?")).toContain("behind");
    expect(terms("What was the response?")).toEqual(["retali"]);
  });

  it("reads a word's other forms through its dictionary form, never through a shared stem", () => {
    expect(terms("soldiers")).toEqual(["troop"]);
    expect(terms("retaliated")).toEqual(["retali"]);
    // "object" shares the Porter stem of "objective" (the lexicon's "goal"), but is another word.
    expect(terms("did they object")).not.toContain("goal");
  });
});

describe("words the facts don't use", () => {
  it.each([
    ["stationed", "send"],
    ["pullout", "leav"],
    ["mend", "restor"],
  ])("reads %j through WordNet as %j, weaker than the word itself", (word, term) => {
    const asked = read(`what about the ${word}`).question!.asked.find((a) => a.word === word)!;
    expect(asked.known).toBe(false);
    const expansion = asked.expansions.find((e) => e.term === term);
    expect(expansion?.via).toMatch(/^WordNet: /);
    expect(expansion!.weight).toBeLessThan(1);
  });

  it("reads a phrasal verb as one word, also around a pronoun", () => {
    expect(read("What set this off?").question!.asked.map((a) => a.word)).toContain("set off");
  });

  it("marks a noun for a concrete thing as something asked about, and an abstract one not", () => {
    const asked = (text: string, word: string) => read(text).question!.asked.find((a) => a.word === word)!;
    expect(asked("Has the US embassy been attacked?", "embassy").specific).toBe(true);
    expect(asked("What was the cost of the strikes?", "cost").specific).toBe(true);
    expect(asked("What is the argument for the strikes?", "argument")?.specific ?? false).toBe(false);
  });
});

describe("names", () => {
  it.each([
    ["who is kataeb hizbollah", "kataib-hezbollah"],
    ["what did the iraqi premier say", "al-sudani"],
    ["where is At Tanf", "al-tanf"],
    ["the strike near abu kamal", "albukamal"],
    ["What did Washington do?", "united-states"],
    ["the top US diplomat", "blinken"],
  ])("reads %j as naming %s", (text, entityId) => {
    expect(read(text).entities).toContain(entityId);
  });

  it("treats a name the catalogue doesn't know as a name, not as noise", () => {
    expect(read("What did Lloyd Austin say about the strikes?").question!.unknownNames).toEqual(expect.arrayContaining(["austin"]));
    expect(read("How many troops died at Tower 22?").elsewhere).toContain("!tower 22");
    expect(read("Were F-16s used in the strikes?").question!.unknownNames).toContain("f-16s");
  });
});

describe("newsroom chatter", () => {
  it.each(["for the graphic: how many attacks", "quick q - how many attacks", "sorry to bug you, how many attacks", "my editor asks: how many attacks"])("drops the chatter in %j", (text) => {
    expect(terms(text)).toEqual(["attack"]);
  });

  it("keeps a topic before a dash", () => {
    expect(read("Kataeb Hezbollah - which country's militia is that?").entities).toContain("kataib-hezbollah");
  });
});

describe("the form of a question", () => {
  it.each([
    ["How many US troops have been injured?", "count", ["@united-states", "troop"], "injur"],
    ["How often has Washington retaliated?", "count", [], "retali"],
    ["What's the American casualty toll?", "count", ["@united-states", "injur"], undefined],
    ["How much damage did the attacks do?", "how", [], undefined],
    // After "did" and its subject, the next word is the verb even where WordNet calls it mostly a noun.
    ["How much did the rocket attacks damage the two bases?", "count", [], "damag"],
    ["How many drones did the three militia groups fire?", "count", ["drone"], "attack"],
  ])("reads %j as a %s question", (text, type, counted, predicate) => {
    const understood = read(text);
    expect(understood.type).toBe(type);
    if (type === "count") {
      expect(understood.question!.countedTerms).toEqual(counted);
      expect(understood.question!.predicate).toBe(predicate);
    }
  });

  it("reads ordinals, dates and how long", () => {
    expect(read("date of frist us strike in syria").question!.ordinal).toBe(1);
    expect(read("when was the 2nd us strike").question!.ordinal).toBe(2);
    expect(read("what did the latest strike hit").question!.ordinal).toBe("last");
    expect(read("How many attacks by the end of December 2023?").question!.dates).toEqual([{ month: 12, year: 2023, relation: "by" }]);
    expect(read("how long did they meet for").question!.asksHowLong).toBe(true);
  });
});
