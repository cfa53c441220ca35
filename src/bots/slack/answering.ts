// How a Slack reply reaches the asker: the desk's reply rendered and delivered to a destination
// (destinations.ts), and whatever goes wrong (the desk failing, Slack refusing the post, finding it
// too long, holding it back, or leaving it unclear) told to the asker exactly once, never as an
// apology on top of a delivered answer. It says whether the delivery is done, so a failed one can
// be answered when Slack retries it.
import type { Logger } from "../../logger.js";
import { readRequest, type Asker, type Desk, type Reply, type Request, type RespondOptions } from "../conversation.js";
import { APOLOGY_MESSAGE, type RateLimiter } from "../rate-limit.js";
import { serveAsk, type Delivery, type Produced } from "../serve-ask.js";
import type { AnsweredMessages } from "./answered-messages.js";
import { renderCheckUsage, renderNotice, renderPlain, renderReply, type RenderOptions, type SlackMessage } from "./blocks.js";
import { isTooLong, type PostOutcome, type SlackPoster } from "./delivery.js";
import type { Destination } from "./destinations.js";
import { tooLongToAsk } from "./incoming.js";

export interface AnswerDeps {
  desk: Desk;
  logger: Logger;
  limiter: RateLimiter;
  poster: SlackPoster;
  /** Which post answers which message, so an edit of the message updates it (answered-messages.ts). */
  answered: AnsweredMessages;
}

const heldNotice = (seconds: number) =>
  `Slack is holding my posts in this channel for about ${seconds} second${seconds === 1 ? "" : "s"}, so here is my answer where only you can see it.`;
const LONG_MESSAGE = "That's more than one question: ask one question at a time, or use /factcheck for a draft.";
const MAY_BE_MISSING_MESSAGE = "Slack had trouble while I was posting my answer, so it may be missing. If you don't see it, please ask again.";

/**
 * Asks the desk and delivers the reply, through the one adapter core (serve-ask.ts); whatever
 * fails, the asker hears about it exactly once. True when the delivery is done (answered, refused
 * by the rate limit, declined, or answered privately); false when the answer certainly did not go
 * out, so Slack's retry of it should be answered.
 */
export async function answer(deps: AnswerDeps, asker: Asker, request: Request, to: Destination, options: RenderOptions = {}, asked: Pick<RespondOptions, "conversation"> = {}): Promise<boolean> {
  const produce = async (): Promise<Produced<Reply>> => {
    if (tooLongToAsk(request)) return { decline: LONG_MESSAGE, why: "too long to ask" };
    const reply = await deps.desk.respond(request, { asker, ...asked });
    return { answer: reply, reply };
  };
  return answerWith(deps, asker, request.kind, produce, to, options);
}

async function answerWith(deps: AnswerDeps, asker: Asker, kind: string, produce: () => Promise<Produced<Reply>>, to: Destination, options: RenderOptions): Promise<boolean> {
  const log = deps.logger.child({ user: asker.userId, request: kind });
  const served = await serveAsk({ limiter: deps.limiter, log }, asker.userId, {
    produce,
    deliver: (reply) => deliver(reply, to, options, log),
    tell: (text) => noticeOrLog(to, text, log),
  });
  switch (served.kind) {
    case "answered":
    case "rate limited":
      return true;
    case "not answered":
      return served.done;
    case "declined":
      return served.told;
    case "failed":
      return false;
  }
}

