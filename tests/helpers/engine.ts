// One engine over the real data/, built once per test file.
import { createEngine, type Engine } from "../../src/answers/engine.js";
import { loadEnglishWords } from "../../src/answers/english-words.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

let engine: Engine | undefined;

export function realEngine(): Engine {
  if (engine) return engine;
  const loaded = loadKnowledge();
  if (!loaded.ok) throw new Error(`data/ does not load: ${JSON.stringify(loaded.problems)}`);
  engine = createEngine(loaded.knowledge, loadEnglishWords());
  return engine;
}
