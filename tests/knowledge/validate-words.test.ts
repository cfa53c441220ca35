// The checks of the data's words, as start-up and `factdesk validate` run them: on copies of data/
// with the lexicon or a fact broken the ways an editor might break them, each problem named exactly.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildEngineParts } from "../../src/answers/engine.js";
import { DEFAULT_DATA_DIR, loadKnowledge } from "../../src/knowledge/load.js";
import { checkWords } from "../../src/knowledge/validate-words.js";
import { openEngine, openLanguageResources } from "../../src/open-engine.js";

const resources = openLanguageResources();
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Edit = [from: string, to: string];

/** A copy of data/ with each file's edits made (each must find its text). */
function dataWith(edits: Record<string, Edit[]>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "factdesk-words-"));
  dirs.push(dir);
  const data = path.join(dir, "data");
  cpSync(DEFAULT_DATA_DIR, data, { recursive: true });
  for (const [file, changes] of Object.entries(edits)) {
    let text = readFileSync(path.join(data, file), "utf8");
    for (const [from, to] of changes) {
      if (!text.includes(from)) throw new Error(`"${from}" is not in ${file}: has the data changed under the test?`);
      text = text.replace(from, to);
    }
    writeFileSync(path.join(data, file), text);
  }
  return data;
}

/** The problems start-up reports for such a copy. */
function problemsWith(edits: Record<string, Edit[]>): string[] {
  const opened = openEngine(dataWith(edits), resources);
  return opened.ok ? [] : opened.problems;
}

const lexicon = (...edits: Edit[]) => problemsWith({ "lexicon.yaml": edits });
const LEXICON = "data/lexicon.yaml";
/** Adds synonym groups before the first one. */
const groups = (lines: string): Edit => ["synonyms:\n", `synonyms:\n${lines}`];

describe("data/", () => {
  it("as it is today passes every word check", () => {
    const loaded = loadKnowledge();
    if (!loaded.ok) throw new Error(loaded.problems.map((problem) => problem.message).join("\n"));
    expect(checkWords(loaded.knowledge, buildEngineParts(loaded.knowledge, resources).language, resources.wordNet)).toEqual([]);
    expect(openEngine(DEFAULT_DATA_DIR, resources).ok).toBe(true);
  });

  it("broken, makes `factdesk validate` exit 1 with the problem on one line", () => {
    const data = dataWith({ "lexicon.yaml": [["mission: [job,", "mission: [doing, job,"]] });
    const root = path.resolve(import.meta.dirname, "../..");
    const validate = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "validate"], { cwd: root, encoding: "utf8", env: { ...process.env, FACTDESK_DATA_DIR: data } });
    expect(validate.status).toBe(1);
    expect(validate.stderr).toBe(
      `factdesk: data/ has 1 problem(s):\n  ${LEXICON} synonyms.mission: "doing" is a stopword (in stopwords): stopwords are dropped before synonyms are read, so "doing" never reads as "mission"; remove it from the group, or from stopwords\n`,
    );
  });
});

