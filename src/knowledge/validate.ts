// Cross-record checks that no single schema can make: unique ids and aliases, references that
// resolve (an action's actors and targets included), quotes that occur verbatim in their source
// and outside its page boilerplate. How the engine reads the data's words is validate-words.ts's.
import type { Citation } from "./schema.js";
import { aliasKey, foldQuote, wordTokens } from "./text-folding.js";
import type { DataProblem, KnowledgeBase } from "./types.js";

export function checkKnowledge(knowledge: KnowledgeBase): DataProblem[] {
  const problems: DataProblem[] = [];
  const entityIds = new Map<string, string>();
  for (const entity of knowledge.entities) {
    const earlier = entityIds.get(entity.id);
    if (earlier) problems.push({ file: entity.file, field: `${entity.id}.id`, message: `entity id "${entity.id}" is also used in ${earlier}` });
    else entityIds.set(entity.id, entity.file);
  }

  const aliasOwners = new Map<string, string>();
  for (const entity of knowledge.entities) {
    for (const alias of [...entity.aliases, ...(entity.caseSensitiveAliases ?? []), ...(entity.titles ?? [])]) {
      const key = aliasKey(alias);
      const owner = aliasOwners.get(key);
      if (owner && owner !== entity.id) {
        problems.push({
          file: entity.file,
          field: `${entity.id}.aliases`,
          message: `alias "${alias}" also belongs to entity "${owner}" (${entityIds.get(owner)})`,
        });
      }
      aliasOwners.set(key, entity.id);
    }
    if (entity.within && !entityIds.has(entity.within)) {
      problems.push({ file: entity.file, field: `${entity.id}.within`, message: `names unknown entity "${entity.within}"` });
    }
    if (entity.standsFor && !entityIds.has(entity.standsFor)) {
      problems.push({ file: entity.file, field: `${entity.id}.standsFor`, message: `names unknown entity "${entity.standsFor}"` });
    }
    checkCitations(knowledge, entity.citations, entity.file, entity.id, problems);
  }

  const factIds = new Map<string, string>();
  for (const fact of knowledge.facts) {
    const earlier = factIds.get(fact.id);
    if (earlier) problems.push({ file: fact.file, field: `${fact.id}.id`, message: `fact id "${fact.id}" is also used in ${earlier}` });
    else factIds.set(fact.id, fact.file);
    fact.entities.forEach((entityId, index) => {
      if (!entityIds.has(entityId)) {
        problems.push({ file: fact.file, field: `${fact.id}.entities[${index}]`, message: `names unknown entity "${entityId}"` });
      }
    });
    fact.values.forEach((value, index) => {
      const field = `${fact.id}.values[${index}]`;
      const named: [string, string | undefined][] = [
        [`${field}.place`, "place" in value ? value.place : undefined],
        [`${field}.entity`, "entity" in value ? value.entity : undefined],
        ...("entities" in value ? value.entities.map((entityId, j): [string, string] => [`${field}.entities[${j}]`, entityId]) : []),
        [`${field}.owner`, value.kind === "action" ? value.owner : undefined],
      ];
      for (const [path, entityId] of named) {
        if (entityId && !entityIds.has(entityId)) problems.push({ file: fact.file, field: path, message: `names unknown entity "${entityId}"` });
      }
      if (value.kind === "action") {
        const roles = [...value.actor.map((role, j) => [`${field}.actor[${j}]`, role] as const), ...(value.target ?? []).map((role, j) => [`${field}.target[${j}]`, role] as const)];
        for (const [path, role] of roles) {
          const problem = roleProblem(role, entityIds, aliasOwners);
          if (problem) problems.push({ file: fact.file, field: path, message: problem });
        }
      }
    });
    checkCitations(knowledge, fact.citations, fact.file, fact.id, problems);
  }
  return problems;
}

/**
 * An actor or target is an entity id, or one plain word for what the catalogue doesn't hold
 * ("contractor", "troops"). Anything else is a misspelt id, which the fact check would silently
 * read as a word that matches nothing. (Whether a plain word is English is checked with the
 * engine's word list, in validate-words.ts.)
 */
function roleProblem(role: string, entityIds: ReadonlyMap<string, string>, aliasOwners: ReadonlyMap<string, string>): string | undefined {
  if (entityIds.has(role)) return undefined;
  const owner = aliasOwners.get(aliasKey(role));
  if (owner) return `names "${role}", a name of entity "${owner}": write the entity's id, "${owner}"`;
  const tokens = wordTokens(role);
  if (tokens.length !== 1 || tokens[0] !== role) return `names unknown entity "${role}": an actor or target is an entity id from data/entities, or one plain lower-case word such as "contractor"`;
  return undefined;
}

function checkCitations(
  knowledge: KnowledgeBase,
  citations: readonly Citation[],
  file: string,
  recordId: string,
  problems: DataProblem[],
): void {
  citations.forEach((citation, index) => {
    const field = `${recordId}.citations[${index}]`;
    const source = knowledge.sources.get(citation.source);
    if (!source) {
      problems.push({ file, field: `${field}.source`, message: `names unknown source "${citation.source}"` });
      return;
    }
    const text = foldQuote(source.text);
    const quote = foldQuote(citation.quote);
    const at = text.indexOf(quote);
    if (at < 0) {
      problems.push({ file, field: `${field}.quote`, message: `does not occur verbatim in source "${source.id}": "${clip(citation.quote)}"` });
      return;
    }
    const boilerplateAt = source.boilerplateStartsAt ? text.lastIndexOf(foldQuote(source.boilerplateStartsAt)) : -1;
    if (boilerplateAt >= 0 && at + quote.length > boilerplateAt) {
      problems.push({ file, field: `${field}.quote`, message: `quotes the page boilerplate of "${source.id}" (from "${source.boilerplateStartsAt}" on), which is not evidence` });
    }
  });
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
