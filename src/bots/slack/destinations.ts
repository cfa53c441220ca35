// Where a Slack reply goes: a thread or DM (posted once through delivery.ts), FactDesk's earlier
// answer to an edited message (updated), a response_url, or beside a message a shortcut was used
// on. Each says how it delivers an answer, a notice and a private note; in a channel, notices
// (the rate limit, apologies) reach the asker alone.
import type { webApi } from "@slack/bolt";
import type { AnswerPost } from "./answered-messages.js";
import type { AnswerDeps } from "./answering.js";
import type { SlackMessage } from "./blocks.js";
import { isTooLong, type PostOutcome } from "./delivery.js";

/**
 * Where a reply goes: `deliver` puts it where it belongs, `notice` is for apologies and the rate
 * limit, and `privately` reaches only the asker, for a reply Slack holds back or one that may not
 * have gone out. In a channel the notices are private too (`noticesArePrivate`).
 */
export interface Destination {
  /** `askId`: the reply's, when the desk recorded it, so its post can be found by it. */
  deliver(message: SlackMessage, askId?: string): Promise<PostOutcome>;
  notice(message: SlackMessage): Promise<PostOutcome>;
  privately(message: SlackMessage): Promise<PostOutcome>;
  /** Notices reach only the asker already: one that fails is not tried privately again. */
  noticesArePrivate?: boolean;
  /** Said when the reply certainly did not go out (default: the apology). */
  notPosted?: string;
  /** Replies seen only by the asker: they say what they answer ("You asked: …"). */
  isPrivate?: boolean;
}

export type Respond = (message: Record<string, unknown>) => Promise<unknown>;

/** Where in a conversation a reply goes, and the message it answers (so an edit of that message updates it). */
export interface ConversationPlace {
  user: string;
  channel: string;
  thread_ts?: string;
  /** A DM: only the asker is there, so notices are posted like answers. */
  dm?: boolean;
  /** The key (answered-messages.ts) of the message the reply answers, remembered with the post. */
  answering?: string;
}

/** A thread or DM: posted once through the poster; private notes (and, in a channel, notices) as ephemeral messages there. */
export function inConversation(deps: AnswerDeps, client: webApi.WebClient, place: ConversationPlace): Destination {
  const where = { channel: place.channel, ...(place.thread_ts ? { thread_ts: place.thread_ts } : {}) };
  const post = async (message: SlackMessage, askId?: string) => remembered(deps, place, await deps.poster.post(client, { ...where, ...message }, askId), where);
  const privately = (message: SlackMessage) => deps.poster.postPrivately(client, { ...where, user: place.user, ...message });
  return { deliver: post, notice: place.dm ? post : privately, privately, ...(place.dm ? {} : { noticesArePrivate: true }) };
}

/**
 * FactDesk's earlier answer to an edited message, replaced by the answer to its new text. If that
 * post is gone (deleted), the answer is posted in its place. Notices as in the conversation.
 */
export function replacing(deps: AnswerDeps, client: webApi.WebClient, place: ConversationPlace & { answer: AnswerPost }): Destination {
  const there = inConversation(deps, client, place);
  const update = async (message: SlackMessage, askId?: string): Promise<PostOutcome> => {
    const outcome = await deps.poster.update(client, { channel: place.answer.channel, ts: place.answer.ts, ...message }, askId);
    if (outcome.kind === "not_posted" && outcome.reason === "message_not_found") return there.deliver(message, askId);
    return outcome;
  };
  return { ...there, deliver: update, notPosted: COULD_NOT_UPDATE_MESSAGE };
}

const COULD_NOT_UPDATE_MESSAGE = "Sorry, I couldn't update my answer to your edited message. Please ask again.";

function remembered(deps: AnswerDeps, place: ConversationPlace, outcome: PostOutcome, where: { channel: string; thread_ts?: string }): PostOutcome {
  if (outcome.kind === "posted" && outcome.ts && place.answering) deps.answered.remember(place.answering, { ...where, ts: outcome.ts });
  return outcome;
}

/** A response_url (slash commands, ephemeral replies): only the asker sees anything. */
export function toAsker(respond: Respond): Destination {
  const send = (message: SlackMessage): Promise<PostOutcome> =>
    respond({ response_type: "ephemeral", replace_original: false, ...message }).then(
      () => ({ kind: "posted" }),
      (error: unknown) => ({ kind: "not_posted", reason: error instanceof Error ? error.message : String(error) }),
    );
  return { deliver: send, notice: send, privately: send, noticesArePrivate: true, isPrivate: true };
}

/**
 * A message shortcut's reply, seen only by the person who used it. Beside a reply in a thread it
 * goes into that thread, where they are reading (a response_url reply shows in the channel,
 * outside the thread); through the response_url otherwise, and whenever FactDesk may not post in
 * the thread (it is not in the channel, or the channel is a DM between other people). A reply
 * Slack finds too long is not sent the other way: answer() shortens it.
 */
export function besideMessage(deps: AnswerDeps, client: webApi.WebClient, respond: Respond, user: string, channel: string, thread_ts?: string): Destination {
  const viaUrl = toAsker(respond);
  if (!thread_ts) return viaUrl;
  const send = async (message: SlackMessage): Promise<PostOutcome> => {
    const outcome = await deps.poster.postPrivately(client, { channel, thread_ts, user, ...message });
    if (outcome.kind === "posted" || (outcome.kind === "not_posted" && isTooLong(outcome.reason))) return outcome;
    deps.logger.warn({ outcome: outcome.kind, channel }, "could not reply privately in the thread: replying through the response_url");
    return viaUrl.deliver(message);
  };
  return { ...viaUrl, deliver: send, notice: send, privately: send };
}
