// A local stand-in for Discord's REST API: records interaction callbacks, webhook edits and
// follow-ups, channel messages, typing and command registrations, and answers as Discord does.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "./read-body.js";

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | unknown[] | undefined;
  /** The id of the message this request created, when it created one (an interaction's reply is created by its callback). */
  createdId?: string;
}

export interface FakeDiscord {
  /** Give this to discord.js as the REST base; it appends /v10 itself. */
  apiUrl: string;
  requests: RecordedRequest[];
  /** The next request whose path includes this text answers 500. */
  failNext(pathPart: string): void;
  close(): Promise<void>;
}

export const APP_ID = "1100000000000000001";
export const GUILD_ID = "1100000000000000002";
export const CHANNEL_ID = "1100000000000000003";
export const USER_ID = "1100000000000000004";

export async function startFakeDiscord(): Promise<FakeDiscord> {
  const failures: string[] = [];
  /** Each interaction's original message (its first reply), by interaction token. */
  const originals = new Map<string, { id: string; body: Record<string, unknown> | undefined }>();
  /** The commands registered, by route (global or one server's), each given an id as Discord gives it. */
  const commands = new Map<string, unknown[]>();
  let counter = 1200000000000000000n;
  const fake: FakeDiscord = {
    apiUrl: "",
    requests: [],
    failNext: (pathPart) => void failures.push(pathPart),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req, res) => {
    const text = await readBody(req);
    // discord.js sends "@original" URL-encoded; record the path as a reader would write it.
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    fake.requests.push({ method: req.method ?? "", path, body });
    const failure = failures.findIndex((part) => path.includes(part));
    if (failure >= 0) {
      failures.splice(failure, 1);
      return void res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: "Internal Server Error", code: 0 }));
    }
    const nextId = () => String((counter += 1n));
    // Interaction callbacks and deletions answer 204 with no body and no JSON content type. A
    // callback that replies (4) or defers a reply (5) creates the interaction's original message.
    const callback = /\/interactions\/\d+\/([^/]+)\/callback$/.exec(path);
    if (callback) {
      const { type, data } = (body ?? {}) as { type?: number; data?: Record<string, unknown> };
      if (type === 4 || type === 5) {
        const original = { id: nextId(), body: type === 4 ? data : { flags: data?.["flags"] ?? 0 } };
        originals.set(callback[1]!, original);
        fake.requests.at(-1)!.createdId = original.id;
      }
      return void res.writeHead(204).end();
    }
    if (req.method === "DELETE") return void res.writeHead(204).end();
    if (req.method === "POST" && path.endsWith("/typing")) return void res.writeHead(204).end();
    if (path.endsWith("/commands") && (req.method === "PUT" || req.method === "GET")) {
      if (req.method === "PUT") commands.set(path, (Array.isArray(body) ? body : []).map((command) => ({ ...(command as object), id: nextId(), application_id: APP_ID, version: nextId() })));
      return json(res, commands.get(path) ?? []);
    }
    // GET and PATCH of an interaction's original message answer with that message, under its one
    // id; one whose callback went to FactDesk's HTTP endpoint instead is made up on first use.
    const webhookOriginal = /\/webhooks\/\d+\/([^/]+)\/messages\/@original$/.exec(path);
    if (webhookOriginal && (req.method === "GET" || req.method === "PATCH")) {
      const token = webhookOriginal[1]!;
      const original = originals.get(token) ?? { id: nextId(), body: undefined };
      if (req.method === "PATCH") original.body = { ...original.body, ...(body as Record<string, unknown>) };
      originals.set(token, original);
      return json(res, messageFrom(original.id, path, original.body));
    }
    const id = nextId();
    fake.requests.at(-1)!.createdId = id;
    return json(res, messageFrom(id, path, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return fake;
}

function messageFrom(id: string, path: string, body: Record<string, unknown> | undefined): Record<string, unknown> {
  const channel = /\/channels\/(\d+)\//.exec(path)?.[1] ?? CHANNEL_ID;
  return {
    id,
    channel_id: channel,
    type: 0,
    content: body?.["content"] ?? "",
    embeds: body?.["embeds"] ?? [],
    components: body?.["components"] ?? [],
    author: { id: APP_ID, username: "FactDesk", discriminator: "0", avatar: null, bot: true, global_name: "FactDesk" },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    flags: body?.["flags"] ?? 0,
  };
}

function json(res: import("node:http").ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}


const user = (id: string, name: string, bot = false) => ({ id, username: name, discriminator: "0", global_name: name, avatar: null, ...(bot ? { bot: true } : {}) });

let interactionCounter = 1300000000000000000n;
export const USER_ID_OTHER = "1100000000000000005";

/** An INTERACTION_CREATE payload as the gateway (or the HTTP endpoint) delivers it. */
export function interactionPayload(kind: "command" | "autocomplete" | "button" | "modal", data: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  interactionCounter += 1n;
  const type = { command: 2, button: 3, autocomplete: 4, modal: 5 }[kind];
  return {
    id: String(interactionCounter),
    application_id: APP_ID,
    type,
    token: `interaction-token-${interactionCounter}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "newsdesk" },
    member: { user: user(USER_ID, "reporter"), roles: [], permissions: "0", joined_at: "2023-01-01T00:00:00.000Z", deaf: false, mute: false, flags: 0 },
    data,
    locale: "en-US",
    guild_locale: "en-US",
    app_permissions: "0",
    entitlements: [],
    authorizing_integration_owners: { "0": GUILD_ID },
    context: 0,
    ...extra,
  };
}

/** An interaction's `extra` for one made by another member of the server. */
export function asMember(id: string, name = "editor"): Record<string, unknown> {
  return { member: { user: user(id, name), roles: [], permissions: "0", joined_at: "2023-01-01T00:00:00.000Z", deaf: false, mute: false, flags: 0 } };
}

export function commandData(name: string, options: Array<{ name: string; type: number; value: unknown; focused?: boolean }>): Record<string, unknown> {
  return { id: "1400000000000000001", name, type: 1, options };
}

export function buttonData(customId: string): Record<string, unknown> {
  return { custom_id: customId, component_type: 2 };
}

/**
 * A message command's data (a message's Apps menu): the command names its target, and Discord
 * sends that message whole in `resolved`, text and attachments, whatever the app's intents.
 */
export function messageCommandData(name: string, target: Record<string, unknown>): Record<string, unknown> {
  const id = String(target["id"]);
  return { id: "1400000000000000002", name, type: 3, target_id: id, resolved: { messages: { [id]: target } } };
}

/** The message a button sits on, as Discord sends it with a component interaction (and with a modal opened from one). */
export function messageWithButtons(flags = 0, components: unknown[] = [], embeds: unknown[] = []): Record<string, unknown> {
  return { message: { ...messageFrom("1500000000000000001", "", { flags, embeds }), components } };
}

/** A modal's submission: each text input inside its label, as Discord sends them. */
export function modalData(customId: string, inputs: Record<string, string>): Record<string, unknown> {
  return { custom_id: customId, components: Object.entries(inputs).map(([id, value]) => ({ type: 18, id: 1, component: { type: 4, id: 2, custom_id: id, value } })) };
}

let messageCounter = 1600000000000000000n;

/** A MESSAGE_CREATE payload. */
export function messagePayload(content: string, options: { mentionsBot?: boolean; bot?: boolean; dm?: boolean; attachments?: unknown[] } = {}): Record<string, unknown> {
  messageCounter += 1n;
  return {
    id: String(messageCounter),
    channel_id: options.dm ? "1100000000000000009" : CHANNEL_ID,
    ...(options.dm ? { channel_type: 1 } : { guild_id: GUILD_ID, channel_type: 0 }),
    author: user(options.bot ? "1100000000000000008" : USER_ID, options.bot ? "otherbot" : "reporter", options.bot),
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: options.mentionsBot ? [user(APP_ID, "FactDesk", true)] : [],
    mention_roles: [],
    attachments: options.attachments ?? [],
    embeds: [],
    pinned: false,
    type: 0,
  };
}

/**
 * A MESSAGE_CREATE payload for a reply to one of FactDesk's messages, as Discord sends it: the
 * reference, the message replied to, and FactDesk among the mentions when the reply pings (the
 * default), which is also what lets an app without the Message Content intent read it.
 */
export function replyPayload(content: string, repliedTo: string, options: { ping?: boolean } = {}): Record<string, unknown> {
  const payload = messagePayload(content, { mentionsBot: options.ping ?? true });
  return {
    ...payload,
    type: 19,
    message_reference: { type: 0, message_id: repliedTo, channel_id: CHANNEL_ID, guild_id: GUILD_ID },
    referenced_message: messageFrom(repliedTo, `/channels/${CHANNEL_ID}/messages`, { content: "" }),
  };
}

/** A MESSAGE_UPDATE payload: the message as edited (Discord sends the whole message). */
export function editPayload(message: Record<string, unknown>, content: string): Record<string, unknown> {
  return { ...message, content, edited_timestamp: new Date().toISOString() };
}

/** The GUILD_CREATE data for the newsroom's server, with its one text channel. */
export function guildPayload(): Record<string, unknown> {
  return {
    id: GUILD_ID,
    name: "Newsroom",
    icon: null,
    owner_id: USER_ID,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: "en-US",
    nsfw_level: 0,
    member_count: 2,
    members: [],
    channels: [{ id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "newsdesk", position: 0, permission_overwrites: [] }],
    threads: [],
    unavailable: false,
    shardId: 0,
  };
}

/** A key pair standing in for a Discord application's: Discord shows the public key as the raw 32 bytes in hex. */
export function applicationKeys(): { privateKey: KeyObject; publicKeyHex: string } {
  const keys = generateKeyPairSync("ed25519");
  return { privateKey: keys.privateKey, publicKeyHex: keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex") };
}

/** POSTs a body to an HTTP interactions endpoint, signed as Discord signs it (Ed25519 over timestamp + body). */
export function postInteraction(url: string, body: string, privateKey: KeyObject, timestamp = String(Math.floor(Date.now() / 1000))): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature-ed25519": sign(null, Buffer.from(timestamp + body), privateKey).toString("hex"), "x-signature-timestamp": timestamp },
    body,
  });
}

/** A modal submit, which FactDesk never opens but anyone can send. */
export function modalPayload(): Record<string, unknown> {
  return interactionPayload("command", {}, { type: 5, data: { custom_id: "feedback-modal", components: [{ type: 1, components: [{ type: 4, custom_id: "text", value: "hello" }] }] } });
}

const without = (payload: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(payload).filter(([key]) => !keys.includes(key)));

/** Correctly signed interactions discord.js can't read: each crashed the process before issue 16. */
export function malformedInteractions(): Array<[string, Record<string, unknown>]> {
  const command = () => interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: "how many attacks?" }]));
  return [
    ["a command with no data", without(command(), "data")],
    ["a command with neither member nor user", without(command(), "member", "user")],
    ["a button with no message", interactionPayload("button", buttonData("factdesk:ask:How many attacks"))],
    ["a command whose member's user has no id", { ...command(), member: { user: { username: "reporter" }, roles: [] } }],
    ["an interaction id that is not a snowflake", { ...command(), id: "not-a-snowflake" }],
    ["a message command without its target message", interactionPayload("command", { ...messageCommandData("Fact-check with FactDesk", messagePayload("61 attacks")), resolved: { messages: {} } })],
  ];
}

/** Interactions FactDesk has no handler for, each of which waited 2.9 s for a 500 before issue 16. */
export function unhandledInteractions(): Array<[string, Record<string, unknown>, "answered" | "refused"]> {
  return [
    ["an unknown interaction type (9)", interactionPayload("command", commandData("ask", []), { type: 9 }), "refused"],
    ["an interaction of type 0", interactionPayload("command", commandData("ask", []), { type: 0 }), "refused"],
    ["a modal submit", modalPayload(), "answered"],
    ["a command FactDesk no longer registers", interactionPayload("command", commandData("weather", [])), "answered"],
    ["a command of an unknown command type", interactionPayload("command", { ...commandData("ask", []), type: 9 }), "answered"],
    ["a select menu", interactionPayload("button", { custom_id: "menu", component_type: 3, values: ["a"] }, messageWithButtons()), "answered"],
    ["autocomplete for a command FactDesk does not have", interactionPayload("autocomplete", commandData("weather", [{ name: "city", type: 3, value: "Bag", focused: true }])), "answered"],
  ];
}

/**
 * Clicks on buttons of FactDesk's that it can no longer act on (Discord sends a click only to the
 * app that posted the button): each is answered privately that it has expired.
 */
export function expiredButtons(): Array<[string, Record<string, unknown>]> {
  const click = (customId: string) => interactionPayload("button", buttonData(customId), messageWithButtons());
  return [
    ["a button of a kind FactDesk no longer makes", click("factdesk:share:1")],
    ["a button that is no FactDesk button at all", click("poll:vote:1")],
    ["a follow-up button with no question", click("factdesk:ask:")],
    ["a follow-up button cut short, whose question FactDesk no longer knows", click(`factdesk:ask:How many ${"zeppelins ".repeat(12)}`.slice(0, 100))],
    ["a vote button without an ask id", click("factdesk:vote:up:not-an-ask-id")],
    ["a vote button with a choice FactDesk never offered", click("factdesk:vote:sideways:0b5e6a4e-3c1f-4e0b-9a51-7d2f8f1c9e10")],
    ["a Post button without an ask id", interactionPayload("button", buttonData("factdesk:post:not-an-ask-id"), messageWithButtons(64, [], [{ description: "an answer" }]))],
    ["a Post button on a message everyone already sees", click("factdesk:post:0b5e6a4e-3c1f-4e0b-9a51-7d2f8f1c9e10")],
    ["the 👎 form of a vote without an ask id", interactionPayload("modal", modalData("factdesk:reason:not-an-ask-id", { reason: "wrong" }), messageWithButtons())],
  ];
}
