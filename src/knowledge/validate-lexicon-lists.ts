// The lexicon's other sections, checked as the engine applies them: shorthand rewrites one token
// before anything else is read, spans (names, out-of-scope places, synonym phrases, then filler)
// are matched in that order of precedence, light words and speech verbs are tested one token at a
// time, opposites and mutual actions are compared as terms. An entry that can never apply, or
// that another section always overrides, is a problem.
import { actionTerm, termOfPhrase } from "../answers/check/check.js";
import { aliasKey, wordTokens } from "./text-folding.js";
import type { DataProblem } from "./types.js";
import { describeName, type WordContext } from "./validate-words.js";

type Report = (field: string, message: string) => void;

export function checkLexiconLists(context: WordContext): DataProblem[] {
  const file = context.knowledge.lexiconFile;
  const problems: DataProblem[] = [];
  const report: Report = (field, message) => problems.push({ file, field, message });
  checkRepeats(context, report);
  checkStopPhrases(context, report);
  checkShorthand(context, report);
  checkOpposites(context, report);
  checkVerbLists(context, report);
  checkOutOfScopePlaces(context, report);
  return problems;
}

function checkRepeats({ knowledge: { lexicon } }: WordContext, report: Report): void {
  const lists = { stopwords: lexicon.stopwords, filler: lexicon.filler, speechVerbs: lexicon.speechVerbs, lightWords: lexicon.lightWords, pleasantries: lexicon.pleasantries, mutualActions: lexicon.mutualActions, outOfScopePlaces: lexicon.outOfScopePlaces };
  for (const [field, entries] of Object.entries(lists)) {
    const seen = new Map<string, string>();
    for (const entry of entries) {
      const key = field === "outOfScopePlaces" ? aliasKey(entry) : wordTokens(entry).join(" ");
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, entry);
      else report(field, earlier === entry ? `lists "${entry}" twice: remove one` : `lists "${earlier}" and "${entry}", which read alike (case, hyphens and punctuation aside): remove one`);
    }
  }
}

/** A stopword or filler phrase is dropped only where no name, out-of-scope place or synonym phrase is read first. */
function checkStopPhrases({ knowledge: { lexicon }, names }: WordContext, report: Report): void {
  const phrases = new Map<string, string>();
  for (const [group, variants] of Object.entries(lexicon.synonyms)) {
    for (const variant of [group, ...variants]) {
      const tokens = wordTokens(variant);
      if (tokens.length > 1 && !phrases.has(tokens.join(" "))) phrases.set(tokens.join(" "), group);
    }
  }
  const outOfScope = new Set(lexicon.outOfScopePlaces.map(aliasKey));
  for (const field of ["stopwords", "filler"] as const) {
    for (const entry of lexicon[field]) {
      const tokens = wordTokens(entry);
      if (tokens.length < 2) continue;
      const key = tokens.join(" ");
      const name = names.get(key);
      const reason = name
        ? describeName(name)
        : outOfScope.has(key)
          ? "listed in outOfScopePlaces"
          : phrases.has(key)
            ? `a phrase of synonyms.${phrases.get(key)}`
            : undefined;
      if (reason) report(field, `"${entry}" is also ${reason}, which is read first, so it is never dropped: remove it from one of them`);
    }
  }
}

/**
 * Shorthand rewrites a token wherever it occurs, in the facts too, before names and synonyms are
 * read. An English word (the engine's word list; WordNet also lists abbreviations such as "oct")
 * that the facts use would be rewritten in them; a word of a name would stop the name matching.
 */
