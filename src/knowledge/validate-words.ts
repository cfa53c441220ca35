// Checks of the data's words as the engine reads them: the story lexicon (synonym groups,
// shorthand, opposites, the word lists) and the plain words of facts' actions. They run on the
// engine's own Language, built once at start-up, so they judge with the very stopwords, stems,
// dictionary forms and word list the engine answers with; no list is restated here.
import type { Language } from "../answers/words/language.js";
import { baseForms } from "../answers/words/morphology.js";
import type { WordNet } from "../answers/words/wordnet.js";
import { aliasKey, wordTokens } from "./text-folding.js";
import type { DataProblem, KnowledgeBase } from "./types.js";
import { checkLexiconLists } from "./validate-lexicon-lists.js";
import { checkSynonyms } from "./validate-synonyms.js";

/** A name in the entity catalogue, as the engine matches it (its alias key), and where it is written. */
export interface CatalogueName {
  entityId: string;
  file: string;
  /** "name", "alias" or "title": what the editor looks for in the entity. */
  kind: "name" | "alias" | "title";
  text: string;
}

/** What every word check reads: the data, the engine's language over it, and indexes built once. */
export interface WordContext {
  knowledge: KnowledgeBase;
  language: Language;
  wordNet: WordNet;
  /** Every name of the catalogue by alias key ("prime minister", "us"); names are read before any other span. */
  names: ReadonlyMap<string, CatalogueName>;
  /** Each word the facts use (questions, answers, quotes, what values measure, actions) and the first fact using it. */
  factWords: ReadonlyMap<string, string>;
}

export function checkWords(knowledge: KnowledgeBase, language: Language, wordNet: WordNet): DataProblem[] {
  const context: WordContext = { knowledge, language, wordNet, names: catalogueNames(knowledge), factWords: factWords(knowledge) };
  return [...checkSynonyms(context), ...checkLexiconLists(context), ...checkActionWords(context)];
}

/** "a title of entity "al-sudani" (data/entities/people.yaml)": where an editor finds a name. */
export function describeName(name: CatalogueName): string {
  return `${name.kind === "title" ? "a title" : "a name"} of entity "${name.entityId}" (${name.file})`;
}

function catalogueNames(knowledge: KnowledgeBase): Map<string, CatalogueName> {
  const names = new Map<string, CatalogueName>();
  for (const entity of knowledge.entities) {
    const add = (text: string, kind: CatalogueName["kind"]) => {
      const key = aliasKey(text);
      if (key && !names.has(key)) names.set(key, { entityId: entity.id, file: entity.file, kind, text });
    };
    add(entity.name, "name");
    for (const alias of entity.aliases) add(alias, "alias");
    for (const title of entity.titles ?? []) add(title, "title");
  }
  return names;
}

function factWords(knowledge: KnowledgeBase): Map<string, string> {
  const words = new Map<string, string>();
  for (const fact of knowledge.facts) {
    const texts = [
      ...fact.questions,
      fact.answer,
      ...fact.citations.map((citation) => citation.quote),
      ...fact.values.flatMap((value) => ["of" in value ? value.of : "", value.kind === "action" ? `${value.action} ${value.object ?? ""}` : ""]),
    ];
    for (const text of texts) for (const word of wordTokens(text)) if (!words.has(word)) words.set(word, fact.id);
  }
  return words;
}

/**
 * A fact's action is found in a claim by one word whose term is the action's, never a stopword;
 * a plain-word actor or target must be a word at all (the loader has already checked ids and
 * their shape: a single lower-case word that is neither an entity id nor a word is a misspelt id).
 */
function checkActionWords({ knowledge, language, wordNet }: WordContext): DataProblem[] {
  const problems: DataProblem[] = [];
  const entityIds = new Set(knowledge.entities.map((entity) => entity.id));
  for (const fact of knowledge.facts) {
    fact.values.forEach((value, index) => {
      if (value.kind !== "action") return;
      const field = `${fact.id}.values[${index}]`;
      const verb = wordTokens(value.action);
      if (verb.length !== 1) {
        problems.push({ file: fact.file, field: `${field}.action`, message: `"${value.action}" is not one word: a claim's action is found by a single word, so write the verb alone ("strike", "meet")` });
      } else if (language.stopwords.has(verb[0]!)) {
        problems.push({ file: fact.file, field: `${field}.action`, message: `"${value.action}" is a stopword, which a claim never reads as an action: write the verb that carries the meaning` });
      }
      const roles = [...value.actor.map((role, j) => [`${field}.actor[${j}]`, role] as const), ...(value.target ?? []).map((role, j) => [`${field}.target[${j}]`, role] as const)];
      for (const [path, role] of roles) {
        if (entityIds.has(role) || wordTokens(role).join(" ") !== role) continue; // ids and malformed roles: the loader's
        if (language.isEnglishWord(role) || language.knows(role) || baseForms(role, wordNet).length > 0) continue;
        problems.push({ file: fact.file, field: path, message: `names unknown entity "${role}": it is neither an entity id in data/entities nor an English word` });
      }
    });
  }
  return problems;
}
