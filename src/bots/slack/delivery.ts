// Posting an answer to Slack once. The Web API client's own retries would repeat a post that
// Slack may already have stored (after a reset connection, a 5xx or a timeout), so they are off,
// and this module retries only what cannot have been stored: a 429 (waited out, holding back
// only that channel), or a connection never made. After a failure that leaves it unclear, it
// looks for the post by the ask id in its metadata before posting again: the reply's own ask id
// (the one the record keeps and the 👍/👎 buttons carry) when it has one. Private notes
// (chat.postEphemeral) and updates of an answer (chat.update) are retried the same careful way.
import { randomUUID } from "node:crypto";
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import type { SlackMessage } from "./message-fit.js";

export interface DeliveryPolicy {
  maxRateLimitWaitS: number;
  reconnectDelaysMs: readonly number[];
  repostsAfterCheck: number;
}

export const DELIVERY_POLICY: DeliveryPolicy = Object.freeze({
  /**
   * 429s are waited out for up to this long in all (however many come); a longer Retry-After, or a
   * burst that lasts longer, and the asker is told privately.
   */
  maxRateLimitWaitS: 10,
  /** Pauses before posting again when the connection could not even be made. */
  reconnectDelaysMs: [250, 1_000] as readonly number[],
  /** After an unclear failure, the post is made again at most this often, and only once it is found missing. */
  repostsAfterCheck: 1,
});

/** The message metadata type every FactDesk post carries, with its ask id. */
export const ANSWER_EVENT_TYPE = "factdesk_answer";

export interface SlackPost extends SlackMessage {
  channel: string;
  thread_ts?: string;
}

/** Slack's refusals of a message as too long: a shorter one may go out. */
const TOO_LONG_ERRORS: ReadonlySet<string> = new Set(["msg_blocks_too_long", "msg_too_long"]);
export const isTooLong = (reason: string) => TOO_LONG_ERRORS.has(reason);

export type PostOutcome =
  /** In the channel (`ts`: the message's; `found`: seen there after an unclear failure). */
  | { kind: "posted"; ts?: string; found?: boolean }
  /** Certainly not in the channel: Slack refused it, or could not be reached. */
  | { kind: "not_posted"; reason: string }
  /** Slack holds posts to this channel for longer than anyone should wait. */
  | { kind: "held"; retryAfterS: number }
  /** May or may not be in the channel: it failed unclearly, and looking for it failed too. */
  | { kind: "unknown"; reason: string };

export type Failure =
  | { kind: "rate_limited"; retryAfterS: number }
  | { kind: "not_connected"; reason: string }
  | { kind: "refused"; reason: string }
  | { kind: "unclear"; reason: string };

/** Connection errors that mean the request never left: nothing can have been stored. */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** What a failed Web API call says about whether Slack stored it. */
export function classifyFailure(error: unknown): Failure {
  const coded = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; original?: unknown };
  switch (coded.code) {
    case "slack_webapi_rate_limited_error":
      return { kind: "rate_limited", retryAfterS: coded.retryAfter ?? 1 };
    case "slack_webapi_platform_error":
      return { kind: "refused", reason: coded.data?.error ?? "unknown_error" };
    case "slack_webapi_http_error":
      return { kind: "unclear", reason: `HTTP ${coded.statusCode}` };
    case "slack_webapi_request_error": {
      const original = coded.original as { name?: string; cause?: { code?: string; errors?: Array<{ code?: string }> } } | undefined;
      if (original?.name === "TimeoutError" || original?.name === "AbortError") return { kind: "unclear", reason: "timed out" };
      const codes = [original?.cause?.code, ...(original?.cause?.errors ?? []).map((e) => e.code)].filter(Boolean) as string[];
      if (codes.length > 0 && codes.every((c) => NOT_CONNECTED.has(c))) return { kind: "not_connected", reason: codes[0]! };
      return { kind: "unclear", reason: codes[0] ?? String((original as Error | undefined)?.message ?? "request failed") };
    }
    default:
      return { kind: "unclear", reason: error instanceof Error ? error.message : String(error) };
  }
}

export interface SlackPoster {
  /** `askId` tags the post (a fresh one when the reply has none, as a notice doesn't). */
  post(client: webApi.WebClient, message: SlackPost, askId?: string): Promise<PostOutcome>;
  /** Seen only by `user`: not repeated after an unclear failure, since a second copy would show. */
  postPrivately(client: webApi.WebClient, message: SlackPost & { user: string }): Promise<PostOutcome>;
  /** FactDesk's own message `ts` replaced: repeating an update changes nothing, so an unclear failure is tried once more. */
  update(client: webApi.WebClient, message: SlackPost & { ts: string }, askId?: string): Promise<PostOutcome>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Slack refuses an empty blocks list: a plain-text message goes without one. */
const slackArgs = <T extends SlackMessage>({ blocks, ...rest }: T) => (blocks.length ? { ...rest, blocks } : rest);
const metadataOf = (askId: string) => ({ event_type: ANSWER_EVENT_TYPE, event_payload: { ask_id: askId } });

/**
 * A call that may safely be made again after a 429 (waited out, within the policy's total) or a
 * connection never made; `unclear` says what else failing unclearly should come to.
 */
async function withRetries(call: () => Promise<string | undefined>, policy: DeliveryPolicy, unclear: (reason: string, tries: number) => "again" | PostOutcome): Promise<PostOutcome> {
  let waitedMs = 0;
  let reconnects = 0;
  for (let tries = 1; ; tries++) {
    try {
      const ts = await call();
      return { kind: "posted", ...(ts ? { ts } : {}) };
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === "refused") return { kind: "not_posted", reason: failure.reason };
      if (failure.kind === "rate_limited") {
        const waitMs = failure.retryAfterS * 1000;
        if (waitedMs + waitMs > policy.maxRateLimitWaitS * 1000) return { kind: "held", retryAfterS: failure.retryAfterS };
        waitedMs += waitMs;
        await sleep(waitMs);
        continue;
      }
      if (failure.kind === "not_connected") {
        const delay = policy.reconnectDelaysMs[reconnects++];
        if (delay === undefined) return { kind: "not_posted", reason: failure.reason };
        await sleep(delay);
        continue;
      }
      const next = unclear(failure.reason, tries);
      if (next !== "again") return next;
    }
  }
}

