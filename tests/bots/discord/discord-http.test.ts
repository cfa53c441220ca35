// Discord's HTTP interactions mode: requests signed with Ed25519 as Discord signs them, answered in
// the HTTP reply by the same handlers the gateway uses.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIEmbed, Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, type Desk } from "../../../src/bots/conversation.js";
import { createDiscordClient } from "../../../src/bots/discord/client.js";
import { createInteractionsEndpoint } from "../../../src/bots/discord/http-interactions.js";
import { createRateLimiter } from "../../../src/bots/rate-limit.js";
import { realEngine } from "../../helpers/engine.js";
import { APP_ID, commandData, interactionPayload, messageCommandData, messagePayload, messageWithButtons, startFakeDiscord, type FakeDiscord } from "../../helpers/fake-discord.js";
import { captureLogs } from "../../helpers/log-capture.js";
import { slowDesk } from "../../helpers/desks.js";
import { waitFor } from "../../helpers/wait-for.js";

const keys = generateKeyPairSync("ed25519");
/** Discord shows the public key as 64 hex digits: the raw key, the last 32 bytes of its DER form. */
const PUBLIC_KEY_HEX = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");

let fake: FakeDiscord;
let server: Server;
let client: Client;
let url: string;

async function startEndpoint(desk: Desk, deferAfterMs?: number): Promise<{ server: Server; client: Client; url: string }> {
  const logger = captureLogs().logger;
  const endpoint = createInteractionsEndpoint({ publicKey: PUBLIC_KEY_HEX, logger });
  const client = createDiscordClient({
    applicationId: APP_ID,
    desk,
    logger,
    apiUrl: fake.apiUrl,
    limiter: createRateLimiter({ requests: 1000, windowMs: 60_000 }),
    rest: { ...endpoint.rest, retries: 0 },
    ...(deferAfterMs !== undefined ? { deferAfterMs } : {}),
  });
  const server = await endpoint.listen(client, 0);
  return { server, client, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  ({ server, client, url } = await startEndpoint(createDesk(realEngine())));
});
afterAll(async () => {
  await client.destroy();
  await new Promise((resolve) => server.close(resolve));
  await fake.close();
});

function post(body: string, options: { key?: KeyObject; timestamp?: string; signature?: string } = {}, base = url): Promise<Response> {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const signature = options.signature ?? sign(null, Buffer.from(timestamp + body), options.key ?? keys.privateKey).toString("hex");
  return fetch(`${base}/discord/interactions`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp },
    body,
  });
}

describe("Discord HTTP interactions endpoint", () => {
  it("answers a signed PING with PONG", async () => {
    const response = await post(JSON.stringify({ id: "1", type: 1, application_id: APP_ID, token: "t", version: 1 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
  });

  it("rejects a request signed with another key, an altered body, an old timestamp, or no signature, with 401", async () => {
    const body = JSON.stringify({ id: "1", type: 1 });
    const other = generateKeyPairSync("ed25519").privateKey;
    expect((await post(body, { key: other })).status).toBe(401);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString("hex");
    expect((await post(body.replace("1", "2"), { timestamp, signature })).status).toBe(401);
    expect((await post(body, { timestamp: String(Math.floor(Date.now() / 1000) - 3600) })).status).toBe(401);
    const unsigned = await fetch(`${url}/discord/interactions`, { method: "POST", body });
    expect(unsigned.status).toBe(401);
  });

  it("answers /ask in the HTTP reply, through the same handlers as the gateway", async () => {
    const payload = interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: "how many attacks in Iraq?" }]));
    const response = await post(JSON.stringify(payload));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: number; data: { embeds: APIEmbed[]; allowed_mentions: unknown } };
    expect(body.type).toBe(4);
    expect(body.data.embeds[0]!.description).toMatch(/29/);
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // The first response went in the HTTP reply, not over REST (a public answer's message is looked up after it, for its reply chain).
    expect(fake.requests.some((r) => r.path.includes(`/interactions/${String(payload["id"])}/`))).toBe(false);
  });

  it("answers the message command in the HTTP reply, privately", async () => {
    const payload = interactionPayload("command", messageCommandData("Fact-check with FactDesk", messagePayload("The US has about 9,000 troops in Syria.")));
    const body = (await (await post(JSON.stringify(payload))).json()) as { type: number; data: { flags: number; embeds: APIEmbed[] } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0]!.title).toBe("Fact check");
    expect(body.data.embeds[0]!.description).toMatch(/\nContradicted: /);
  });

  it("acknowledges a Post publicly click in the HTTP reply, then posts the answer and marks the private copy through the REST API", async () => {
    const asked = interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: "how many attacks in Iraq?" }]));
    const answer = (await (await post(JSON.stringify(asked))).json()) as { data: { flags: number; embeds: APIEmbed[]; components: Array<{ components: Array<{ custom_id: string }> }> } };
    expect(answer.data.flags).toBe(64);
    const postId = answer.data.components.flatMap((row) => row.components).find((button) => button.custom_id.startsWith("factdesk:post:"))!.custom_id;
    const click = interactionPayload("button", { custom_id: postId, component_type: 2 }, messageWithButtons(64, answer.data.components, answer.data.embeds));
    expect(((await (await post(JSON.stringify(click))).json()) as { type: number }).type).toBe(6);
    const posted = await waitFor(() => fake.requests.find((r) => r.method === "POST" && r.path === `/api/v10/webhooks/${APP_ID}/${String(click["token"])}`), "the public post");
    expect((posted.body as { embeds: APIEmbed[]; flags?: number }).embeds).toEqual(answer.data.embeds);
    await waitFor(() => fake.requests.find((r) => r.method === "PATCH" && r.path === `/api/v10/webhooks/${APP_ID}/${String(click["token"])}/messages/@original`), "the private copy marked");
  });

  it("answers autocomplete in the HTTP reply", async () => {
    const payload = interactionPayload("autocomplete", commandData("ask", [{ name: "question", type: 3, value: "who is", focused: true }]));
    const body = (await (await post(JSON.stringify(payload))).json()) as { type: number; data: { choices: unknown[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeGreaterThan(0);
  });

  it("defers a slow answer in the HTTP reply and edits it in through the REST API", async () => {
    const endpoint = await startEndpoint(slowDesk(200), 20);
    try {
      const payload = interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: "how many attacks?" }]));
      const body = (await (await post(JSON.stringify(payload), {}, endpoint.url)).json()) as { type: number };
      expect(body.type).toBe(5);
      const edit = await waitFor(() => fake.requests.find((r) => r.method === "PATCH" && r.path === `/api/v10/webhooks/${APP_ID}/${String(payload["token"])}/messages/@original`), "the edit");
      expect((edit.body as { embeds: APIEmbed[] }).embeds[0]!.description).toMatch(/61/);
    } finally {
      await endpoint.client.destroy();
      await new Promise((resolve) => endpoint.server.close(resolve));
    }
  });

  it("answers GET /healthz with 200", async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
