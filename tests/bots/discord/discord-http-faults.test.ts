// Discord's HTTP interactions endpoint against what a hostile or broken sender can do: correctly
// signed payloads discord.js can't read, kinds of interaction FactDesk has no handler for, bodies
// that are too big or never finish, and connections that sit idle.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Client } from "discord.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk } from "../../../src/bots/conversation.js";
import { createDiscordClient } from "../../../src/bots/discord/client.js";
import { createInteractionsEndpoint } from "../../../src/bots/discord/http-interactions.js";
import { EXPIRED_BUTTON_MESSAGE } from "../../../src/bots/discord/respond.js";
import { createRateLimiter } from "../../../src/bots/rate-limit.js";
import { realEngine } from "../../helpers/engine.js";
import {
  APP_ID,
  applicationKeys,
  buttonData,
  commandData,
  expiredButtons,
  interactionPayload,
  malformedInteractions,
  messageWithButtons,
  modalPayload,
  postInteraction,
  startFakeDiscord,
  unhandledInteractions,
  type FakeDiscord,
} from "../../helpers/fake-discord.js";
import { captureLogs, type CapturedLogs } from "../../helpers/log-capture.js";
import { closedByServer, openConnection, statusOfUnfinished } from "../../helpers/raw-http.js";
import { pause, waitFor } from "../../helpers/wait-for.js";

const keys = applicationKeys();
/** Short, so a test sees what happens after Discord's deadline without waiting 3 s for it. */
const DEADLINE_MS = 300;
const LIMITS = { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 1_000, maxConnections: 20 };

let fake: FakeDiscord;
let server: Server;
let client: Client;
let logs: CapturedLogs;
let url: string;
let port: number;

