// Discord's HTTP interactions mode: POST /discord/interactions on PORT. The signature headers are
// checked before the body is read, the body is verified (Ed25519 over timestamp + body; 401 if it
// fails) and its shape checked (400), PING is answered, and everything else runs through the same
// discord.js handlers as the gateway. Discord wants the first response to an interaction in the
// HTTP reply itself, so the REST call discord.js makes for it (POST /interactions/{id}/{token}/callback)
// is caught and sent back as that reply; later calls (editing a deferred reply) go to Discord's
// REST API as usual. Each request is answered exactly once: by that callback, by an explicit
// answer when discord.js passes an interaction by, or by the deadline.
import { verify } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { DefaultRestOptions, Events, MessageFlags, type Client, type RESTOptions, type ResponseLike } from "discord.js";
import type { Logger } from "../../logger.js";
import { createServingServer, listen, readBody, refuse, SERVING_LIMITS, type ServingLimits } from "../http-serving.js";
import { renderNotice } from "./embeds.js";
import { checkInteraction } from "./interaction-shape.js";
import { NOT_HANDLED_MESSAGE } from "./interactions.js";
import { publicKeyFrom } from "./public-key.js";

export const INTERACTIONS_PATH = "/discord/interactions";

/** Discord gives an interaction 3 seconds; past this we give up on answering it over HTTP. */
const FIRST_RESPONSE_TIMEOUT_MS = 2900;
/** A signed request older (or newer) than this is refused, so a captured one can't be replayed later. */
const MAX_REQUEST_AGE_S = 5 * 60;
/**
 * Interactions are small: options of at most 6,000 characters and, for a message context menu or
 * a button, the message (2,000 characters and 6,000 of embeds). 256 KB holds any of them in UTF-8.
 */
export const MAX_INTERACTION_BYTES = 256 * 1024;

/** What an interaction discord.js passes by in silence gets: what the handlers say to one they don't handle. */
const NOT_HANDLED = { type: 4, data: { ...renderNotice(NOT_HANDLED_MESSAGE), flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } };

export interface InteractionsEndpointOptions {
  publicKey: string;
  logger: Logger;
  /** Discord's deadline, less the network; tests shorten it. */
  firstResponseTimeoutMs?: number;
  limits?: ServingLimits;
}

export interface InteractionsEndpoint {
  /** REST options for the discord.js client: they route first responses into HTTP replies. */
  rest: Partial<RESTOptions>;
  /** Starts serving; resolves with the server once it listens (port 0 picks a free port). */
  listen(client: Client, port: number): Promise<Server>;
}

/** One HTTP reply, sent at most once whoever tries: the callback, the fallback or the deadline. */
type Reply = (status: number, body?: unknown) => boolean;

export function createInteractionsEndpoint(options: InteractionsEndpointOptions): InteractionsEndpoint {
  const key = publicKeyFrom(options.publicKey);
  const logger = options.logger.child({ platform: "discord", mode: "http" });
  const deadlineMs = options.firstResponseTimeoutMs ?? FIRST_RESPONSE_TIMEOUT_MS;
  const pending = new Map<string, Reply>();
  let dispatched: string | undefined;

  const makeRequest: RESTOptions["makeRequest"] = async (url, init) => {
    const callback = /\/interactions\/(\d+)\/[^/]+\/callback/.exec(url);
    const reply = callback ? pending.get(callback[1]!) : undefined;
    if (reply) {
      reply(200, typeof init.body === "string" ? init.body : "");
      return new Response(null, { status: 204 }) as unknown as ResponseLike;
    }
    return DefaultRestOptions.makeRequest(url, init);
  };

  const handle = async (client: Client, req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") return void res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    if (req.method !== "POST" || url.pathname !== INTERACTIONS_PATH) return void refuse(res, 404);
    // Headers first: an unsigned or stale request is refused before a byte of its body is read.
    const signed = signatureHeaders(req);
    if (!signed) {
      logger.warn("rejected an interaction without valid signature headers");
      return void refuse(res, 401, "invalid request signature");
    }
    const read = await readBody(req, MAX_INTERACTION_BYTES);
    if (!read.ok) {
      logger.warn({ limit: MAX_INTERACTION_BYTES }, "rejected an interaction larger than any Discord sends");
      return void refuse(res, 413);
    }
    const body = read.body.toString("utf8");
    if (!verify(null, Buffer.from(signed.timestamp + body, "utf8"), key, signed.signature)) {
      logger.warn("rejected an interaction with a bad signature");
      return void refuse(res, 401, "invalid request signature");
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return void refuse(res, 400, "not JSON");
    }
    if ((payload as { type?: unknown } | null)?.type === 1) return void sendJson(res, 200, { type: 1 }); // PING -> PONG
    const checked = checkInteraction(payload);
    if (!checked.ok) {
      logger.warn({ reason: checked.reason }, "rejected a malformed interaction");
      return void refuse(res, 400, `malformed interaction: ${checked.reason}`);
    }
    const { interaction } = checked;
    if (pending.has(interaction.id)) {
      logger.warn({ interaction: interaction.id }, "dropped a repeat of an interaction being answered");
      return void refuse(res, 409, "already being answered");
    }

    const reply = replyOnce(res, () => {
      clearTimeout(timer);
      pending.delete(interaction.id);
    });
    const timer = setTimeout(() => {
      if (reply(500)) logger.error({ interaction: interaction.id }, "no response within Discord's deadline");
    }, deadlineMs);
    pending.set(interaction.id, reply);
    dispatched = undefined;
    try {
      (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions.InteractionCreate.handle(interaction);
    } catch (error) {
      logger.warn({ err: error, interaction: interaction.id }, "discord.js could not read an interaction");
      return void reply(400, "malformed interaction");
    }
    // discord.js emits synchronously; some kinds (an unknown command type, a non-text channel) it
    // passes by in silence, and those get an explicit answer instead of the deadline's 500.
    if (dispatched !== interaction.id) {
      logger.info({ interaction: interaction.id, type: interaction.type }, "answered an interaction FactDesk has no handler for");
      reply(200, NOT_HANDLED);
    }
  };

  return {
    rest: { makeRequest },
    async listen(client, port) {
      client.on(Events.InteractionCreate, (created) => {
        dispatched = created.id;
      });
      const server = createServingServer(
        (req, res) => {
          handle(client, req, res).catch((error: unknown) => {
            logger.error({ err: error }, "interactions endpoint failed");
            refuse(res, 500);
          });
        },
        logger,
        options.limits ?? SERVING_LIMITS,
      );
      await listen(server, port);
      return server;
    },
  };
}

function replyOnce(res: ServerResponse, settle: () => void): Reply {
  let sent = false;
  return (status, body) => {
    if (sent || res.headersSent) return false;
    sent = true;
    settle();
    if (body === undefined) refuse(res, status);
    else if (typeof body === "string" && status !== 200) refuse(res, status, body);
    else sendJson(res, status, body);
    return true;
  };
}

/** The signature headers, if well formed and recent; checked before the body is read. */
function signatureHeaders(req: IncomingMessage, now = Date.now()): { signature: Buffer; timestamp: string } | undefined {
  const signature = req.headers["x-signature-ed25519"];
  const timestamp = req.headers["x-signature-timestamp"];
  if (typeof signature !== "string" || typeof timestamp !== "string" || !/^[0-9a-f]{128}$/i.test(signature)) return undefined;
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > MAX_REQUEST_AGE_S) return undefined;
  return { signature: Buffer.from(signature, "hex"), timestamp };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json" }).end(text);
}