/** The reply rendered and sent where it belongs; what Slack did with it decides what the asker is told. */
async function deliver(reply: Reply, to: Destination, options: RenderOptions, log: Logger): Promise<Delivery> {
  const shown: RenderOptions = to.isPrivate ? { askedBy: "You", ...options } : options;
  const askId = reply.kind === "help" ? undefined : reply.askId;
  const outcome = await sendFitting((message) => to.deliver(message, askId), reply, shown, log);
  switch (outcome.kind) {
    case "posted":
      return { answered: true, ...(outcome.found ? { logged: { found: true } } : {}) };
    case "not_posted":
      log.error({ reason: outcome.reason }, "could not post the answer");
      await noticeOrLog(to, to.notPosted ?? APOLOGY_MESSAGE, log);
      return { answered: false, done: false };
    case "held": {
      log.warn({ retryAfterS: outcome.retryAfterS }, "Slack is holding this channel's posts; answered privately");
      const privately = await sendFitting((message) => to.privately(message), reply, { ...options, askedBy: "You", notice: heldNotice(outcome.retryAfterS) }, log);
      if (privately.kind !== "posted") log.error({ outcome: privately.kind }, "could not reach the asker privately either");
      return { answered: false, done: true };
    }
    case "unknown": {
      // It may be in the channel: answering a retry could post it twice.
      log.error({ reason: outcome.reason }, "the answer may not have been posted, and Slack could not say; told the asker privately");
      const privately = await to.privately(renderNotice(MAY_BE_MISSING_MESSAGE));
      if (privately.kind !== "posted") log.error({ outcome: privately.kind }, "could not reach the asker privately either");
      return { answered: false, done: true };
    }
  }
}

/**
 * The reply sent; if Slack refuses it as too long, its brief rendering (answer, as-of, first
 * passage), then plain text: a shorter answer, never an apology for a long one.
 */
async function sendFitting(send: (message: SlackMessage) => Promise<PostOutcome>, reply: Reply, options: RenderOptions, log: Logger): Promise<PostOutcome> {
  const renderings = [() => renderReply(reply, options), () => renderReply(reply, { ...options, brief: true }), () => renderPlain(reply, options)];
  let outcome: PostOutcome = { kind: "not_posted", reason: "not sent" };
  for (const [i, render] of renderings.entries()) {
    if (i > 0) log.warn({ reason: outcome.kind === "not_posted" ? outcome.reason : undefined, shorter: i === 1 ? "brief" : "plain text" }, "Slack refused the answer as too long; sending it shorter");
    outcome = await send(render());
    if (outcome.kind !== "not_posted" || !isTooLong(outcome.reason)) return outcome;
  }
  return outcome;
}

/** A notice for the asker (no desk involved): true once it is delivered. */
export async function tell(deps: Pick<AnswerDeps, "logger">, to: Destination, message: SlackMessage, why: string): Promise<boolean> {
  const outcome = await to.notice(message);
  if (outcome.kind !== "posted") deps.logger.error({ outcome: outcome.kind, why }, "could not deliver a notice");
  return outcome.kind === "posted";
}

/** /factcheck with nothing to check: how to use it, with the help card's example claim (left out if the desk fails). */
export async function tellCheckUsage(deps: Pick<AnswerDeps, "desk" | "logger">, to: Destination): Promise<boolean> {
  let example: string | undefined;
  try {
    const reply = await deps.desk.respond({ kind: "help" });
    const read = reply.kind === "help" ? readRequest(reply.help.checkExample) : undefined;
    example = read?.kind === "check" ? read.claim : undefined;
  } catch (error) {
    deps.logger.warn({ err: error }, "could not read the help card for /factcheck's example");
  }
  return tell(deps, to, renderCheckUsage(example), "factcheck usage");
}

/** A notice (an apology, the rate limit, a decline) where the reply was to go; told privately if even that can't go out there. True once it reached the asker. */
async function noticeOrLog(to: Destination, text: string, log: Logger): Promise<boolean> {
  const outcome = await to.notice(renderNotice(text));
  if (outcome.kind === "posted") return true;
  log.error({ outcome: outcome.kind }, "could not deliver the apology either");
  if (to.noticesArePrivate || (outcome.kind !== "held" && outcome.kind !== "not_posted")) return false;
  const privately = await to.privately(renderNotice(text));
  if (privately.kind !== "posted") log.error({ outcome: privately.kind }, "could not reach the asker privately either");
  return privately.kind === "posted";
}
