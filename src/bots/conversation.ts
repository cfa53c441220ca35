// What every chat front end shares: reading a message as a request (a question, a claim to check,
// or a call for help) and turning it into a platform-neutral reply. Adapters only render replies.
import { randomUUID } from "node:crypto";
import { suggestQuestions } from "../answers/autocomplete.js";
import { topicSamples } from "../answers/compose.js";
import type { Engine } from "../answers/engine.js";
import type { AnswerResult, CheckResult } from "../answers/types.js";
import type { AskLog } from "../store/ask-log.js";
import type { Feedback, VoteChoice, VoteTally } from "../store/feedback.js";
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
  | { kind: "answer"; question: string; result: AnswerResult; askId?: string }
  | { kind: "check"; claim: string; result: CheckResult; askId?: string };

/** Who asked, and where: what the record keeps (hashed) and what votes and limits are per. */
export interface Asker {
  platform: "slack" | "discord" | "terminal";
  userId: string;
  /** Where the exchange happens: a thread, a DM, a channel, a terminal session. */
  conversation: string;
}

/** Who voted: votes are one per person per answer, wherever they clicked. */
export type Voter = Pick<Asker, "platform" | "userId">;

/** Where the desk keeps what was asked and what people thought of the answers (src/store). */
export interface DeskRecords {
  asks: AskLog;
  feedback: Feedback;
}

/** Ask ids are UUIDs; anything else in a button is not one of ours. */
export const isAskId = (value: string | undefined): value is string => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value ?? "");

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
/** What comes with a request besides its text (an options object, so more can join it). */
export interface RespondOptions {
  /** Who asked: a question or claim from an asker is recorded, and its reply carries the ask id. */
  asker?: Asker;
}

export interface Desk {
  respond(request: Request, options?: RespondOptions): Promise<Reply>;
  /** Known questions matching what the user has typed so far, best first. */
  complete(typed: string, limit: number): string[];
  /** Records a 👍 or 👎 (a second click changes it): the answer's tally after it, or undefined when nothing is recorded. */
  vote(askId: string, voter: Voter, choice: VoteChoice): Promise<VoteTally | undefined>;
  /** Records a 👎 with the reason someone gave for it: the tally after it, or undefined when nothing is recorded. */
  explainVote(askId: string, voter: Voter, reason: string): Promise<VoteTally | undefined>;
}

export function createDesk(engine: Engine, records?: DeskRecords, now: () => number = Date.now): Desk {
  const complete = suggestQuestions(engine.knownQuestions());
  const voterOf = (askId: string, voter: Voter) => ({ askId, platform: voter.platform, userId: voter.userId });
  return {
    respond: async (request, { asker } = {}) => {
      // Let pending I/O (an adapter's ack to Slack or Discord) go out before the engine runs.
      await new Promise((resolve) => setImmediate(resolve));
      const reply = replyTo(engine, request);
      if (!asker || reply.kind === "help") return reply;
      const askId = randomUUID();
      // Only queued here: it is written after the reply has gone out (see src/store/ask-log.ts).
      records?.asks.record(askEntry(askId, asker, reply, now()));
      return { ...reply, askId };
    },
    complete: (typed, limit) => complete(clipRequest(typed, MAX_TYPED_CHARS), limit),
    vote: async (askId, voter, choice) => records?.feedback.vote(voterOf(askId, voter), choice),
    explainVote: async (askId, voter, reason) => records?.feedback.explain(voterOf(askId, voter), reason),
  };
}

function askEntry(id: string, asker: Asker, reply: Extract<Reply, { kind: "answer" | "check" }>, askedAt: number) {
  const common = { id, askedAt, platform: asker.platform, conversation: asker.conversation, userId: asker.userId, factIds: reply.result.factIds };
  return reply.kind === "answer"
    ? { ...common, kind: "ask" as const, text: reply.question, outcome: reply.result.status, confidence: reply.result.confidence }
    : { ...common, kind: "check" as const, text: reply.claim, outcome: reply.result.verdict, confidence: null };
}
