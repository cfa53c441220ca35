// Deterministic synthetic knowledge bases for the benchmarks: facts cloned from the real ones'
// shapes and wording, about generated entities with aliases, so the engine runs the same code
// paths at 1,000 to 100,000 facts. Citations keep the real (verbatim) quotes.
import type { Entity, Fact, KnowledgeBase } from "../src/knowledge/types.js";

/** mulberry32: a small seeded generator, so every run builds the same knowledge base. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["zor", "vak", "ment", "qui", "dra", "lun", "bex", "tor", "ish", "gal", "mur", "pex", "sab", "ven", "kol", "rif"];

export function syntheticKnowledge(real: KnowledgeBase, size: number, seed = 42): KnowledgeBase {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const entityCount = Math.max(10, Math.round(size / 10));
  const entities: Entity[] = [...real.entities];
  const synthetic: Entity[] = [];
  for (let i = 0; i < entityCount; i++) {
    const name = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}${i}`.replace(/^\w/, (c) => c.toUpperCase());
    const template = pick(real.entities.filter((entity) => entity.kind === "place" || entity.kind === "group"));
    const entity: Entity = { ...template, id: `synthetic-${i}`, name, aliases: [name, `${name} district`], description: `${name}, a generated ${template.kind}.`, file: "synthetic" };
    // The template's own aliases and nesting belong to it, not to the generated entity.
    delete entity.within;
    delete entity.caseSensitiveAliases;
    synthetic.push(entity);
  }
  entities.push(...synthetic);

  const facts: Fact[] = [];
  for (let i = 0; i < size; i++) {
    const template = real.facts[i % real.facts.length]!;
    const about = pick(synthetic);
    const place = (text: string) => text.replace(/\b(Iraq|Syria|Albukamal|Al-Mayadeen|Baghdad|Tehran|Gaza)\b/g, about.name);
    facts.push({
      ...template,
      id: `${template.id}-${i}`,
      questions: template.questions.map(place),
      answer: place(template.answer),
      entities: [about.id],
      values: template.values.map((value) => ("place" in value && value.place ? { ...value, place: about.id } : value)),
      file: "synthetic",
    });
  }
  return { ...real, entities, facts, topics: [{ id: "synthetic", title: "Synthetic", factIds: facts.map((fact) => fact.id) }] };
}
