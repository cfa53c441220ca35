// What a conversation costs: a follow-up read against its conversation's last turn beside a
// fresh message with no context before it, each with the context it keeps turned to JSON as a
// store holds it. Real knowledge base, after a warm-up, like the rest.
import type { ConversationContext } from "../src/answers/converse.js";
import type { Engine } from "../src/answers/engine.js";
import { timeEach, type Latency } from "./measure.js";
import { FOLLOW_UPS } from "./mix.js";

export interface ConversationBench {
  fresh: Latency;
  followUp: Latency;
  contextBytes: { p50: number; max: number };
}

export function conversationBench(engine: Engine, rounds = 200): ConversationBench {
  const contexts = new Map<string, ConversationContext>();
  const sizes: number[] = [];
  for (const [first, next] of FOLLOW_UPS) {
    const stored = JSON.stringify(engine.converse(first).context);
    sizes.push(Buffer.byteLength(stored));
    contexts.set(next, JSON.parse(stored) as ConversationContext);
  }
  sizes.sort((a, b) => a - b);
  // A fresh message in a conversation is stored too: both sides pay for their context's JSON.
  const fresh = timeEach((text) => JSON.stringify(engine.converse(text).context), FOLLOW_UPS.map(([first]) => first), rounds);
  // Each follow-up is read against its own first turn, and its new context stored as JSON, as the desk does.
  const followUp = timeEach((text) => JSON.stringify(engine.converse(text, contexts.get(text)).context), FOLLOW_UPS.map(([, next]) => next), rounds);
  return { fresh, followUp, contextBytes: { p50: sizes[Math.floor(sizes.length / 2)]!, max: sizes.at(-1)! } };
}
