// What FactDesk does for each kind of Slack input: one small function per listener. Each reads the
// request, asks the desk, and delivers the rendered reply; none of them knows how answers are made.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import type { DeliveryClaims } from "../../store/delivery-claims.js";
import { readRequest, type Asker, type Desk, type Request } from "../conversation.js";
import { APOLOGY_MESSAGE, RATE_LIMITED_MESSAGE, type RateLimiter } from "../rate-limit.js";
import { renderNotice, renderReply, type RenderOptions, type ShareRequest, type SlackMessage } from "./blocks.js";
import { plainTextFromSlack, threadOf } from "./incoming.js";

export interface SlackDeps {
  desk: Desk;
  logger: Logger;
  limiter: RateLimiter;
  /** Which deliveries have been answered, by any process (src/store/delivery-claims.ts). */
  claims: DeliveryClaims;
}

type Deliver = (message: SlackMessage) => Promise<unknown>;

/** Never lets Slack turn text into mentions or previews: we escape, and we switch parsing off. */
const SAFE_POST = { unfurl_links: false, unfurl_media: false } as const;

/** How long a delivery's claim may take before it is answered unclaimed: a slow store must not hold the answer. */
const CLAIM_TIMEOUT_MS = 1000;

/**
 * Answers a delivery once across every process: a repeat (a retried event, a replayed command or
 * click) is dropped and logged. A failed answer releases the claim, so Slack's retry is answered;
 * when the store can't be asked in time, the delivery is answered anyway.
 */
