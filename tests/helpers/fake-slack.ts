// A local stand-in for Slack: the Web API (records every call, stores posted messages and answers
// like Slack does, including conversations.replies and .history with message metadata), the
// response_url endpoint slash commands and buttons reply to, request signing as Slack signs, and
// the faults a bad day brings: a connection reset or a 500 after the message was stored, a hang, a
// 429 with a long Retry-After, a message refused as too long, and Slack being down (at start-up or
// later). chat.update replaces a stored message, as Slack does.
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "./read-body.js";
import { waitFor } from "./wait-for.js";

export { waitFor };

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
}

/** A message as Slack stores it. */
export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/**
 * What goes wrong with a matching call: "reset-after-store" and "500-after-store" store the
 * message and then fail (the client can't tell it was stored), "reset" drops the connection before
 * storing, "hang" never answers, "ratelimit" answers 429 with Retry-After, "too-long" refuses the
 * message as Slack refuses one too long for it (msg_blocks_too_long, or msg_too_long).
 */
export interface Fault {
  /** A Web API method, or "response_url" (only "hang" applies there). */
  method: string;
  kind: "reset-after-store" | "500-after-store" | "reset" | "hang" | "ratelimit" | "too-long";
  /** Only calls for this channel. */
  channel?: string;
  retryAfterS?: number;
  /** "too-long": the error Slack answers with (default msg_blocks_too_long). */
  error?: "msg_blocks_too_long" | "msg_too_long";
  /** "too-long": only messages whose text (blocks' text, or for msg_too_long the `text`) is longer than this; any by default. */
  longerThan?: number;
  /** How many matching calls fail (default 1; Infinity for all). */
  times?: number;
}

export interface FakeSlack {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  responses: Array<{ id: string; body: Record<string, unknown> }>;
  /** Messages stored by chat.postMessage (what everyone in the channel sees). */
  messages: StoredMessage[];
  /** The next call of `method` answers { ok: false, error }. */
  failNext(method: string, error: string): void;
  /** The next matching call(s) meet this fault. */
  fault(fault: Fault): void;
  /** Stops listening and drops every connection: calls are refused until comeBack(). */
  goDown(): Promise<void>;
  /** Listens again on the same port. */
  comeBack(): Promise<void>;
  /** Called with every Web API call as it arrives (the benchmark times answers with it). */
  onCall?: (call: RecordedCall) => void;
  /** Answer apps.connections.open with this websocket URL (Socket Mode). */
  socketUrl?: string;
  waitFor<T>(find: () => T | undefined, what: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export const BOT_USER_ID = "UFACTDESK";
export const BOT_ID = "BFACTDESK";

export async function startFakeSlack(options: { down?: boolean } = {}): Promise<FakeSlack> {
  const failures = new Map<string, string>();
  const faults: Array<Fault & { left: number }> = [];
  const hung: ServerResponse[] = [];
  let tsCounter = 1700000000;
  let port = 0;
  const fake: FakeSlack = {
    apiUrl: "",
    responseUrl: (id) => `${base()}/respond/${id}`,
    calls: [],
    responses: [],
    messages: [],
    failNext: (method, error) => void failures.set(method, error),
    fault: (fault) => void faults.push({ ...fault, left: fault.times ?? 1 }),
    goDown: async () => {
      for (const res of hung.splice(0)) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    comeBack: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    waitFor: (find, what, timeoutMs = 5000) => waitFor(find, what, timeoutMs),
    close: async () => {
      for (const res of hung.splice(0)) res.socket?.destroy();
      server.closeAllConnections();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://localhost");
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(payload));
    };
    if (url.pathname.startsWith("/respond/")) {
      const responseFault = faults.find((f) => f.left > 0 && f.method === "response_url");
      if (responseFault?.kind === "hang") {
        responseFault.left -= 1;
        return void hung.push(res);
      }
      fake.responses.push({ id: url.pathname.slice("/respond/".length), body: JSON.parse(body) as Record<string, unknown> });
      return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const args = parseArgs(body, req.headers["content-type"] ?? "");
    fake.calls.push({ method, args });
    fake.onCall?.({ method, args });
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return reply(200, { ok: false, error: failure });
    }
    const fault = faults.find((f) => f.left > 0 && f.method === method && (f.channel === undefined || f.channel === args["channel"]) && (f.kind !== "too-long" || messageLength(args, f.error) > (f.longerThan ?? -1)));
    if (fault) fault.left -= 1;
    switch (fault?.kind) {
      case "hang":
        return void hung.push(res);
      case "reset":
        return void req.socket.destroy();
      case "ratelimit":
        return reply(429, { ok: false, error: "ratelimited" }, { "retry-after": String(fault.retryAfterS ?? 30) });
      case "too-long":
        return reply(200, { ok: false, error: fault.error ?? "msg_blocks_too_long" });
      default:
    }
    const answer = respondTo(method, args);
    if (fault?.kind === "reset-after-store") return void req.socket.destroy();
    if (fault?.kind === "500-after-store") return reply(500, { ok: false, error: "internal_error" });
    reply(200, answer);
  };

  const respondTo = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: "TNEWSROOM", user: "factdesk", url: "https://newsroom.slack.com/" };
      case "chat.postMessage": {
        const ts = `${tsCounter++}.000100`;
        const message: StoredMessage = { channel: String(args["channel"]), ts, text: args["text"] as string, blocks: args["blocks"] };
        if (typeof args["thread_ts"] === "string") message.thread_ts = args["thread_ts"];
        if (args["metadata"]) message.metadata = args["metadata"] as StoredMessage["metadata"];
        fake.messages.push(message);
        return { ok: true, channel: args["channel"], ts };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${tsCounter++}.000200` };
      case "chat.update": {
        const stored = fake.messages.find((m) => m.channel === args["channel"] && m.ts === args["ts"]);
        if (!stored) return { ok: false, error: "message_not_found" };
        Object.assign(stored, { text: args["text"] as string, blocks: args["blocks"] });
        if (args["metadata"]) stored.metadata = args["metadata"] as StoredMessage["metadata"];
        return { ok: true, channel: stored.channel, ts: stored.ts, text: stored.text };
      }
      case "conversations.replies":
      case "conversations.history": {
        const inThread = method === "conversations.replies";
        const found = fake.messages.filter(
          (m) => m.channel === args["channel"] && (inThread ? m.thread_ts === args["ts"] || m.ts === args["ts"] : m.thread_ts === undefined),
        );
        const shown = found.map(({ metadata, ...message }) => ({ type: "message", user: BOT_USER_ID, bot_id: BOT_ID, ...message, ...(args["include_all_metadata"] && metadata ? { metadata } : {}) }));
        return { ok: true, messages: inThread ? shown : shown.reverse(), has_more: false };
      }
      case "apps.connections.open":
        return { ok: true, url: fake.socketUrl };
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  const base = () => `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  fake.apiUrl = `${base()}/api/`;
  if (options.down) await fake.goDown();
  return fake;
}

/** What Slack measures for a too-long refusal: the text in a message's blocks, or its `text`. */
function messageLength(args: Record<string, unknown>, error: Fault["error"]): number {
  return error === "msg_too_long" ? String(args["text"] ?? "").length : textInBlocks(args["blocks"]);
}

/** The characters of text in blocks, as Slack counts them toward a message's limit: every text and value string. */
export function textInBlocks(blocks: unknown): number {
  let total = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string") total += key === "text" || key === "value" ? value.length : 0;
      else walk(value);
    }
  };
  walk(blocks);
  return total;
}

