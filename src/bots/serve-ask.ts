// What every chat front end does with one ask, written once: the asker's rate limit, the answer
// produced and delivered, a short notice instead when the ask is declined, an apology when
// anything fails, and one log line for each outcome. An adapter gives only its own ways to
// produce and deliver an answer and to tell the asker something (Slack's posts, Discord's replies).
import type { Logger } from "../logger.js";
import type { Reply } from "./conversation.js";
import { APOLOGY_MESSAGE, RATE_LIMITED_MESSAGE, type RateLimiter } from "./rate-limit.js";

/** The answer to deliver (and the desk's reply it renders, for the log), or a notice declining the ask. */
export type Produced<A> = { answer: A; reply?: Reply } | Declined;

/** An ask FactDesk won't put to the desk (a question too long to be one, a button it can no longer act on): told why, privately. */
export interface Declined {
  decline: string;
  /** The log line's message. */
  why: string;
  logged?: Record<string, unknown>;
}

/**
 * How it went out: answered (with anything the adapter adds to the "answered" line), or not
 * answered, the adapter having told the asker and logged why; `done` says the asker has heard
 * something (Slack settles the delivery then, and releases it for Slack's retry otherwise).
 */
export type Delivery = { answered: true; logged?: Record<string, unknown> } | { answered: false; done: boolean };

/** What the asker gets instead of an answer. */
export type NoticeKind = "rate limited" | "declined" | "apology";

export interface AskHandling<A> {
  /** Asks the desk and renders its reply, or declines. Throws on a fault (the asker gets the apology). */
  produce(): Promise<Produced<A>>;
  deliver(answer: A): Promise<Delivery>;
  /** Tells the asker something short, as privately as the platform allows: true once it reached them. */
  tell(text: string, kind: NoticeKind): Promise<boolean>;
}

export type Served =
  | { kind: "answered" }
  | { kind: "not answered"; done: boolean }
  | { kind: "rate limited" | "declined"; told: boolean }
  | { kind: "failed"; told: boolean };

export interface ServeDeps {
  limiter: RateLimiter;
  /** A logger already bound to who asked and where: every line of this ask carries it. */
  log: Logger;
}

export async function serveAsk<A>({ limiter, log }: ServeDeps, userId: string, handling: AskHandling<A>): Promise<Served> {
  const tell = async (text: string, kind: NoticeKind): Promise<boolean> => {
    const told = await handling.tell(text, kind).catch((error: unknown) => {
      log.error({ err: error, notice: kind }, kind === "apology" ? "could not deliver the apology either" : "could not deliver a notice");
      return false;
    });
    return told;
  };
  try {
    if (!(await limiter.allow(userId))) {
      log.warn("rate limit reached");
      return { kind: "rate limited", told: await tell(RATE_LIMITED_MESSAGE, "rate limited") };
    }
    const produced = await handling.produce();
    if ("decline" in produced) {
      log.info(produced.logged ?? {}, produced.why);
      return { kind: "declined", told: await tell(produced.decline, "declined") };
    }
    const delivery = await handling.deliver(produced.answer);
    if (!delivery.answered) return { kind: "not answered", done: delivery.done };
    log.info({ ...(produced.reply ? replySummary(produced.reply) : {}), ...delivery.logged }, "answered");
    return { kind: "answered" };
  } catch (error) {
    log.error({ err: error }, "could not answer");
    return { kind: "failed", told: await tell(APOLOGY_MESSAGE, "apology") };
  }
}

/** What the log keeps of a reply: its outcome, the facts it came from, its ask id. */
export function replySummary(reply: Reply): Record<string, unknown> {
  if (reply.kind === "answer") return { status: reply.result.status, factIds: reply.result.factIds, askId: reply.askId };
  if (reply.kind === "check") return { verdict: reply.result.verdict, factIds: reply.result.factIds, askId: reply.askId };
  return { status: "help" };
}
