// One engine over the real data/, built once per test file, with the lexical resources start-up opens.
import { createEngine, type Engine } from "../../src/answers/engine.js";
import { loadEnglishWords } from "../../src/answers/words/english-words.js";
import { openWordNet, type WordNet } from "../../src/answers/words/wordnet.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";

let engine: Engine | undefined;
let wordNet: WordNet | undefined;

/** The resources the engine reads words through, opened once per test file. */
export function resources() {
  wordNet ??= openWordNet();
  return { isEnglishWord: loadEnglishWords(), wordNet };
}

export function realKnowledge(): KnowledgeBase {
  const loaded = loadKnowledge();
  if (!loaded.ok) throw new Error(`data/ does not load: ${JSON.stringify(loaded.problems)}`);
  return loaded.knowledge;
}

export function realEngine(): Engine {
  engine ??= createEngine(realKnowledge(), resources());
  return engine;
}
