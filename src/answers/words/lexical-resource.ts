// The one interface through which language knowledge comes into the engine (MiniSearch-style: the
// core never hard-wires English). The story lexicon is the editors' own word list and always wins;
// general resources (WordNet) only speak for words the knowledge base doesn't use.
import { wordTokens } from "../../knowledge/text-folding.js";
import type { PartOfSpeech } from "./wordnet.js";

/** A word or phrase another word may stand for, how strongly (0-1), and by which relation. */
/** An inflection is the same word in another form ("chosen" for "choose"): as close as a relation gets. */
export type Relation = "inflection" | "synonym" | "derived" | "similar" | "broader" | "narrower" | "attribute";

export interface RelatedWord {
  word: string;
  weight: number;
  /** How it relates: a broader word ("warship" for "carrier") says less than was asked. */
  kind: Relation;
  /** "synonym of", "hypernym of", "derived from": for --explain. */
  relation: string;
}

export interface LexicalResource {
  readonly name: string;
  /** Words a word may stand for, strongest first; its own inflections are the resource's business. */
  related(word: string): readonly RelatedWord[];
  partsOfSpeech?(word: string): readonly PartOfSpeech[];
  /** Is the word more likely a verb than a noun: an inflected verb form, or more verb senses than noun senses? */
  mostlyVerb?(word: string): boolean;
  /** Does the word name a concrete thing or a person (an embassy, a cost, a leader), as a noun? */
  namesAThing?(word: string): boolean;
  /** Does the word's first sense as a noun name a person ("critics", "officials") or, unless `groups` is false, a group of people? */
  namesPeople?(word: string, groups?: boolean): boolean;
}

/** The term a synonym group stands for: the stem of each word of its key ("prime minister" -> "prime minist"). */
export function groupTerm(key: string, stem: (word: string) => string): string {
  return wordTokens(key).map(stem).join(" ");
}

/**
 * The story lexicon's synonym groups, read as the engine thinks: each word or phrase to the term of
 * its group's key. The word itself decides first, then its dictionary forms ("retaliates" ->
 * retaliate), so a group claims a word's inflections but never another word that happens to share
 * its stem ("object" is not "objective"). Without a dictionary, stems stand in for forms, and the
 * first group to claim a stem keeps it.
 */
export function createStoryLexicon(
  groups: Readonly<Record<string, readonly string[]>>,
  stem: (word: string) => string,
  dictionaryForms?: (word: string) => readonly string[],
) {
  const exact = new Map<string, string>();
  const byStem = new Map<string, string>();
  const phrases = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(groups)) {
    const term = groupTerm(canonical, stem);
    for (const variant of [canonical, ...variants]) {
      const tokens = wordTokens(variant);
      if (tokens.length === 1) {
        exact.set(tokens[0]!, term);
        if (!byStem.has(stem(tokens[0]!))) byStem.set(stem(tokens[0]!), term);
      } else if (tokens.length > 1) {
        phrases.set(tokens.join(" "), term);
      }
    }
  }
  return {
    /** Multi-word variants ("hit back") and the term each stands for. */
    phrases: phrases as ReadonlyMap<string, string>,
    /** The term a single word stands for: its group's, or its own stem. */
    termOf(word: string): string {
      const own = exact.get(word);
      if (own) return own;
      if (!dictionaryForms) return byStem.get(stem(word)) ?? stem(word);
      for (const form of dictionaryForms(word)) {
        const group = exact.get(form);
        if (group) return group;
      }
      return stem(word);
    },
  };
}
