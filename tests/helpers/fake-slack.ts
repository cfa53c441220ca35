// A local stand-in for Slack: the Web API (records every call, answers like Slack does), the
// response_url endpoint slash commands and buttons reply to, and request signing as Slack signs.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "./read-body.js";
import { waitFor } from "./wait-for.js";

export { waitFor };

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
}

export interface FakeSlack {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  responses: Array<{ id: string; body: Record<string, unknown> }>;
  /** The next call of `method` answers { ok: false, error }. */
  failNext(method: string, error: string): void;
  /** Called with every Web API call as it arrives (the benchmark times answers with it). */
  onCall?: (call: RecordedCall) => void;
  /** Answer apps.connections.open with this websocket URL (Socket Mode). */
  socketUrl?: string;
  waitFor<T>(find: () => T | undefined, what: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export const BOT_USER_ID = "UFACTDESK";
export const BOT_ID = "BFACTDESK";

export async function startFakeSlack(): Promise<FakeSlack> {
  const failures = new Map<string, string>();
  let tsCounter = 1700000000;
  const fake: FakeSlack = {
    apiUrl: "",
    responseUrl: (id) => `${base}/respond/${id}`,
    calls: [],
    responses: [],
    failNext: (method, error) => void failures.set(method, error),
    waitFor: (find, what, timeoutMs = 5000) => waitFor(find, what, timeoutMs),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://localhost");
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    };
    if (url.pathname.startsWith("/respond/")) {
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
    switch (method) {
      case "auth.test":
        return reply(200, { ok: true, user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: "TNEWSROOM", user: "factdesk", url: "https://newsroom.slack.com/" });
      case "chat.postMessage":
        return reply(200, { ok: true, channel: args["channel"], ts: `${tsCounter++}.000100` });
      case "apps.connections.open":
        return reply(200, { ok: true, url: fake.socketUrl });
      default:
        return reply(200, { ok: true });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.apiUrl = `${base}/api/`;
  return fake;
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
  const payload = {
    type: "block_actions",
    team: { id: "TNEWSROOM", domain: "newsroom" },
    user: { id: userId, username: "reporter", team_id: "TNEWSROOM" },
    api_app_id: "AFACTDESK",
    token: "legacy-verification-token",
    container: options.ephemeral
      ? { type: "message", message_ts: "1700000000.000001", channel_id: "CNEWSDESK", is_ephemeral: true }
      : { type: "message", message_ts: options.messageTs ?? "1700000000.000001", channel_id: "CNEWSDESK", is_ephemeral: false },
    trigger_id: options.triggerId ?? newTriggerId(),
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