export function createSlackPoster(logger: Logger, policy: DeliveryPolicy = DELIVERY_POLICY, now: () => number = Date.now): SlackPoster {
  /** Channels Slack has rate limited, and until when: other channels' answers don't wait for them. */
  const heldUntil = new Map<string, number>();

  const holdLeftMs = (channel: string) => {
    const until = heldUntil.get(channel);
    if (until === undefined) return 0;
    if (until <= now()) heldUntil.delete(channel);
    return Math.max(0, until - now());
  };

  return {
    async post(client, message, askId = randomUUID()) {
      const metadata = metadataOf(askId);
      const since = ((now() - 60_000) / 1000).toFixed(6); // where to look for it: a minute back covers clock skew
      const log = logger.child({ channel: message.channel, ask: askId });
      let reconnects = 0;
      let reposts = 0;
      let waitedMs = 0;
      for (;;) {
        const waitMs = holdLeftMs(message.channel);
        if (waitedMs + waitMs > policy.maxRateLimitWaitS * 1000) return { kind: "held", retryAfterS: Math.max(1, Math.ceil(waitMs / 1000)) };
        if (waitMs > 0) await sleep(waitMs);
        waitedMs += waitMs;
        try {
          const posted = await client.chat.postMessage({ ...slackArgs(message), metadata, unfurl_links: false, unfurl_media: false });
          return { kind: "posted", ...(posted.ts ? { ts: posted.ts } : {}) };
        } catch (error) {
          const failure = classifyFailure(error);
          if (failure.kind === "refused") return { kind: "not_posted", reason: failure.reason };
          if (failure.kind === "rate_limited") {
            log.warn({ retryAfterS: failure.retryAfterS }, "Slack rate limited a post; holding this channel's posts");
            heldUntil.set(message.channel, Math.max(heldUntil.get(message.channel) ?? 0, now() + failure.retryAfterS * 1000));
            continue;
          }
          if (failure.kind === "not_connected") {
            const delay = policy.reconnectDelaysMs[reconnects++];
            if (delay === undefined) return { kind: "not_posted", reason: failure.reason };
            log.warn({ reason: failure.reason, retryInMs: delay }, "could not connect to Slack to post; trying again");
            await sleep(delay);
            continue;
          }
          // Unclear: Slack may have stored it. Look before posting again.
          const found = await findPost(client, message, askId, since);
          log.warn({ reason: failure.reason, found: found.kind }, "a post failed unclearly; looked for it in the channel");
          if (found.kind === "found") return { kind: "posted", found: true, ...(found.ts ? { ts: found.ts } : {}) };
          if (found.kind === "unknown") return { kind: "unknown", reason: failure.reason };
          if (reposts++ >= policy.repostsAfterCheck) return { kind: "not_posted", reason: failure.reason };
        }
      }
    },

    postPrivately(client, message) {
      return withRetries(
        async () => (await client.chat.postEphemeral(slackArgs(message))).message_ts,
        policy,
        (reason) => ({ kind: "unknown", reason }),
      );
    },

    update(client, message, askId = randomUUID()) {
      return withRetries(
        async () => (await client.chat.update({ ...slackArgs(message), metadata: metadataOf(askId) })).ts,
        policy,
        (reason, tries) => (tries <= policy.repostsAfterCheck ? "again" : { kind: "unknown", reason }),
      );
    },
  };
}

/** Whether the post with this ask id is in its thread (or channel), and its ts; "unknown" if Slack won't say. */
async function findPost(client: webApi.WebClient, message: SlackPost, askId: string, since: string): Promise<{ kind: "found"; ts?: string } | { kind: "missing" | "unknown" }> {
  try {
    const listing = message.thread_ts
      ? await client.conversations.replies({ channel: message.channel, ts: message.thread_ts, oldest: since, include_all_metadata: true, limit: 200 })
      : await client.conversations.history({ channel: message.channel, oldest: since, include_all_metadata: true, limit: 200 });
    const ours = (listing.messages ?? []).find(
      (m) => m.metadata?.event_type === ANSWER_EVENT_TYPE && (m.metadata.event_payload as Record<string, unknown> | undefined)?.["ask_id"] === askId,
    );
    return ours ? { kind: "found", ...(ours.ts ? { ts: ours.ts } : {}) } : { kind: "missing" };
  } catch {
    return { kind: "unknown" };
  }
}
