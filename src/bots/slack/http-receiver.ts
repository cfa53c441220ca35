// Slack's HTTP mode transport: Bolt's HTTPReceiver behind a front that does what can be done
// before a body is read. A request without well-formed signature headers, or stamped more than
// five minutes from now either way, is refused with 401 unread; a body past the limit with 413;
// while Slack has not yet accepted the token, events get 503 (Slack retries them) and /healthz
// says 503 too. Bolt then verifies the signature and dispatches as usual.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { HTTPReceiver, type App, type Logger as BoltLogger, type Receiver } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { createServingServer, listen, readBody, refuse, SERVING_LIMITS, type ServingLimits } from "../http-serving.js";

export const EVENTS_PATH = "/slack/events";

/** Slack refuses to sign for more than this either side of now, and so do we (its retries come within it). */
const MAX_TIMESTAMP_SKEW_S = 5 * 60;
/**
 * Slack's largest payloads are block actions, which carry the message clicked (up to 50 blocks of
 * 3,000 characters, URL-encoded in a form): 1 MB holds them. Bolt's default is 4 MB.
 */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;
/** Bolt answers an unsigned `ssl_check=1` (Slack's certificate check); nothing else unsigned is read. */
const MAX_UNSIGNED_BODY_BYTES = 256;

export interface GuardedReceiverOptions {
  signingSecret: string;
  logger: Logger;
  boltLogger: BoltLogger;
  /** False until Slack has accepted the token: events get 503 and /healthz says so. */
  isReady: () => boolean;
  limits?: ServingLimits;
}

export type HeaderCheck = "ok" | "unsigned" | "stale" | "future";

/** The log line for each refusal (all made before the body is read). */
const REFUSED: Record<Exclude<HeaderCheck, "ok">, string> = {
  unsigned: "refused a Slack request without well-formed signature headers",
  stale: "refused a Slack request timestamped more than 5 minutes ago",
  // A request stamped ahead could be replayed until then: Bolt refuses only stale ones.
  future: "refused a Slack request timestamped more than 5 minutes ahead",
};

/** What the signature headers say before any body is read: well formed, and stamped within 5 minutes of now. */
export function checkSignatureHeaders(headers: Record<string, string | string[] | undefined>, nowMs = Date.now()): HeaderCheck {
  const signature = headers["x-slack-signature"];
  const timestamp = headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || !/^v0=[0-9a-f]{64}$/.test(signature) || typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) return "unsigned";
  const skew = Number(timestamp) - nowMs / 1000;
  if (skew > MAX_TIMESTAMP_SKEW_S) return "future";
  if (skew < -MAX_TIMESTAMP_SKEW_S) return "stale";
  return "ok";
}

export class GuardedHttpReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private server: Server | undefined;

  constructor(private readonly options: GuardedReceiverOptions) {
    this.bolt = new HTTPReceiver({ signingSecret: options.signingSecret, logger: options.boltLogger, bodyLimit: MAX_SLACK_BODY_BYTES });
  }

  init(app: App): void {
    this.bolt.init(app);
  }

  /** Listens on `port` (0 for any free port) and resolves with the server. */
  async start(port: number): Promise<Server> {
    const { logger } = this.options;
    const server = createServingServer(
      (req, res) => {
        this.handle(req, res).catch((error: unknown) => {
          logger.error({ err: error }, "Slack endpoint failed");
          refuse(res, 500);
        });
      },
      logger,
      this.options.limits ?? SERVING_LIMITS,
    );
    await listen(server, port);
    this.server = server;
    return server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger, isReady } = this.options;
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && path === "/healthz") {
      if (isReady()) return void res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      return refuse(res, 503, "waiting for Slack to accept the token");
    }
    if (req.method === "POST" && path === EVENTS_PATH) {
      const check = checkSignatureHeaders(req.headers);
      const sslCheckSized = Number(req.headers["content-length"]) <= MAX_UNSIGNED_BODY_BYTES;
      if (check !== "ok" && !(check === "unsigned" && sslCheckSized)) {
        logger.warn({ reason: check, timestamp: req.headers["x-slack-request-timestamp"] }, REFUSED[check]);
        return refuse(res, 401, "invalid request signature");
      }
      if (!isReady()) return refuse(res, 503, "FactDesk is waiting for Slack to accept its token", { "retry-after": "60" });
      const read = await readBody(req, check === "ok" ? MAX_SLACK_BODY_BYTES : MAX_UNSIGNED_BODY_BYTES);
      if (!read.ok) {
        logger.warn({ limit: MAX_SLACK_BODY_BYTES }, "rejected a Slack request larger than any Slack sends");
        return refuse(res, 413);
      }
      // Bolt reads a body already buffered here instead of reading the stream again.
      (req as typeof req & { rawBody: Buffer }).rawBody = read.body;
    }
    try {
      this.bolt.requestListener(req, res);
    } catch {
      refuse(res, 404); // Bolt throws for a path it does not serve
    }
  }
}
