// Start-up shared by the CLI and the bots: load and validate data/, open the lexical resources,
// build the engine, and check the data's words against the language it built (cheap once that
// language exists; see validate-words.ts). Bad data is an expected outcome, returned as the
// editor-facing problem lines.
import { buildEngineParts, engineOf, type Engine } from "./answers/engine.js";
import { loadEnglishWords } from "./answers/words/english-words.js";
import type { LanguageResources } from "./answers/words/language.js";
import { openWordNet, type WordNet } from "./answers/words/wordnet.js";
import { DEFAULT_DATA_DIR, formatProblem, loadKnowledge } from "./knowledge/load.js";
import { checkWords } from "./knowledge/validate-words.js";

export type OpenedEngine = { ok: true; engine: Engine } | { ok: false; problems: string[] };

export function openLanguageResources(): LanguageResources & { wordNet: WordNet } {
  return { isEnglishWord: loadEnglishWords(), wordNet: openWordNet() };
}

export function openEngine(
  dataDir: string = process.env.FACTDESK_DATA_DIR || DEFAULT_DATA_DIR,
  resources: LanguageResources & { wordNet: WordNet } = openLanguageResources(),
): OpenedEngine {
  const loaded = loadKnowledge(dataDir);
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map(formatProblem) };
  const parts = buildEngineParts(loaded.knowledge, resources);
  const problems = checkWords(loaded.knowledge, parts.language, resources.wordNet);
  if (problems.length > 0) return { ok: false, problems: problems.map(formatProblem) };
  return { ok: true, engine: engineOf(parts) };
}
