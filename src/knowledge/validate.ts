// Cross-record checks that no single schema can make: unique ids and aliases, references that
// resolve, quotes that occur verbatim in their source and outside its page boilerplate.
import type { Citation } from "./schema.js";
import { aliasKey, foldQuote } from "./text-folding.js";
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
      const named = [
        "place" in value ? value.place : undefined,
        "entity" in value ? value.entity : undefined,
        ...("entities" in value ? value.entities : []),
      ];
      for (const entityId of named) {
        if (entityId && !entityIds.has(entityId)) {
          problems.push({ file: fact.file, field: `${fact.id}.values[${index}]`, message: `names unknown entity "${entityId}"` });
        }
      }
    });
    checkCitations(knowledge, fact.citations, fact.file, fact.id, problems);
  }
  return problems;
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