function checkShorthand({ knowledge, language, factWords }: WordContext, report: Report): void {
  const { lexicon } = knowledge;
  const listedBy = new Map<string, string>();
  for (const [group, variants] of Object.entries(lexicon.synonyms)) for (const variant of [group, ...variants]) listedBy.set(wordTokens(variant).join(" "), group);
  const entityOf = new Map<string, string>();
  const aliasesByWord = new Map<string, { alias: string; tokens: string[]; entity: (typeof knowledge.entities)[number] }[]>();
  for (const entity of knowledge.entities) {
    for (const alias of [entity.name, ...entity.aliases, ...(entity.titles ?? [])]) {
      entityOf.set(aliasKey(alias), entity.id);
      const tokens = wordTokens(alias);
      for (const token of new Set(tokens)) aliasesByWord.set(token, [...(aliasesByWord.get(token) ?? []), { alias, tokens, entity }]);
    }
  }
  const rewrite = (tokens: readonly string[]) => tokens.flatMap((token) => language.shorthand.get(token) ?? [token]);

  for (const [short, long] of Object.entries(lexicon.shorthand)) {
    const field = `shorthand.${short}`;
    const key = short.toLowerCase();
    const tokens = wordTokens(short);
    if (tokens.length !== 1 || tokens[0] !== key) {
      report(field, `never applies: shorthand rewrites one word as the engine splits text, and "${short}" is read as ${tokens.length === 1 ? "the word" : "the words"} "${tokens.join(" ")}"; remove it`);
      continue;
    }
    const user = factWords.get(key);
    if (user !== undefined && language.isEnglishWord(key)) {
      report(field, `"${short}" is an English word that fact "${user}" uses, and shorthand rewrites it to "${long}" everywhere, the facts included; remove the shorthand`);
    }
    const group = listedBy.get(key);
    if (group !== undefined) report(field, `rewrites "${short}", which synonyms.${group} lists, before synonyms are read, so it never reads as "${group}"; remove it from one of them`);
    // Each entity's names it breaks, in one message: "Iraqi PM" reads as "iraqi prime minister", also his alias, so it is fine.
    const broken = new Map<(typeof knowledge.entities)[number], string[]>();
    for (const { alias, tokens: aliasTokens, entity } of aliasesByWord.get(key) ?? []) {
      const read = aliasKey(rewrite(aliasTokens).join(" "));
      if (entityOf.get(read) === entity.id) continue;
      const other = entityOf.get(read);
      broken.set(entity, [...(broken.get(entity) ?? []), `"${alias}" reads as "${read}"${other ? `, a name of entity "${other}"` : ""}`]);
    }
    for (const [entity, names] of broken) {
      report(field, `rewrites a word of entity "${entity.id}"'s names (${entity.file}) before names are read, so they no longer name it: ${names.join("; ")}. Add the rewritten names to its aliases, or remove the shorthand`);
    }
  }
}

/** Opposites are compared as terms: a pair whose sides read alike would make a statement contradict itself. */
function checkOpposites({ knowledge: { lexicon }, language }: WordContext, report: Report): void {
  const seen = new Map<string, number>();
  lexicon.opposites.forEach(([a, b], index) => {
    const field = `opposites[${index}]`;
    const [x, y] = [termOfPhrase(a, language), termOfPhrase(b, language)];
    for (const [side, term] of [[a, x], [b, y]] as const) {
      if (term === undefined) report(field, `"${side}" is only stopwords, so the pair never applies: name a word that carries the meaning`);
    }
    if (x === undefined || y === undefined) return;
    if (x === y) {
      report(field, `"${a}" and "${b}" read as one term, "${x}", so any statement using it would contradict itself: name two words of opposite meaning`);
      return;
    }
    const key = [x, y].sort().join(" / ");
    const earlier = seen.get(key);
    if (earlier !== undefined) report(field, `repeats opposites[${earlier}] ("${a}" and "${b}" read as the same two terms): remove one`);
    else seen.set(key, index);
  });
}

/**
 * Light words and speech verbs are tested one token at a time; a mutual action must be some fact's
 * action. A speech verb may well be a stopword ("say", "tell": speech is noticed before stopwords
 * are dropped), but a light word declares the opposite of a speech verb: that the word says nothing.
 */
function checkVerbLists({ knowledge, language }: WordContext, report: Report): void {
  const { lexicon } = knowledge;
  const lists = { lightWords: lexicon.lightWords, speechVerbs: lexicon.speechVerbs, mutualActions: lexicon.mutualActions };
  for (const [field, entries] of Object.entries(lists)) {
    for (const entry of entries) {
      if (wordTokens(entry).length !== 1) report(field, `"${entry}" is not one word, and ${field} are matched one word at a time, so it never applies: list the word alone`);
    }
  }
  const bothWays = new Set<string>();
  for (const verb of lexicon.speechVerbs) {
    const token = verb.toLowerCase();
    if (!language.isLightWord(token)) continue;
    bothWays.add(token);
    report("speechVerbs", `"${verb}" is also a light word (lightWords): a speech verb makes a question ask what was said, a light word says nothing a question is about; keep it in one list`);
  }
  for (const word of lexicon.lightWords) {
    const token = word.toLowerCase();
    if (bothWays.has(token) || !language.isSpeechVerb(token)) continue;
    report("lightWords", `"${word}" is also a speech verb (it shares its stem with one in speechVerbs): a light word says nothing a question is about, a speech verb makes it ask what was said; keep it in one list`);
  }
  const actions = new Set(knowledge.facts.flatMap((fact) => fact.values.flatMap((value) => (value.kind === "action" ? [actionTerm(value.action, language)] : []))));
  for (const action of lexicon.mutualActions) {
    if (wordTokens(action).length !== 1 || actions.has(actionTerm(action, language))) continue;
    report("mutualActions", `no fact's action reads as "${action}", so it never applies: add a fact with action: ${action}, or remove it`);
  }
}

function checkOutOfScopePlaces({ knowledge: { lexicon }, names }: WordContext, report: Report): void {
  for (const place of lexicon.outOfScopePlaces) {
    const name = names.get(aliasKey(place));
    if (name) report("outOfScopePlaces", `"${place}" is also ${describeName(name)}: names are read first, so it is never out of scope, and a place the catalogue holds is one the sources cover; remove it from one of them`);
  }
}
