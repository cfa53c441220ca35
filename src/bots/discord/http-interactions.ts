// Discord's HTTP interactions mode: POST /discord/interactions on PORT. Each request is verified
// (Ed25519 over timestamp + body with the application's public key; 401 if it fails), PING is
// answered, and everything else runs through the same discord.js handlers as the gateway. Discord
// wants the first response to an interaction in the HTTP reply itself, so the REST call discord.js
// makes for it (POST /interactions/{id}/{token}/callback) is caught and sent back as that reply;
// later calls (editing a deferred reply) go to Discord's REST API as usual.
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { DefaultRestOptions, type Client, type RESTOptions, type ResponseLike } from "discord.js";
import type { Logger } from "../../logger.js";

export const INTERACTIONS_PATH = "/discord/interactions";

/** Discord gives an interaction 3 seconds; past this we give up on answering it over HTTP. */
const FIRST_RESPONSE_TIMEOUT_MS = 2900;
/** A signed request older than this is refused, so a captured one can't be replayed later. */
const MAX_REQUEST_AGE_S = 5 * 60;
/** The DER header that turns Discord's raw 32-byte Ed25519 key into a key node can read. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const MAX_BODY_BYTES = 1_000_000;

export interface InteractionsEndpoint {
  /** REST options for the discord.js client: they route first responses into HTTP replies. */
  rest: Partial<RESTOptions>;
  /** Starts serving; resolves with the server once it listens (port 0 picks a free port). */
  listen(client: Client, port: number): Promise<Server>;
}

type Deliver = (body: string) => void;

export function createInteractionsEndpoint(options: { publicKey: string; logger: Logger }): InteractionsEndpoint {
  const key = publicKeyFrom(options.publicKey);
  const logger = options.logger.child({ platform: "discord", mode: "http" });
  const pending = new Map<string, Deliver>();

  const makeRequest: RESTOptions["makeRequest"] = async (url, init) => {
    const callback = /\/interactions\/(\d+)\/[^/]+\/callback/.exec(url);
    const deliver = callback ? pending.get(callback[1]!) : undefined;
    if (deliver) {
      pending.delete(callback![1]!);
      deliver(typeof init.body === "string" ? init.body : "");
      return new Response(null, { status: 204 }) as unknown as ResponseLike;
    }
    return DefaultRestOptions.makeRequest(url, init);
  };

  const handle = async (client: Client, req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") return void res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    if (req.method !== "POST" || url.pathname !== INTERACTIONS_PATH) return void res.writeHead(404).end();
    const body = await readBody(req);
    if (body === undefined) return void res.writeHead(413).end();
    if (!isSignedByDiscord(req, body, key)) {
      logger.warn("rejected an interaction with a bad signature");
      return void res.writeHead(401, { "content-type": "text/plain" }).end("invalid request signature");
    }
    let payload: { id?: string; type?: number };
    try {
      payload = JSON.parse(body) as typeof payload;
    } catch {
      return void res.writeHead(400).end();
    }
    if (payload.type === 1) return void sendJson(res, { type: 1 }); // PING -> PONG
    if (!payload.id) return void res.writeHead(400).end();

    const id = payload.id;
    const timer = setTimeout(() => {
      pending.delete(id);
      logger.error({ interaction: id }, "no response within Discord's deadline");
      res.writeHead(500).end();
    }, FIRST_RESPONSE_TIMEOUT_MS);
    pending.set(id, (response) => {
      clearTimeout(timer);
      sendJson(res, response);
    });
    (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions.InteractionCreate.handle(payload);
  };

  return {
    rest: { makeRequest },
    listen(client, port) {
      const server = createServer((req, res) => {
        handle(client, req, res).catch((error: unknown) => {
          logger.error({ err: error }, "interactions endpoint failed");
          if (!res.headersSent) res.writeHead(500).end();
        });
      });
      return new Promise((resolve) => server.listen(port, () => resolve(server)));
    },
  };
}

function publicKeyFrom(hex: string): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]), format: "der", type: "spki" });
}

export function isSignedByDiscord(req: IncomingMessage, body: string, key: KeyObject, now = Date.now()): boolean {
  const signature = req.headers["x-signature-ed25519"];
  const timestamp = req.headers["x-signature-timestamp"];
  if (typeof signature !== "string" || typeof timestamp !== "string" || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > MAX_REQUEST_AGE_S) return false;
  return verify(null, Buffer.from(timestamp + body, "utf8"), key, Buffer.from(signature, "hex"));
}

function sendJson(res: ServerResponse, body: unknown): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(200, { "content-type": "application/json" }).end(text);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