beforeAll(async () => {
  fake = await startFakeDiscord();
  logs = captureLogs("debug");
  const endpoint = createInteractionsEndpoint({ publicKey: keys.publicKeyHex, logger: logs.logger, firstResponseTimeoutMs: DEADLINE_MS, limits: LIMITS });
  client = createDiscordClient({
    applicationId: APP_ID,
    desk: createDesk(realEngine()),
    logger: logs.logger,
    apiUrl: fake.apiUrl,
    limiter: createRateLimiter({ requests: 100_000, windowMs: 60_000 }),
    rest: { ...endpoint.rest, retries: 0 },
  });
  server = await endpoint.listen(client, 0);
  port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}/discord/interactions`;
});
afterAll(async () => {
  await client.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await fake.close();
});

const post = (payload: unknown) => postInteraction(url, JSON.stringify(payload), keys.privateKey);
const stillServing = async () => expect(await (await post({ id: "1", type: 1, application_id: APP_ID, token: "t", version: 1 })).json()).toEqual({ type: 1 });

describe("a correctly signed interaction discord.js can't read", () => {
  it.each(malformedInteractions())("%s is refused with 400 at once, and the process keeps serving past the deadline", async (_name, payload) => {
    const response = await post(payload);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^malformed interaction/);
    await pause(DEADLINE_MS * 2);
    await stillServing();
  });
});

describe("an interaction FactDesk has no handler for", () => {
  it.each(unhandledInteractions())("%s gets an explicit answer at once", async (_name, payload, expected) => {
    const response = await post(payload);
    if (expected === "refused") {
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/unknown interaction type/);
      return;
    }
    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: number; data: { flags?: number; choices?: unknown[]; embeds?: Array<{ description: string }> } };
    if (payload["type"] === 4) expect(body).toEqual({ type: 8, data: { choices: [] } });
    else {
      expect(body.type).toBe(4);
      expect(body.data.flags).toBe(64);
      expect(body.data.embeds![0]!.description).toMatch(/I don't handle that/);
    }
  });
});

describe("a click on a button FactDesk can no longer act on", () => {
  it.each(expiredButtons())("%s is answered privately at once: the button has expired", async (_name, payload) => {
    const response = await post(payload);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: number; data: { flags?: number; embeds: Array<{ description: string }> } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0]!.description).toBe(EXPIRED_BUTTON_MESSAGE);
  });
});

describe("any signed payload", () => {
  // A recipe: a valid interaction of some kind, then a few edits anywhere in it.
  const kinds = {
    command: () => interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: "how many attacks?" }])),
    autocomplete: () => interactionPayload("autocomplete", commandData("ask", [{ name: "question", type: 3, value: "who is", focused: true }])),
    button: () => interactionPayload("button", buttonData("factdesk:ask:How many attacks"), messageWithButtons()),
    modal: modalPayload,
  };
  const place = fc.constantFrom("", "data", "member", "member.user", "message", "channel", "data.options.0");
  const key = fc.constantFrom("id", "type", "token", "version", "application_id", "data", "member", "user", "message", "channel", "guild_id", "channel_id", "entitlements", "app_permissions", "options", "name", "value", "focused", "custom_id", "component_type", "flags", "username", "permissions", "roles", "components", "focusedx");
  const edit = fc.oneof(
    fc.record({ place, key, remove: fc.constant(true as const) }),
    fc.record({ place, key, value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: -1, max: 12 }), fc.constantFrom("1300000000000000000", "", "x".repeat(300))) }),
  );
  const recipe = fc.record({ kind: fc.constantFrom(...(Object.keys(kinds) as Array<keyof typeof kinds>)), edits: fc.array(edit, { minLength: 1, maxLength: 4 }) });

  type Recipe = typeof recipe extends fc.Arbitrary<infer T> ? T : never;
  function cook({ kind, edits }: Recipe): Record<string, unknown> {
    const payload = kinds[kind]();
    for (const change of edits) {
      let node: unknown = payload;
      for (const step of change.place ? change.place.split(".") : []) node = node && typeof node === "object" ? (node as Record<string, unknown>)[step] : undefined;
      if (!node || typeof node !== "object") continue;
      if ("remove" in change) delete (node as Record<string, unknown>)[change.key];
      else (node as Record<string, unknown>)[change.key] = change.value;
    }
    return payload;
  }

  it("is answered at once with 200 or refused with 400, and never takes the process down", async () => {
    await fc.assert(
      fc.asyncProperty(recipe, async (recipeValue) => {
        const response = await post(cook(recipeValue));
        expect([200, 400]).toContain(response.status);
      }),
      { numRuns: 300 },
    );
    await pause(DEADLINE_MS * 2); // any deadline timer left behind has fired by now
    await stillServing();
    expect(logs.lines().filter((line) => line["msg"] === "no response within Discord's deadline")).toEqual([]);
  }, 60_000);
});

describe("unauthenticated load", () => {
  it("refuses a request without signature headers before reading its body", async () => {
    const status = await statusOfUnfinished(port, ["POST /discord/interactions HTTP/1.1", "Host: x", "Content-Type: application/json", "Content-Length: 4000000", "", "{\"type\":"]);
    expect(status).toBe(401);
  });

  it("refuses a signed-looking body larger than any interaction before reading it", async () => {
    const headers = ["x-signature-ed25519: " + "ab".repeat(64), `x-signature-timestamp: ${Math.floor(Date.now() / 1000)}`];
    const status = await statusOfUnfinished(port, ["POST /discord/interactions HTTP/1.1", "Host: x", ...headers, "Content-Type: application/json", "Content-Length: 300000", "", "{"]);
    expect(status).toBe(413);
  });

  it("closes connections that send nothing, or never finish their headers", async () => {
    const silent = await openConnection(port);
    const dribbling = await openConnection(port);
    dribbling.write("POST /discord/interactions HTTP/1.1\r\nHost: x\r\n");
    await Promise.all([closedByServer(silent), closedByServer(dribbling)]);
  });

  it("refuses connections over its limit, with a log line saying so, and serves again once they go", async () => {
    const sockets = await Promise.all(Array.from({ length: LIMITS.maxConnections + 3 }, () => openConnection(port)));
    await waitFor(() => logs.lines().find((line) => line["msg"] === "refused connections: too many are open"), "the refusal to be logged");
    for (const socket of sockets) socket.destroy();
    await pause(100);
    await stillServing();
  });
});
