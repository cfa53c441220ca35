// How a Slack reply reaches the asker: the desk's reply rendered and delivered to a destination
// (a thread or DM, posted once through delivery.ts, or a response_url), and whatever goes wrong
// (the desk failing, Slack refusing the post, holding it back, or leaving it unclear) told to the
// asker exactly once, never as an apology on top of a delivered answer. It says whether the
// delivery is done, so a failed one can be answered when Slack retries it.
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import type { Asker, Desk, Reply, Request, RespondOptions } from "../conversation.js";
import { APOLOGY_MESSAGE, RATE_LIMITED_MESSAGE, type RateLimiter } from "../rate-limit.js";
import { renderNotice, renderReply, type RenderOptions, type SlackMessage } from "./blocks.js";
import type { PostOutcome, SlackPoster } from "./delivery.js";

export interface AnswerDeps {
  desk: Desk;
  logger: Logger;
  limiter: RateLimiter;
  poster: SlackPoster;
}

/**
 * Where a reply goes: `deliver` puts it where it belongs, `notice` is for apologies and the rate
 * limit (the same place, unless only the asker should see them), and `privately` reaches only the
 * asker, for a reply Slack holds back or one that may not have gone out.
 */
export interface Destination {
  /** `askId`: the reply's, when the desk recorded it, so its post can be found by it. */
  deliver(message: SlackMessage, askId?: string): Promise<PostOutcome>;
  notice(message: SlackMessage): Promise<PostOutcome>;
  privately(message: SlackMessage): Promise<unknown>;
  /** Said when the reply certainly did not go out (default: the apology). */
  notPosted?: string;
}

const heldNotice = (seconds: number) => `Slack is holding my posts in this channel for about ${seconds} seconds, so here is my answer where only you can see it.`;
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
      await to.notice(renderNotice(RATE_LIMITED_MESSAGE));
      return true;
    }
    reply = await deps.desk.respond(request, { asker, ...asked });
  } catch (error) {
    log.error({ err: error }, "could not answer");
    await noticeOrLog(to, APOLOGY_MESSAGE, log);
    return false;
  }
  const outcome = await to.deliver(renderReply(reply, options), reply.kind === "help" ? undefined : reply.askId);
  switch (outcome.kind) {
    case "posted":
      log.info({ ...replySummary(reply), ...(outcome.found ? { found: true } : {}) }, "answered");
      return true;
    case "not_posted":
      log.error({ reason: outcome.reason }, "could not post the answer");
      await noticeOrLog(to, to.notPosted ?? APOLOGY_MESSAGE, log);
      return false;
    case "held":
      log.warn({ retryAfterS: outcome.retryAfterS }, "Slack is holding this channel's posts; answered privately");
      await privatelyOrLog(to, renderReply(reply, { ...options, notice: heldNotice(outcome.retryAfterS) }), log);
      return true;
    case "unknown":
      // It may be in the channel: answering a retry could post it twice.
      log.error({ reason: outcome.reason }, "the answer may not have been posted, and Slack could not say; told the asker privately");
      await privatelyOrLog(to, renderNotice(MAY_BE_MISSING_MESSAGE), log);
      return true;
  }
}

/** An apology where the reply was to go; told privately if even that can't go out there. */
async function noticeOrLog(to: Destination, text: string, log: Logger): Promise<void> {
  const outcome = await to.notice(renderNotice(text));
  if (outcome.kind === "posted") return;
  log.error({ outcome: outcome.kind }, "could not deliver the apology either");
  if (outcome.kind === "held" || outcome.kind === "not_posted") await privatelyOrLog(to, renderNotice(text), log);
}

async function privatelyOrLog(to: Destination, message: SlackMessage, log: Logger): Promise<void> {
  await to.privately(message).catch((error: unknown) => log.error({ err: error }, "could not reach the asker privately either"));
}

export type Respond = (message: Record<string, unknown>) => Promise<unknown>;

/** A thread or DM: posted once through the poster; private notes as ephemeral messages there. */
export function inConversation(deps: AnswerDeps, client: webApi.WebClient, user: string, channel: string, thread_ts?: string): Destination {
  const where = { channel, ...(thread_ts ? { thread_ts } : {}) };
  const post = (message: SlackMessage, askId?: string) => deps.poster.post(client, { ...where, ...message }, askId);
  return { deliver: post, notice: post, privately: (message) => client.chat.postEphemeral({ ...where, user, ...message }) };
}

/** A response_url (slash commands, ephemeral replies): only the asker sees anything. */
export function toAsker(respond: Respond): Destination {
  const send = (message: SlackMessage): Promise<PostOutcome> =>
    respond({ response_type: "ephemeral", replace_original: false, ...message }).then(
      () => ({ kind: "posted" }),
      (error: unknown) => ({ kind: "not_posted", reason: error instanceof Error ? error.message : String(error) }),
    );
  return { deliver: send, notice: send, privately: send };
}

/**
 * A message shortcut's reply, seen only by the person who used it. Beside a reply in a thread it
 * goes into that thread, where they are reading (a response_url reply shows in the channel,
 * outside the thread); through the response_url otherwise, and whenever FactDesk may not post in
 * the thread (it is not in the channel, or the channel is a DM between other people).
 */
export function besideMessage(deps: AnswerDeps, client: webApi.WebClient, respond: Respond, user: string, channel: string, thread_ts?: string): Destination {
  const viaUrl = toAsker(respond);
  if (!thread_ts) return viaUrl;
  const send = async (message: SlackMessage): Promise<PostOutcome> => {
    try {
      await client.chat.postEphemeral({ channel, thread_ts, user, ...message });
      return { kind: "posted" };
    } catch (error) {
      deps.logger.warn({ err: error, channel }, "could not reply privately in the thread: replying through the response_url");
      return viaUrl.deliver(message);
    }
  };
  return { deliver: send, notice: send, privately: send };
}

function replySummary(reply: Awaited<ReturnType<Desk["respond"]>>): Record<string, unknown> {
  if (reply.kind === "answer") return { status: reply.result.status, factIds: reply.result.factIds, askId: reply.askId };
  if (reply.kind === "check") return { verdict: reply.result.verdict, factIds: reply.result.factIds, askId: reply.askId };
  return { status: "help" };
}

