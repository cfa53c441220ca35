// A local stand-in for Discord's REST API: records interaction callbacks, webhook edits and
// follow-ups, channel messages and command registrations, and answers as Discord does.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "./read-body.js";

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | unknown[] | undefined;
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
    // Interaction callbacks and deletions answer 204 with no body and no JSON content type.
    if (path.endsWith("/callback") || req.method === "DELETE") return void res.writeHead(204).end();
    if (req.method === "PUT" && path.includes("/commands")) return json(res, Array.isArray(body) ? body : []);
    counter += 1n;
    return json(res, messageFrom(String(counter), path, body));
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

export function commandData(name: string, options: Array<{ name: string; type: number; value: unknown; focused?: boolean }>): Record<string, unknown> {
  return { id: "1400000000000000001", name, type: 1, options };
}

export function buttonData(customId: string): Record<string, unknown> {
  return { custom_id: customId, component_type: 2 };
}

/** The message a button sits on, as Discord sends it with a component interaction (and with a modal opened from one). */
export function messageWithButtons(flags = 0, components: unknown[] = []): Record<string, unknown> {
  return { message: { ...messageFrom("1500000000000000001", "", { flags }), components } };
}

/** A modal's submission: each text input inside its label, as Discord sends them. */
export function modalData(customId: string, inputs: Record<string, string>): Record<string, unknown> {
  return { custom_id: customId, components: Object.entries(inputs).map(([id, value]) => ({ type: 18, id: 1, component: { type: 4, id: 2, custom_id: id, value } })) };
}

let messageCounter = 1600000000000000000n;

/** A MESSAGE_CREATE payload. */
export function messagePayload(content: string, options: { mentionsBot?: boolean; bot?: boolean; dm?: boolean } = {}): Record<string, unknown> {
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
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
  };
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
