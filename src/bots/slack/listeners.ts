// What FactDesk does for each kind of Slack input: one small function per listener. Each reads the
// request, drops a repeat of one already answered (by any process), and hands it to answering.ts;
// none of them knows how answers are made. 👍/👎 and their modal are in feedback.ts.
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
} from "@slack/bolt";
import type { DeliveryClaims } from "../../store/delivery-claims.js";
import { conversationKey, readRequest, type Asker } from "../conversation.js";
import { APOLOGY_MESSAGE } from "../rate-limit.js";
import { messageKey } from "./answered-messages.js";
import { answer, tellCheckUsage, type AnswerDeps } from "./answering.js";
import { besideMessage, inConversation, toAsker, type Destination } from "./destinations.js";
import { renderNotice, type ShareRequest, type SlackMessage } from "./blocks.js";
import type { PostOutcome } from "./delivery.js";
import { conversationIn, plainTextFromSlack, threadOf } from "./incoming.js";
import { eventId, once, triggerId } from "./once.js";

export interface SlackDeps extends AnswerDeps {
  /** Which deliveries have been answered: the store's, shared by every process, or per process (event-claims.ts). */
  claims: DeliveryClaims;
}

/** "@FactDesk how many attacks?" in a channel: answered in the message's thread. */
export function onMention(deps: SlackDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs): Promise<void> => {
    const user = event.user;
    if (event.bot_id || !user) return;
    const request = readRequest(plainTextFromSlack(event.text, context.botUserId));
    const thread_ts = threadOf(event);
    const asker: Asker = { platform: "slack", userId: user, conversation: conversationIn(body.team_id, event.channel, thread_ts) };
    const to = inConversation(deps, client, { user, channel: event.channel, thread_ts, answering: messageKey(body.team_id, event.channel, event.ts) });
    await once(deps, eventId(body), context, () => answer(deps, asker, request, to));
  };
}

/**
 * A message FactDesk was not mentioned in: a direct message (answered in the DM, in its thread
 * when it was sent in one), or a reply in a channel thread where FactDesk answered lately (the
 * conversation goes on without a new mention) that is put to it as a question or request. Other
 * channel messages, people's talk in the thread ("thanks, that's what I needed") and messages from
 * bots are not FactDesk's business; a reply that mentions FactDesk is answered as the mention.
 */
export function onMessage(deps: SlackDeps) {
  return async ({ message, body, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs): Promise<void> => {
    if (message.subtype !== undefined || message.bot_id || !message.user) return;
    const user = message.user;
    const text = message.text ?? "";
    const answering = messageKey(body.team_id, message.channel, message.ts);
    if (message.channel_type === "im") {
      const asker: Asker = { platform: "slack", userId: user, conversation: conversationIn(body.team_id, message.channel, message.thread_ts) };
      const request = readRequest(plainTextFromSlack(text, context.botUserId));
      const to = inConversation(deps, client, { user, channel: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}), dm: true, answering });
      await once(deps, eventId(body), context, () => answer(deps, asker, request, to));
      return;
    }
    const thread_ts = message.thread_ts;
    if (!thread_ts || thread_ts === message.ts || (context.botUserId && text.includes(`<@${context.botUserId}>`))) return;
    const asker: Asker = { platform: "slack", userId: user, conversation: conversationIn(body.team_id, message.channel, thread_ts) };
    // People talk among themselves in a thread too: only a question or request put to FactDesk is its.
    const plain = plainTextFromSlack(text, context.botUserId);
    if (!deps.desk.isPutAsRequest(plain) || !(await deps.desk.knowsConversation(conversationKey(asker)))) return;
    const to = inConversation(deps, client, { user, channel: message.channel, thread_ts, answering });
    await once(deps, eventId(body), context, () => answer(deps, asker, readRequest(plain), to));
  };
}