describe("a synonym group", () => {
  it("keyed by a stopword, or listing one, is named with the stopword", () => {
    expect(lexicon(groups("  about: [regarding, concerning]\n"), ["mission: [job,", "mission: [doing, job,"])).toEqual([
      `${LEXICON} synonyms.about: its key "about" is a stopword (in stopwords): stopwords are dropped before synonyms are read, so no question or fact reads "about" as this group and its words match only each other; key the group by a word that is not a stopword, or remove "about" from stopwords`,
      `${LEXICON} synonyms.mission: "doing" is a stopword (in stopwords): stopwords are dropped before synonyms are read, so "doing" never reads as "mission"; remove it from the group, or from stopwords`,
    ]);
  });

  it("listing a word twice, or a word another group lists, is named with both", () => {
    expect(lexicon(["clinic, al-ahli]", "clinic, al-ahli, al ahli, clinic]"], ["barrages, shelling]", "barrages, shelling, blast]"])).toEqual([
      `${LEXICON} synonyms.hospital: lists "al-ahli" and "al ahli", which read alike (case, hyphens and punctuation aside): remove one`,
      `${LEXICON} synonyms.hospital: lists "clinic" twice: remove one`,
      `${LEXICON} synonyms.explosion: lists "blast", which synonyms.attack also lists: a word reads as one group only (the later one in the file), so keep it only in the group it means`,
    ]);
  });

  it("whose key shares its stem with another group's key is one group with it", () => {
    expect(lexicon(groups("  severity: [gravity]\n"))).toEqual([
      `${LEXICON} synonyms.severe: stands for the same term "sever" as synonyms.severity (their keys share a stem), so the two are one group: merge them, or key one by a word with another stem`,
    ]);
  });

  it("claims a word of the facts that merely shares its key's stem ('several' is not 'severe'), but not one derived from its words", () => {
    expect(lexicon(["  multiple: [several]\n", ""], ["  stance: [position]\n", ""])).toEqual([
      `${LEXICON} synonyms.severe: "several", which fact "attacks-claimed-by" uses, reads as this group's word though no group lists it: its Porter stem "sever" is this group's term. List "several" in the group it means (keyed by a word with another stem), or among stopwords if it carries no topic`,
      `${LEXICON} synonyms.positive: "position", which fact "al-sudani-position" uses, reads as this group's word though no group lists it: its Porter stem "posit" is this group's term. List "position" in the group it means (keyed by a word with another stem), or among stopwords if it carries no topic`,
    ]);
  });

  it("claims the dictionary form of another group's word by a shared stem", () => {
    expect(lexicon(["destruction, wrecked", "destruction, severs, wrecked"])).toEqual([
      `${LEXICON} synonyms.severe: "sever", the dictionary form of "severs" in synonyms.damage, reads as this group's word though no group lists it: its Porter stem "sever" is this group's term. List "sever" in the group it means (keyed by a word with another stem), or among stopwords if it carries no topic`,
    ]);
  });

  it("holding one dictionary form of a word the facts use while another group holds the other", () => {
    expect(lexicon(groups("  site: [location]\n  sit: [seated]\n"))).toEqual([
      `${LEXICON} synonyms.sit: "sites", which fact "attack-tally" uses, has dictionary forms in synonyms.site and in this group: it reads as whichever WordNet lists first, so list "sites" itself in the group it means`,
    ]);
  });

  it("listing a name of the catalogue, which is always read as the name", () => {
    expect(lexicon(["chief, chairman,", "chief, premier, chairman,"])).toEqual([
      `${LEXICON} synonyms.leader: "premier" is a title of entity "al-sudani" (data/entities/people.yaml): names are read before synonyms, so it never reads as this group; remove it here`,
    ]);
  });
});

describe("shorthand", () => {
  it("that is not one word as the engine splits text never applies", () => {
    expect(lexicon(["  tho: though\n", "  tho: though\n  no.: number\n  b/c: because\n"])).toEqual([
      `${LEXICON} shorthand.no.: never applies: shorthand rewrites one word as the engine splits text, and "no." is read as the word "no"; remove it`,
      `${LEXICON} shorthand.b/c: never applies: shorthand rewrites one word as the engine splits text, and "b/c" is read as the words "b c"; remove it`,
    ]);
  });

  it("for an English word the facts use would rewrite the facts ('us' the pronoun, 'US' the country)", () => {
    expect(lexicon(["  tho: though\n", "  tho: though\n  us: united states\n"])).toEqual([
      `${LEXICON} shorthand.us: "us" is an English word that fact "attack-tally" uses, and shorthand rewrites it to "united states" everywhere, the facts included; remove the shorthand`,
      `${LEXICON} shorthand.us: rewrites a word of entity "pentagon"'s names (data/entities/groups.yaml) before names are read, so they no longer name it: "US military" reads as "united states military"; "U.S. military" reads as "united states military". Add the rewritten names to its aliases, or remove the shorthand`,
      `${LEXICON} shorthand.us: rewrites a word of entity "blinken"'s names (data/entities/people.yaml) before names are read, so they no longer name it: "US Secretary of State" reads as "united states secretary of state"; "top US diplomat" reads as "top united states diplomat"; "the top US diplomat" reads as "top united states diplomat"; "US diplomat" reads as "united states diplomat". Add the rewritten names to its aliases, or remove the shorthand`,
      `${LEXICON} shorthand.us: rewrites a word of entity "united-states"'s names (data/entities/places.yaml) before names are read, so they no longer name it: "U.S. government" reads as "united states government"; "US government" reads as "united states government"; "the US government" reads as "united states government". Add the rewritten names to its aliases, or remove the shorthand`,
    ]);
  });

  it("for a word of a name stops the name matching, unless the rewritten name is also the entity's", () => {
    expect(lexicon(["  tho: though\n", "  tho: though\n  sam: samuel\n"])).toEqual([
      `${LEXICON} shorthand.sam: rewrites a word of entity "united-states"'s names (data/entities/places.yaml) before names are read, so they no longer name it: "Uncle Sam" reads as "uncle samuel". Add the rewritten names to its aliases, or remove the shorthand`,
    ]);
  });

  it("for a word a synonym group lists makes the synonym unreachable", () => {
    expect(lexicon(["  tho: though\n", "  tho: though\n  ammo: ammunition\n"])).toEqual([
      `${LEXICON} shorthand.ammo: rewrites "ammo", which synonyms.weapon lists, before synonyms are read, so it never reads as "weapon"; remove it from one of them`,
    ]);
  });
});

