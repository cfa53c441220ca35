// An edited question: when someone edits a message FactDesk answered (a mention, a DM, a reply in
// a thread), FactDesk's answer to it is replaced by the answer to what it now says, read in the
// same conversation. Slack sends the edit as a message_changed event on the message subscriptions
// the app already has; no new mention arrives with it.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { readRequest, type Asker } from "../conversation.js";
import { messageKey } from "./answered-messages.js";
import { replacing } from "./destinations.js";
import { conversationIn, plainTextFromSlack, threadOf } from "./incoming.js";
import { answer } from "./answering.js";
import type { SlackDeps } from "./listeners.js";
import { eventId, once } from "./once.js";

/** The message as it is now, and as it was: the fields an edit is read by. */
interface EditedMessage {
  ts?: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
}

/**
 * Only an edit of the words counts: Slack also sends message_changed when a link unfurls or a
 * reply is added beneath. An edit of a message FactDesk did not answer (or no longer remembers,
 * see answered-messages.ts) is left alone.
 */
export function onEdit(deps: SlackDeps) {
  return async ({ message: event, body, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs): Promise<void> => {
    if (event.subtype !== "message_changed") return;
    const now = event.message as EditedMessage;
    const before = event.previous_message as EditedMessage | undefined;
    const user = now.user;
    if (!user || now.bot_id || !now.ts || now.text === before?.text) return;
    const answered = deps.answered.answerTo(messageKey(body.team_id, event.channel, now.ts));
    if (!answered) return;
    const dm = event.channel_type === "im";
    const thread_ts = dm ? now.thread_ts : threadOf({ ts: now.ts, thread_ts: now.thread_ts });
    const asker: Asker = { platform: "slack", userId: user, conversation: conversationIn(body.team_id, event.channel, thread_ts) };
    const request = readRequest(plainTextFromSlack(now.text ?? "", context.botUserId));
    const to = replacing(deps, client, { user, channel: event.channel, ...(answered.thread_ts ? { thread_ts: answered.thread_ts } : {}), dm, answering: messageKey(body.team_id, event.channel, now.ts), answer: answered });
    deps.logger.info({ user, channel: event.channel }, "an answered message was edited: updating the answer");
    await once(deps, eventId(body), context, () => answer(deps, asker, request, to));
  };
}
