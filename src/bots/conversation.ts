// What every chat front end shares: reading a message as a request (a question, a claim to check,
// or a call for help) and turning it into a platform-neutral reply. Adapters only render replies.
import { suggestQuestions } from "../answers/autocomplete.js";
import { topicSamples } from "../answers/compose.js";
import type { Engine } from "../answers/engine.js";
import type { AnswerResult, CheckResult } from "../answers/types.js";
import { clipRequest, MAX_TYPED_CHARS } from "./clip.js";

export type Request = { kind: "help" } | { kind: "ask"; question: string } | { kind: "check"; claim: string };

export interface SourceSummary {
  publisher: string;
  title: string;
  published: string;
  url?: string;
}

export interface HelpCard {
  /** One line on what FactDesk covers. */
  scope: string;
  topics: string[];
  examples: string[];
  checkExample: string;
  sources: SourceSummary[];
  factCount: number;
}

export type Reply =
  | { kind: "help"; help: HelpCard }
  | { kind: "answer"; question: string; result: AnswerResult }
  | { kind: "check"; claim: string; result: CheckResult };

const HELP = /^\s*(help|\?|what can you (do|answer)\??)\s*$/i;
const CHECK = /^\s*(?:fact[- ]?check|check|verify)\s*:?\s+([\s\S]+)$/i;

/** "help" asks for help; "check <sentence>" asks for a fact check; anything else is a question. */
export function readRequest(sent: string, as: "ask" | "check" = "ask"): Request {
  const text = clipRequest(sent);
  if (HELP.test(text) || text.trim() === "") return { kind: "help" };
  const claim = as === "ask" ? CHECK.exec(text)?.[1] : undefined;
  if (claim) return { kind: "check", claim: claim.trim() };
  return as === "check" ? { kind: "check", claim: text.trim() } : { kind: "ask", question: text.trim() };
}

export function replyTo(engine: Engine, request: Request): Reply {
  switch (request.kind) {
    case "help":
      return { kind: "help", help: helpCard(engine) };
    case "ask":
      return { kind: "answer", question: request.question, result: engine.ask(request.question) };
    case "check":
      return { kind: "check", claim: request.claim, result: engine.check(request.claim) };
  }
}

export function helpCard(engine: Engine): HelpCard {
  const { knowledge } = engine;
  return {
    scope: "I answer questions about the US response to attacks by Iranian-backed militias on US forces in Iraq and Syria (Oct.-Nov. 2023), quoting my sources.",
    topics: knowledge.topics.map((topic) => topic.title),
    examples: topicSamples(knowledge),
    checkExample: "check Militants have attacked US forces 61 times since Oct. 17",
    sources: [...knowledge.sources.values()].map((source) => ({
      publisher: source.publisher,
      title: source.title,
      published: source.published,
      ...(source.url ? { url: source.url } : {}),
    })),
    factCount: knowledge.facts.length,
  };
}

/**
 * The desk the adapters talk to. Asynchronous so that an adapter never assumes an answer is
 * instant (tests hand adapters a deliberately slow desk to prove the ack comes first).
 */
export interface Desk {
  respond(request: Request): Promise<Reply>;
  /** Known questions matching what the user has typed so far, best first. */
  complete(typed: string, limit: number): string[];
}

export function createDesk(engine: Engine): Desk {
  const complete = suggestQuestions(engine.knownQuestions());
  return {
    respond: async (request) => {
      // Let pending I/O (an adapter's ack to Slack or Discord) go out before the engine runs.
      await new Promise((resolve) => setImmediate(resolve));
      return replyTo(engine, request);
    },
    complete: (typed, limit) => complete(clipRequest(typed, MAX_TYPED_CHARS), limit),
  };
}
