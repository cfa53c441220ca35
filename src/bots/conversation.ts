// What every chat front end shares: reading a message as a request (a question, a claim to check,
// or a call for help) and turning it into a platform-neutral reply. Adapters only render replies.
import { randomUUID } from "node:crypto";
import { suggestQuestions } from "../answers/autocomplete.js";
import { topicSamples } from "../answers/compose.js";
import type { Engine } from "../answers/engine.js";
import type { AnswerResult, CheckResult } from "../answers/types.js";
import type { AskLog } from "../store/ask-log.js";
import type { Feedback, VoteChoice, VoteTally } from "../store/feedback.js";
import type { ConversationContext } from "../answers/converse.js";
import type { Logger } from "../logger.js";
import { memoryConversationStore, type ConversationStore } from "../store/conversation-store.js";
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
  /** The latest day a fact is as of: how current the desk is (null only for a desk with no facts). */
  asOf: string | null;
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
    asOf: knowledge.facts.map((fact) => fact.asOf).sort().at(-1) ?? null,
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
  /**
   * The conversation whose context the request reads and then holds ("slack:T1:C1:1700000000.1"):
   * a follow-up ("and in Syria?") is read against its last turn. By default the asker's
   * conversation; `false` for a request that must stand alone (an answer shared in a channel).
   */
  conversation?: string | false;
}

/** Where the desk keeps conversations between turns, and how long a conversation lasts. */
export interface DeskOptions {
  records?: DeskRecords;
  /** A shared store's conversations (several processes); by default each process keeps its own in memory. */
  conversations?: ConversationStore<ConversationContext>;
  logger?: Logger;
  now?: () => number;
}

/** The key of an asker's conversation: platform-qualified, so Slack's and Discord's never meet. */
export const conversationKey = (asker: Asker) => `${asker.platform}:${asker.conversation}`;

/** How long the context store may take before the answer goes on without it: a slow store never holds an answer. */
const CONTEXT_TIMEOUT_MS = 250;

export interface Desk {
  respond(request: Request, options?: RespondOptions): Promise<Reply>;
  /** Known questions matching what the user has typed so far, best first. */
  complete(typed: string, limit: number): string[];
  /**
   * The conversation continues under another key too: a Discord reply chain goes on from the
   * message FactDesk posted, whose id is known only once it is sent.
   */
  continueConversation(from: string, to: string): Promise<void>;
  /** Is the message put as a question or request, not talk between people? A Slack thread reply without a mention is answered only then. */
  isPutAsRequest(text: string): boolean;
  /** Does this conversation hold context (FactDesk answered in it lately)? A Slack thread reply without a mention continues only such a thread. */
  knowsConversation(key: string): Promise<boolean>;
  /** Records a 👍 or 👎 (a second click changes it): the answer's tally after it, or undefined when nothing is recorded. */
  vote(askId: string, voter: Voter, choice: VoteChoice): Promise<VoteTally | undefined>;
  /** Records a 👎 with the reason someone gave for it: the tally after it, or undefined when nothing is recorded. */
  explainVote(askId: string, voter: Voter, reason: string): Promise<VoteTally | undefined>;
}

export function createDesk(engine: Engine, options: DeskOptions | DeskRecords = {}): Desk {
  const { records, conversations = memoryConversationStore<ConversationContext>(), logger, now = Date.now } = "asks" in options ? { records: options } : options;
  const complete = suggestQuestions(engine.knownQuestions());
  const voterOf = (askId: string, voter: Voter) => ({ askId, platform: voter.platform, userId: voter.userId });
  /** The store, asked within the timeout: context is worth a moment, never an answer. */
  const withContextStore = async <T>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), CONTEXT_TIMEOUT_MS)));
    try {
      return await Promise.race([Promise.resolve().then(work), late.then(() => {
        logger?.warn({ what }, "the conversation store did not answer in time: going on without it");
        return undefined;
      })]);
    } catch (error) {
      logger?.warn({ err: error, what }, "the conversation store failed: going on without it");
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
  /** A question or claim read in its conversation: the context before it in, the context after it kept. */
  const inConversation = async (request: Exclude<Request, { kind: "help" }>, key: string): Promise<Reply> => {
    const context = await withContextStore("read", () => conversations.get(key));
    const turn = request.kind === "check" ? engine.converse(request.claim, context, { claim: true }) : engine.converse(request.question, context);
    // "thanks" or "hi" holds nothing: it neither changes a conversation nor starts one (a Slack thread stays closed).
    const asksNothing = turn.reply.kind === "answer" && turn.reply.result.asksNothing;
    if (!asksNothing) await withContextStore("write", () => conversations.set(key, turn.context));
    // The reply echoes what was typed; how a follow-up was read is the result's own note.
    const { reply } = turn;
    if (reply.kind === "answer") return { kind: "answer", question: request.kind === "ask" ? request.question : reply.question, result: reply.result };
    return { kind: "check", claim: request.kind === "check" ? request.claim : reply.claim, result: reply.result };
  };
  return {
    respond: async (request, { asker, conversation } = {}) => {
      // Let pending I/O (an adapter's ack to Slack or Discord) go out before the engine runs.
      await new Promise((resolve) => setImmediate(resolve));
      const key = conversation === false ? undefined : (conversation ?? (asker ? conversationKey(asker) : undefined));
      const reply = request.kind !== "help" && key ? await inConversation(request, key) : replyTo(engine, request);
      // "thanks", "👍": nothing for the record or the editors' review.
      if (!asker || reply.kind === "help" || (reply.kind === "answer" && reply.result.asksNothing)) return reply;
      const askId = randomUUID();
      // Only queued here: it is written after the reply has gone out (see src/store/ask-log.ts).
      records?.asks.record(askEntry(askId, asker, reply, now()));
      return { ...reply, askId };
    },
    isPutAsRequest: (text) => engine.isPutAsRequest(text),
    knowsConversation: async (key) => (await withContextStore("read", () => conversations.get(key))) !== undefined,
    continueConversation: async (from, to) => {
      const context = await withContextStore("read", () => conversations.get(from));
      if (context) await withContextStore("write", () => conversations.set(to, context));
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