/** /factdesk <question> and /factcheck <claim>: acked at once, answered only to the asker; /factcheck alone gets its usage. */
export function onSlashCommand(deps: SlackDeps, as: "ask" | "check") {
  return async ({ command, ack, respond, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const plain = plainTextFromSlack(command.text);
    const to = toAsker(respond);
    if (as === "check" && !plain) return void (await once(deps, triggerId(command.trigger_id), context, () => tellCheckUsage(deps, to)));
    // Only the asker sees these replies: the conversation is theirs alone in the channel.
    const asker: Asker = { platform: "slack", userId: command.user_id, conversation: conversationIn(command.team_id, command.channel_id, command.user_id) };
    await once(deps, triggerId(command.trigger_id), context, () => answer(deps, asker, readRequest(plain, as), to, { shareable: true }));
  };
}

/**
 * "Fact-check with FactDesk" on a message: its text checked as a claim on its own (no
 * conversation's context), the verdict seen only by the person who asked, with a Share button
 * that posts it where the message is (its thread, if it is in one).
 */
export function onFactCheckShortcut(deps: SlackDeps) {
  return async ({ ack, shortcut, client, respond, context }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { message, channel, user } = shortcut;
    const thread = message.thread_ts && message.thread_ts !== message.ts ? String(message.thread_ts) : undefined;
    const to = besideMessage(deps, client, respond, user.id, channel.id, thread);
    const text = plainTextFromSlack(message.text ?? "", context.botUserId);
    if (!text) {
      const outcome = await to.notice(renderNotice(NO_TEXT_MESSAGE));
      if (outcome.kind !== "posted") deps.logger.error({ outcome: outcome.kind, user: user.id }, "could not say that the message has no text to check");
      return;
    }
    const asker: Asker = { platform: "slack", userId: user.id, conversation: conversationIn(shortcut.team?.id ?? "", channel.id, user.id) };
    const options = { shareable: true, ...(thread ? { shareThread: thread } : {}) };
    await once(deps, triggerId(shortcut.trigger_id), context, () => answer(deps, asker, readRequest(text, "check"), to, options, { conversation: false }));
  };
}

const NO_TEXT_MESSAGE = "That message has no text for me to check: I can check only what a message says in words, not images or files.";

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * A suggested question clicked: asked and answered where the button was, saying who asked what
 * (no question sits above it). Notices go to the clicker alone, through the click's response_url.
 */
export function onAskButton(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs): Promise<void> => {
    await ack();
    const request = readRequest(action.value ?? "");
    const team = body.team?.id ?? "";
    const user = body.user.id;
    if (body.container["is_ephemeral"] || !body.channel || !body.message) {
      const asker: Asker = { platform: "slack", userId: user, conversation: conversationIn(team, body.channel?.id ?? "", user) };
      await once(deps, triggerId(body.trigger_id), context, () => answer(deps, asker, request, toAsker(respond), { shareable: true }));
      return;
    }
    const channel = body.channel.id;
    const thread_ts = threadOf(body.message as { ts: string; thread_ts?: string });
    const asker: Asker = { platform: "slack", userId: user, conversation: conversationIn(team, channel, thread_ts) };
    const privately = toAsker(respond);
    const there: Destination = { ...inConversation(deps, client, { user, channel, thread_ts }), notice: privately.notice, privately: privately.privately, noticesArePrivate: true };
    await once(deps, triggerId(body.trigger_id), context, () => answer(deps, asker, request, there, { askedBy: `<@${user}>` }));
  };
}

/** "Share in channel" on an ephemeral answer: posted for everyone (in the thread it names), the private copy removed. */
export function onShare(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs): Promise<void> => {
    await ack();
    const shared = parseValue<ShareRequest>(action.value);
    if (!shared || !body.channel) {
      await respond({ response_type: "ephemeral", replace_original: false, ...renderNotice(APOLOGY_MESSAGE) });
      return;
    }
    const request = readRequest(shared.text, shared.kind);
    const channel = body.channel.id;
    const asker: Asker = { platform: "slack", userId: body.user.id, conversation: conversationIn(body.team?.id ?? "", channel) };
    const where = { channel, ...(typeof shared.thread === "string" ? { thread_ts: shared.thread } : {}) };
    const toChannel = async (message: SlackMessage, askId?: string): Promise<PostOutcome> => {
      const outcome = await deps.poster.post(client, { ...where, ...message }, askId);
      if (outcome.kind === "posted") await respond({ delete_original: true }).catch((error: unknown) => deps.logger.warn({ err: error }, "could not remove the private copy"));
      return outcome;
    };
    await once(deps, triggerId(body.trigger_id), context, () =>
      answer(deps, asker, request, { ...toAsker(respond), deliver: toChannel, notPosted: CANNOT_POST_MESSAGE, isPrivate: false }, { askedBy: `<@${body.user.id}>` }, { conversation: false }),
    );
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