async function once(deps: SlackDeps, key: string, answerIt: () => Promise<boolean>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the store within ${CLAIM_TIMEOUT_MS} ms`)), CLAIM_TIMEOUT_MS);
  });
  const claim = await Promise.race([deps.claims.claim(key), late])
    .catch((error: unknown) => {
      deps.logger.warn({ err: error, delivery: key }, "could not check whether this delivery was answered already: answering it");
      return null;
    })
    .finally(() => clearTimeout(timer));
  if (claim === undefined) {
    deps.logger.info({ delivery: key }, "dropped a repeated delivery: it was answered, or is being answered, already");
    return;
  }
  const answered = await answerIt();
  await (answered ? claim?.settle() : claim?.release())?.catch((error: unknown) => deps.logger.warn({ err: error, delivery: key }, "could not record that this delivery was answered"));
}

/** Asks the desk and delivers the reply; on any failure the user still gets an apology. True once the reply is delivered. */
async function answer(
  deps: SlackDeps,
  asker: Asker,
  request: Request,
  deliver: Deliver,
  options: RenderOptions = {},
  apologize: Deliver = deliver,
): Promise<boolean> {
  try {
    if (!(await deps.limiter.allow(asker.userId))) {
      deps.logger.warn({ user: asker.userId }, "rate limit reached");
      await apologize(renderNotice(RATE_LIMITED_MESSAGE));
      return true;
    }
    const reply = await deps.desk.respond(request, asker);
    await deliver(renderReply(reply, options));
    deps.logger.info({ user: asker.userId, request: request.kind, ...replySummary(reply) }, "answered");
    return true;
  } catch (error) {
    deps.logger.error({ err: error, user: asker.userId, request: request.kind }, "could not answer");
    await apologize(renderNotice(APOLOGY_MESSAGE)).catch((apologyError: unknown) =>
      deps.logger.error({ err: apologyError }, "could not deliver the apology either"),
    );
    return false;
  }
}

function replySummary(reply: Awaited<ReturnType<Desk["respond"]>>): Record<string, unknown> {
  if (reply.kind === "answer") return { status: reply.result.status, factIds: reply.result.factIds, askId: reply.askId };
  if (reply.kind === "check") return { verdict: reply.result.verdict, factIds: reply.result.factIds, askId: reply.askId };
  return { status: "help" };
}

/** "@FactDesk how many attacks?" in a channel: answered in the message's thread. */
export function onMention(deps: SlackDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs): Promise<void> => {
    const user = event.user;
    if (event.bot_id || !user) return;
    const request = readRequest(plainTextFromSlack(event.text, context.botUserId));
    const thread_ts = threadOf(event);
    const asker: Asker = { platform: "slack", userId: user, conversation: `${body.team_id}:${event.channel}:${thread_ts}` };
    await once(deps, `slack:event:${body.event_id}`, () =>
      answer(deps, asker, request, (message) => client.chat.postMessage({ channel: event.channel, thread_ts, ...message, ...SAFE_POST })),
    );
  };
}

/** A direct message: answered in the DM (in its thread, when it was sent in one). */
export function onDirectMessage(deps: SlackDeps) {
  return async ({ message, body, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs): Promise<void> => {
    if (message.channel_type !== "im" || message.subtype !== undefined || message.bot_id || !message.user) return;
    const user = message.user;
    const request = readRequest(plainTextFromSlack(message.text ?? "", context.botUserId));
    const thread = message.thread_ts ? { thread_ts: message.thread_ts } : {};
    const asker: Asker = { platform: "slack", userId: user, conversation: `${body.team_id}:${message.channel}${message.thread_ts ? `:${message.thread_ts}` : ""}` };
    await once(deps, `slack:event:${body.event_id}`, () =>
      answer(deps, asker, request, (reply) => client.chat.postMessage({ channel: message.channel, ...thread, ...reply, ...SAFE_POST })),
    );
  };
}

/** /factdesk <question> and /factcheck <claim>: acked at once, answered only to the asker. */
export function onSlashCommand(deps: SlackDeps, as: "ask" | "check") {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const request = readRequest(plainTextFromSlack(command.text), as);
    // Only the asker sees these replies: the conversation is theirs alone in the channel.
    const asker: Asker = { platform: "slack", userId: command.user_id, conversation: `${command.team_id}:${command.channel_id}:${command.user_id}` };
    await once(deps, `slack:trigger:${command.trigger_id}`, () =>
      answer(deps, asker, request, (message) => respond({ response_type: "ephemeral", ...message }), { shareable: true }),
    );
  };
}

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A suggested question clicked: asked and answered where the button was. */
export function onAskButton(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const request = readRequest(action.value ?? "");
    const team = body.team?.id ?? "";
    if (body.container["is_ephemeral"] || !body.channel || !body.message) {
      const asker: Asker = { platform: "slack", userId: body.user.id, conversation: `${team}:${body.channel?.id ?? ""}:${body.user.id}` };
      await once(deps, `slack:trigger:${body.trigger_id}`, () =>
        answer(deps, asker, request, (message) => respond({ response_type: "ephemeral", replace_original: false, ...message }), { shareable: true }),
      );
      return;
    }
    const channel = body.channel.id;
    const thread_ts = threadOf(body.message as { ts: string; thread_ts?: string });
    const asker: Asker = { platform: "slack", userId: body.user.id, conversation: `${team}:${channel}:${thread_ts}` };
    await once(deps, `slack:trigger:${body.trigger_id}`, () =>
      answer(deps, asker, request, (message) => client.chat.postMessage({ channel, thread_ts, ...message, ...SAFE_POST })),
    );
  };
}

/** "Share in channel" on an ephemeral answer: posted for everyone, the private copy removed. */
export function onShare(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const shared = parseValue<ShareRequest>(action.value);
    if (!shared || !body.channel) {
      await respond({ response_type: "ephemeral", replace_original: false, ...renderNotice(APOLOGY_MESSAGE) });
      return;
    }
    const request = readRequest(shared.text, shared.kind);
    const channel = body.channel.id;
    const asker: Asker = { platform: "slack", userId: body.user.id, conversation: `${body.team?.id ?? ""}:${channel}` };
    const privately: Deliver = (message) => respond({ response_type: "ephemeral", replace_original: false, ...message });
    const toChannel: Deliver = async (message) => {
      try {
        await client.chat.postMessage({ channel, ...message, ...SAFE_POST });
      } catch (error) {
        deps.logger.warn({ err: error, channel }, "could not share in channel");
        await privately(renderNotice(CANNOT_POST_MESSAGE));
        return;
      }
      await respond({ delete_original: true });
    };
    await once(deps, `slack:trigger:${body.trigger_id}`, () => answer(deps, asker, request, toChannel, { sharedBy: `<@${body.user.id}>` }, privately));
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