function parseArgs(body: string, contentType: string): Record<string, unknown> {
  if (contentType.includes("json")) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    // The Web API client sends blocks and other structures as JSON inside form fields.
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}


export const SIGNING_SECRET = "8f742231b10e8888abcd99fffaaa85a5";

/** Signs a request body exactly as Slack does (v0 HMAC-SHA256 over "v0:{timestamp}:{body}"). */
export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SendOptions {
  secret?: string;
  timestamp?: number;
  retryNum?: number;
  signature?: string;
}

/** POSTs a signed body to the app; JSON for events, a form for commands and button clicks. */
export async function sendToApp(url: string, body: string, contentType: string, options: SendOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": options.signature ?? slackSignature(body, timestamp, options.secret),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  return fetch(url, { method: "POST", headers, body });
}

let eventCounter = 0;
/** Slack's event ids are unique everywhere; a run's own prefix keeps them unique across test runs on one store. */
const EVENT_RUN = Math.random().toString(36).slice(2, 8).toUpperCase();

export function eventEnvelope(event: Record<string, unknown>): string {
  eventCounter += 1;
  return JSON.stringify({
    token: "legacy-verification-token",
    team_id: "TNEWSROOM",
    api_app_id: "AFACTDESK",
    event,
    type: "event_callback",
    event_id: `Ev${EVENT_RUN}${String(eventCounter).padStart(6, "0")}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "TNEWSROOM", user_id: BOT_USER_ID, is_bot: true }],
  });
}

let triggerCounter = 0;
/** Slack gives every command and click its own trigger_id; a replayed request repeats one. */
export const newTriggerId = () => `13345224609.738474920.${(++triggerCounter).toString(16).padStart(31, "0")}`;

export function commandForm(command: string, text: string, responseUrl: string, userId = "UREPORTER", triggerId = newTriggerId()): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "TNEWSROOM",
    channel_id: "CNEWSDESK",
    channel_name: "newsdesk",
    user_id: userId,
    user_name: "reporter",
    command,
    text,
    api_app_id: "AFACTDESK",
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

export interface ClickOptions {
  responseUrl: string;
  ephemeral?: boolean;
  messageTs?: string;
  threadTs?: string;
  userId?: string;
  triggerId?: string;
  /** The blocks of the message the button is on, as Slack sends them with the click. */
  blocks?: unknown[];
}

export function buttonClickForm(action: { action_id: string; value: string }, options: ClickOptions): string {
  const userId = options.userId ?? "UREPORTER";
  const trigger = options.triggerId ?? newTriggerId();
  const payload = {
    type: "block_actions",
    team: { id: "TNEWSROOM", domain: "newsroom" },
    user: { id: userId, username: "reporter", team_id: "TNEWSROOM" },
    api_app_id: "AFACTDESK",
    token: "legacy-verification-token",
    container: options.ephemeral
      ? { type: "message", message_ts: "1700000000.000001", channel_id: "CNEWSDESK", is_ephemeral: true }
      : { type: "message", message_ts: options.messageTs ?? "1700000000.000001", channel_id: "CNEWSDESK", is_ephemeral: false },
    trigger_id: trigger,
    channel: { id: "CNEWSDESK", name: "newsdesk" },
    ...(options.ephemeral
      ? {}
      : {
          message: {
            type: "message",
            user: BOT_USER_ID,
            ts: options.messageTs ?? "1700000000.000001",
            ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
            text: "answer",
            ...(options.blocks ? { blocks: options.blocks } : {}),
          },
        }),
    response_url: options.responseUrl,
    actions: [{ type: "button", block_id: "b1", action_id: action.action_id, text: { type: "plain_text", text: "x" }, value: action.value, action_ts: "1700000001.000000" }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface ShortcutOptions {
  responseUrl: string;
  /** The message's text as Slack sends it (mrkdwn, escaped): "" for a message of files only. */
  text: string;
  /** The message carries an image (as a photo posted without words does). */
  withImage?: boolean;
  messageTs?: string;
  /** The thread the message is in (its parent's ts). */
  threadTs?: string;
  channel?: string;
  userId?: string;
  triggerId?: string;
  callbackId?: string;
}

/** A message shortcut used on a message, as Slack posts it: the message, its channel and a response_url. */
export function messageShortcutForm(options: ShortcutOptions): string {
  const ts = options.messageTs ?? "1700000000.000001";
  const payload = {
    type: "message_action",
    token: "legacy-verification-token",
    action_ts: "1700000002.000000",
    team: { id: "TNEWSROOM", domain: "newsroom" },
    user: { id: options.userId ?? "UREPORTER", name: "reporter", username: "reporter", team_id: "TNEWSROOM" },
    channel: { id: options.channel ?? "CNEWSDESK", name: "newsdesk" },
    is_enterprise_install: false,
    callback_id: options.callbackId ?? "factcheck_message",
    trigger_id: options.triggerId ?? newTriggerId(),
    response_url: options.responseUrl,
    message_ts: ts,
    message: {
      type: "message",
      user: "UEDITOR",
      ts,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      text: options.text,
      ...(options.withImage ? { files: [{ id: "F1", mimetype: "image/png", name: "chart.png" }] } : {}),
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal submitted, as Slack posts it: the view with its private_metadata and input values. */
export function viewSubmissionForm(view: { callback_id: string; private_metadata: string }, values: Record<string, Record<string, { type: string; value: string | null }>>, userId = "UREPORTER"): string {
  const payload = {
    type: "view_submission",
    team: { id: "TNEWSROOM", domain: "newsroom" },
    user: { id: userId, username: "reporter", team_id: "TNEWSROOM" },
    api_app_id: "AFACTDESK",
    token: "legacy-verification-token",
    trigger_id: newTriggerId(),
    view: {
      id: "VFEEDBACK",
      team_id: "TNEWSROOM",
      type: "modal",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values },
      hash: "1700000000.abcdef",
      blocks: [],
      title: { type: "plain_text", text: "What was wrong?" },
      app_id: "AFACTDESK",
      bot_id: BOT_ID,
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface EditOptions {
  channel: string;
  channelType?: "channel" | "group" | "im";
  /** The edited message's ts, and the thread it is in. */
  ts: string;
  threadTs?: string;
  user?: string;
  before: string;
  after: string;
  botId?: string;
}

/** A message edited, as Slack sends it on the message subscriptions: the message as it is now and as it was. */
export function messageChangedEvent(options: EditOptions): Record<string, unknown> {
  const message = (text: string, edited: boolean) => ({
    type: "message",
    user: options.user ?? "UREPORTER",
    ...(options.botId ? { bot_id: options.botId } : {}),
    text,
    ts: options.ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    ...(edited ? { edited: { user: options.user ?? "UREPORTER", ts: `${Number(options.ts.split(".")[0]) + 30}.000000` } } : {}),
  });
  const eventTs = `${Number(options.ts.split(".")[0]) + 30}.000100`;
  return {
    type: "message",
    subtype: "message_changed",
    hidden: true,
    channel: options.channel,
    channel_type: options.channelType ?? "channel",
    ts: eventTs,
    event_ts: eventTs,
    message: message(options.after, true),
    previous_message: message(options.before, false),
  };
}
