// The lexicon's synonym groups, checked the way lexical-resource.ts resolves a word: the word
// itself if a group lists it (the later group wins a word two groups list), else the group of its
// dictionary forms, else its own Porter stem, which is also what each group's key stands for. So
// a word can reach the wrong group through a stem it merely shares with a key.
import { groupTerm } from "../answers/words/lexical-resource.js";
import { dictionaryForms } from "../answers/words/morphology.js";
import { stem } from "../answers/words/stem.js";
import { wordNetResource } from "../answers/words/wordnet-resource.js";
import { aliasKey, wordTokens } from "./text-folding.js";
import type { DataProblem } from "./types.js";
import { describeName, type WordContext } from "./validate-words.js";

type Report = (group: string, message: string) => void;

export function checkSynonyms(context: WordContext): DataProblem[] {
  const { knowledge, language, names } = context;
  const { lexicon, lexiconFile: file } = knowledge;
  const problems: DataProblem[] = [];
  const report: Report = (group, message) => problems.push({ file, field: `synonyms.${group}`, message });
  const outOfScope = new Set(lexicon.outOfScopePlaces.map(aliasKey));
  /** Each word or phrase (as its tokens) and the first group listing it. */
  const claimedBy = new Map<string, string>();
  const groupOfTerm = new Map<string, string>();

  for (const [group, variants] of Object.entries(lexicon.synonyms)) {
    const term = groupTerm(group, stem);
    const sharing = groupOfTerm.get(term);
    if (sharing !== undefined) report(group, `stands for the same term "${term}" as synonyms.${sharing} (their keys share a stem), so the two are one group: merge them, or key one by a word with another stem`);
    else groupOfTerm.set(term, group);

    const listed = new Map<string, string>(); // this group's words by their tokens, as written
    for (const variant of [group, ...variants]) {
      const tokens = wordTokens(variant);
      const key = tokens.join(" ");
      const earlier = listed.get(key);
      if (earlier !== undefined) {
        report(group, earlier === variant ? `lists "${variant}" twice: remove one` : `lists "${earlier}" and "${variant}", which read alike (case, hyphens and punctuation aside): remove one`);
        continue;
      }
      listed.set(key, variant);
      const other = claimedBy.get(key);
      if (other !== undefined) report(group, `lists "${variant}", which synonyms.${other} also lists: a word reads as one group only (the later one in the file), so keep it only in the group it means`);
      else claimedBy.set(key, group);

      const what = variant === group ? `its key "${group}" is` : `"${variant}" is`;
      if (tokens.length === 1 && language.stopwords.has(key)) {
        const list = lexicon.stopwords.some((entry) => wordTokens(entry).join(" ") === key) ? "stopwords" : "filler";
        report(
          group,
          variant === group
            ? `${what} a stopword (in ${list}): stopwords are dropped before synonyms are read, so no question or fact reads "${group}" as this group and its words match only each other; key the group by a word that is not a stopword, or remove "${group}" from ${list}`
            : `${what} a stopword (in ${list}): stopwords are dropped before synonyms are read, so "${variant}" never reads as "${group}"; remove it from the group, or from ${list}`,
        );
      }
      // Spans are matched on these very tokens: a name never starts with "the", so "the premier" would not be shadowed.
      const name = names.get(key);
      if (name) report(group, `${what} ${describeName(name)}: names are read before synonyms, so it never reads as this group; ${variant === group ? "key the group by another word, or remove the group" : "remove it here"}`);
      else if (outOfScope.has(key)) report(group, `${what} listed in outOfScopePlaces, which are read before synonyms, so it never reads as this group; remove it from one of them`);
    }
  }
  checkCollisions(context, claimedBy, groupOfTerm, report);
  return problems;
}

/**
 * Words no group lists that a group still claims: through dictionary forms two groups list (the
 * first form WordNet gives decides), or through a stem shared with a group's key. A word derived
 * from one of the group's words ("attackers", "severity") belongs there; any other is a collision
 * ("several" read as "severe", "position" as "positive"). Only the words the facts use and the
 * dictionary forms of the lexicon's own words are looked at: a question can bring any word.
 */
function checkCollisions(context: WordContext, claimedBy: ReadonlyMap<string, string>, groupOfTerm: ReadonlyMap<string, string>, report: Report): void {
  const { knowledge, language, wordNet, names, factWords } = context;
  const origins = new Map<string, string>(); // word -> where it comes from, for the message
  for (const [word, factId] of factWords) origins.set(word, `which fact "${factId}" uses`);
  for (const [listed, group] of claimedBy) {
    // A form of a listed word strays only by a stem the two share ("positions", "position":
    // "posit"), so only words whose stem is another group's term are worth WordNet's time.
    const stray = groupOfTerm.get(stem(listed));
    if (listed.includes(" ") || stray === undefined || stray === group) continue;
    for (const form of dictionaryForms(listed, wordNet)) if (!origins.has(form)) origins.set(form, `the dictionary form of "${listed}" in synonyms.${group}`);
  }
  const wordNetWords = wordNetResource(wordNet);
  const derived = (word: string, group: string) => {
    const groupWords = new Set([group, ...knowledge.lexicon.synonyms[group]!].map((variant) => wordTokens(variant).join(" ")));
    return (
      wordNetWords.related(word).some((related) => related.kind === "derived" && groupWords.has(related.word)) ||
      wordNetWords.related(group).some((related) => related.kind === "derived" && related.word === word)
    );
  };
  for (const [word, origin] of origins) {
    // Listed words read as their own group, stopwords are never read, and names are read as names.
    if (claimedBy.has(word) || language.stopwords.has(word) || names.has(word)) continue;
    const term = language.read(word).term;
    const group = groupOfTerm.get(term);
    if (group === undefined) continue; // read as its own stem, in no group
    const formGroups = [...new Set(dictionaryForms(word, wordNet).flatMap((form) => claimedBy.get(form) ?? []))];
    if (formGroups.length > 1) {
      const [first, second] = formGroups as [string, string];
      report(second, `"${word}", ${origin}, has dictionary forms in synonyms.${first} and in this group: it reads as whichever WordNet lists first, so list "${word}" itself in the group it means`);
    } else if (formGroups.length === 0 && !derived(word, group)) {
      report(group, `"${word}", ${origin}, reads as this group's word though no group lists it: its Porter stem "${term}" is this group's term. List "${word}" in the group it means (keyed by a word with another stem), or among stopwords if it carries no topic`);
    }
  }
}
