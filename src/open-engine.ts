// Start-up shared by the CLI and the bots: load and validate data/, open the lexical resources,
// build the engine. Bad data is an expected outcome, returned as the editor-facing problem lines.
import { createEngine, type Engine } from "./answers/engine.js";
import { loadEnglishWords } from "./answers/words/english-words.js";
import { openWordNet } from "./answers/words/wordnet.js";
import { DEFAULT_DATA_DIR, formatProblem, loadKnowledge } from "./knowledge/load.js";

export type OpenedEngine = { ok: true; engine: Engine } | { ok: false; problems: string[] };

export function openEngine(dataDir: string = process.env.FACTDESK_DATA_DIR || DEFAULT_DATA_DIR): OpenedEngine {
  const loaded = loadKnowledge(dataDir);
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map(formatProblem) };
  return { ok: true, engine: createEngine(loaded.knowledge, { isEnglishWord: loadEnglishWords(), wordNet: openWordNet() }) };
}