describe("the other sections", () => {
  it("a list naming an entry twice", () => {
    expect(lexicon(["lol, btw,", "lol, btw, hey,"], ["mutualActions: [meet]", "mutualActions: [meet, Meet]"])).toEqual([
      `${LEXICON} stopwords: lists "hey" twice: remove one`,
      `${LEXICON} mutualActions: lists "meet" and "Meet", which read alike (case, hyphens and punctuation aside): remove one`,
    ]);
  });

  it("a filler phrase that a synonym phrase, a name or an out-of-scope place always reads first", () => {
    expect(lexicon(["for the graphic,", "for the graphic, heart attack, prime minister, red sea,"])).toEqual([
      `${LEXICON} filler: "heart attack" is also a phrase of synonyms.cardiac arrest, which is read first, so it is never dropped: remove it from one of them`,
      `${LEXICON} filler: "prime minister" is also a title of entity "al-sudani" (data/entities/people.yaml), which is read first, so it is never dropped: remove it from one of them`,
      `${LEXICON} filler: "red sea" is also listed in outOfScopePlaces, which is read first, so it is never dropped: remove it from one of them`,
    ]);
  });

  it("opposites that read as one term, that are only stopwords, or that repeat a pair", () => {
    expect(lexicon(["  - [deny, admit]\n", "  - [deny, admit]\n  - [minor, slight]\n  - [so far, severe]\n  - [leave, stay]\n"])).toEqual([
      `${LEXICON} opposites[7]: "minor" and "slight" read as one term, "minor", so any statement using it would contradict itself: name two words of opposite meaning`,
      `${LEXICON} opposites[8]: "so far" is only stopwords, so the pair never applies: name a word that carries the meaning`,
      `${LEXICON} opposites[9]: repeats opposites[0] ("leave" and "stay" read as the same two terms): remove one`,
    ]);
  });

  it("a light word that is also a speech verb, a phrase where one word is matched, a mutual action no fact has", () => {
    expect(lexicon(["stage, mount]", "stage, mount, say, making threats]"], ["mutualActions: [meet]", "mutualActions: [meet, negotiate]"])).toEqual([
      `${LEXICON} lightWords: "making threats" is not one word, and lightWords are matched one word at a time, so it never applies: list the word alone`,
      `${LEXICON} speechVerbs: "say" is also a light word (lightWords): a speech verb makes a question ask what was said, a light word says nothing a question is about; keep it in one list`,
      `${LEXICON} speechVerbs: "said" is also a light word (lightWords): a speech verb makes a question ask what was said, a light word says nothing a question is about; keep it in one list`,
      `${LEXICON} mutualActions: no fact's action reads as "negotiate", so it never applies: add a fact with action: negotiate, or remove it`,
    ]);
  });

  it("an out-of-scope place the catalogue holds", () => {
    expect(lexicon(["Kurdistan, Erbil,", "Kurdistan, Baghdad, Erbil,"])).toEqual([
      `${LEXICON} outOfScopePlaces: "Baghdad" is also a name of entity "baghdad" (data/entities/places.yaml): names are read first, so it is never out of scope, and a place the catalogue holds is one the sources cover; remove it from one of them`,
    ]);
  });
});

describe("a fact's action", () => {
  it("whose verb is a phrase or a stopword, or whose plain-word role is no word at all (a misspelt id)", () => {
    const problems = problemsWith({
      "facts/background.yaml": [["actor: [hamas], action: raid, target: [israel]", "actor: [hamas], action: carry out, target: [israel]"]],
      "facts/politics.yaml": [["actor: [blinken], action: meet", "actor: [blinken], action: do"]],
      "facts/strikes.yaml": [["actor: [united-states], action: deter, target: [militias]", "actor: [unitedstates], action: deter, target: [militias]"]],
    });
    expect(problems).toEqual([
      `data/facts/background.yaml october-7.values[3].action: "carry out" is not one word: a claim's action is found by a single word, so write the verb alone ("strike", "meet")`,
      `data/facts/politics.yaml blinken-warning.values[2].action: "do" is a stopword, which a claim never reads as an action: write the verb that carries the meaning`,
      `data/facts/strikes.yaml critics-view.values[0].actor[0]: names unknown entity "unitedstates": it is neither an entity id in data/entities nor an English word`,
    ]);
  });
});
