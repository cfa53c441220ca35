// How a Slack reply reaches the asker: the desk's reply rendered and delivered to a destination
// (destinations.ts), and whatever goes wrong (the desk failing, Slack refusing the post, finding it
// too long, holding it back, or leaving it unclear) told to the asker exactly once, never as an
// apology on top of a delivered answer. It says whether the delivery is done, so a failed one can
// be answered when Slack retries it.
import type { Logger } from "../../logger.js";
import { readRequest, type Asker, type Desk, type Reply, type Request, type RespondOptions } from "../conversation.js";
import { APOLOGY_MESSAGE, RATE_LIMITED_MESSAGE, type RateLimiter } from "../rate-limit.js";
import type { AnsweredMessages } from "./answered-messages.js";
import { renderCheckUsage, renderNotice, renderPlain, renderReply, type RenderOptions, type SlackMessage } from "./blocks.js";
import { isTooLong, type PostOutcome, type SlackPoster } from "./delivery.js";
import type { Destination } from "./destinations.js";

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
const MAY_BE_MISSING_MESSAGE = "Slack had trouble while I was posting my answer, so it may be missing. If you don't see it, please ask again.";

/**
 * Asks the desk and delivers the reply; whatever fails, the asker hears about it exactly once.
 * True when the delivery is done (answered, refused by the rate limit, or answered privately);
 * false when the answer certainly did not go out, so Slack's retry of it should be answered.
 */
export async function answer(deps: AnswerDeps, asker: Asker, request: Request, to: Destination, options: RenderOptions = {}, asked: Pick<RespondOptions, "conversation"> = {}): Promise<boolean> {
  const log = deps.logger.child({ user: asker.userId, request: request.kind });
  let reply: Reply;
  try {
    if (!(await deps.limiter.allow(asker.userId))) {
      log.warn("rate limit reached");
      await noticeOrLog(to, RATE_LIMITED_MESSAGE, log);
      return true;
    }
    reply = await deps.desk.respond(request, { asker, ...asked });
  } catch (error) {
    log.error({ err: error }, "could not answer");
    await noticeOrLog(to, APOLOGY_MESSAGE, log);
    return false;
  }
  const shown: RenderOptions = to.isPrivate ? { askedBy: "You", ...options } : options;
  const askId = reply.kind === "help" ? undefined : reply.askId;
  const outcome = await sendFitting((message) => to.deliver(message, askId), reply, shown, log);
  switch (outcome.kind) {
    case "posted":
      log.info({ ...replySummary(reply), ...(outcome.found ? { found: true } : {}) }, "answered");
      return true;
    case "not_posted":
      log.error({ reason: outcome.reason }, "could not post the answer");
      await noticeOrLog(to, to.notPosted ?? APOLOGY_MESSAGE, log);
      return false;
    case "held": {
      log.warn({ retryAfterS: outcome.retryAfterS }, "Slack is holding this channel's posts; answered privately");
      const privately = await sendFitting((message) => to.privately(message), reply, { ...options, askedBy: "You", notice: heldNotice(outcome.retryAfterS) }, log);
      if (privately.kind !== "posted") log.error({ outcome: privately.kind }, "could not reach the asker privately either");
      return true;
    }
    case "unknown": {
      // It may be in the channel: answering a retry could post it twice.
      log.error({ reason: outcome.reason }, "the answer may not have been posted, and Slack could not say; told the asker privately");
      const privately = await to.privately(renderNotice(MAY_BE_MISSING_MESSAGE));
      if (privately.kind !== "posted") log.error({ outcome: privately.kind }, "could not reach the asker privately either");
      return true;
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

/** An apology or the rate limit where the reply was to go; told privately if even that can't go out there. */
async function noticeOrLog(to: Destination, text: string, log: Logger): Promise<void> {
  const outcome = await to.notice(renderNotice(text));
  if (outcome.kind === "posted") return;
  log.error({ outcome: outcome.kind }, "could not deliver the apology either");
  if (to.noticesArePrivate || (outcome.kind !== "held" && outcome.kind !== "not_posted")) return;
  const privately = await to.privately(renderNotice(text));
  if (privately.kind !== "posted") log.error({ outcome: privately.kind }, "could not reach the asker privately either");
}

function replySummary(reply: Reply): Record<string, unknown> {
  if (reply.kind === "answer") return { status: reply.result.status, factIds: reply.result.factIds, askId: reply.askId };
  if (reply.kind === "check") return { verdict: reply.result.verdict, factIds: reply.result.factIds, askId: reply.askId };
  return { status: "help" };
}
