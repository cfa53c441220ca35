// What FactDesk does for each kind of Slack input: one small function per listener. Each reads the
// request, drops a repeat of one already carried out, and hands it to answering.ts; none of them
// knows how answers are made.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { readRequest } from "../conversation.js";
import { APOLOGY_MESSAGE } from "../rate-limit.js";
import { answer, inConversation, toAsker, type AnswerDeps } from "./answering.js";
import { renderNotice, type FeedbackNote, type ShareRequest, type SlackMessage } from "./blocks.js";
import type { PostOutcome } from "./delivery.js";
import type { EventClaims } from "./event-claims.js";
import { plainTextFromSlack, threadOf } from "./incoming.js";

export interface SlackDeps extends AnswerDeps {
  claims: EventClaims;
}

/**
 * True the first time a delivery is seen. A repeat (Slack's retry of an event, or a replayed
 * command or click) is dropped, with a log line saying which and why Slack sent it again.
 */
async function firstTime(deps: SlackDeps, id: string, context: { retryNum?: number; retryReason?: string }): Promise<boolean> {
  if (await deps.claims.claim(id)) return true;
  deps.logger.info({ delivery: id, retryNum: context.retryNum, retryReason: context.retryReason }, "dropped a repeated delivery");
  return false;
}

/** "@FactDesk how many attacks?" in a channel: answered in the message's thread. */
export function onMention(deps: SlackDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs): Promise<void> => {
    if (event.bot_id || !event.user || !(await firstTime(deps, `event:${body.event_id}`, context))) return;
    const request = readRequest(plainTextFromSlack(event.text, context.botUserId));
    await answer(deps, event.user, request, inConversation(deps, client, event.user, event.channel, threadOf(event)));
  };
}

/** A direct message: answered in the DM (in its thread, when it was sent in one). */
export function onDirectMessage(deps: SlackDeps) {
  return async ({ message, body, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs): Promise<void> => {
    if (message.channel_type !== "im" || message.subtype !== undefined || message.bot_id || !message.user) return;
    if (!(await firstTime(deps, `event:${body.event_id}`, context))) return;
    const request = readRequest(plainTextFromSlack(message.text ?? "", context.botUserId));
    await answer(deps, message.user, request, inConversation(deps, client, message.user, message.channel, message.thread_ts));
  };
}

/** /factdesk <question> and /factcheck <claim>: acked at once, answered only to the asker. */
export function onSlashCommand(deps: SlackDeps, as: "ask" | "check") {
  return async ({ command, ack, respond, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    if (!(await firstTime(deps, `command:${command.trigger_id}`, context))) return;
    const request = readRequest(plainTextFromSlack(command.text), as);
    await answer(deps, command.user_id, request, toAsker(respond), { shareable: true });
  };
}

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A click is one trigger and one action time: a replayed request repeats both. */
const clickId = ({ body, action }: Pick<ButtonArgs, "body" | "action">) => `action:${body.trigger_id}:${action.action_ts}`;

/** A suggested question clicked: asked and answered where the button was. */
export function onAskButton(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs): Promise<void> => {
    await ack();
    if (!(await firstTime(deps, clickId({ body, action }), context))) return;
    const request = readRequest(action.value ?? "");
    if (body.container["is_ephemeral"] || !body.channel || !body.message) {
      await answer(deps, body.user.id, request, toAsker(respond), { shareable: true });
      return;
    }
    const thread_ts = threadOf(body.message as { ts: string; thread_ts?: string });
    await answer(deps, body.user.id, request, { ...inConversation(deps, client, body.user.id, body.channel.id, thread_ts), privately: toAsker(respond).privately });
  };
}

/** 👍 or 👎: logged with the question and the facts it was answered from. */
export function onFeedback(deps: SlackDeps) {
  return async ({ ack, action, body, respond, context }: ButtonArgs): Promise<void> => {
    await ack();
    if (!(await firstTime(deps, clickId({ body, action }), context))) return;
    const note = parseValue<FeedbackNote>(action.value);
    const rating = action.action_id.endsWith(":up") ? "helpful" : "not right";
    deps.logger.info({ feedback: rating, user: body.user.id, question: note?.question, factIds: note?.factIds, status: note?.status }, "feedback");
    await respond({ response_type: "ephemeral", replace_original: false, ...renderNotice("Thanks, your feedback was recorded for the editors.") }).catch(
      (error: unknown) => deps.logger.error({ err: error }, "could not thank for feedback"),
    );
  };
}

/** "Share in channel" on an ephemeral answer: posted for everyone, the private copy removed. */
export function onShare(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs): Promise<void> => {
    await ack();
    if (!(await firstTime(deps, clickId({ body, action }), context))) return;
    const shared = parseValue<ShareRequest>(action.value);
    if (!shared || !body.channel) {
      await respond({ response_type: "ephemeral", replace_original: false, ...renderNotice(APOLOGY_MESSAGE) });
      return;
    }
    const request = readRequest(shared.text, shared.kind);
    const asker = toAsker(respond);
    const toChannel = async (message: SlackMessage): Promise<PostOutcome> => {
      const outcome = await deps.poster.post(client, { channel: body.channel!.id, ...message });
      if (outcome.kind === "posted") await respond({ delete_original: true }).catch((error: unknown) => deps.logger.warn({ err: error }, "could not remove the private copy"));
      return outcome;
    };
    await answer(deps, body.user.id, request, { ...asker, deliver: toChannel, notPosted: CANNOT_POST_MESSAGE }, { sharedBy: `<@${body.user.id}>` });
  };
}

const CANNOT_POST_MESSAGE = "I couldn't post in this channel. Invite me with /invite @FactDesk and try again.";

function parseValue<T>(value: string | undefined): T | undefined {
  try {
    return value ? (JSON.parse(value) as T) : undefined;
  } catch {
    return undefined;
  }
}
