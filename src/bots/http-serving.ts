// The HTTP server both platforms' endpoints run on (Slack HTTP mode, Discord HTTP interactions):
// short header and request timeouts, a connection cap under the open-file limit with a log line
// when it refuses one, bodies read only up to a limit, and a listen that fails in one line.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger.js";

export interface ServingLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export const SERVING_LIMITS: ServingLimits = Object.freeze({
  /** Slack and Discord send a request's headers at once; a client dribbling them is neither. */
  headersTimeoutMs: 5_000,
  /** The whole request, body included: the platforms' payloads are small and sent in one go. */
  requestTimeoutMs: 10_000,
  /** An idle keep-alive connection holds a file descriptor for nothing. */
  keepAliveTimeoutMs: 5_000,
  /** Well under the usual limit of 1,024 open files, leaving room for calls out to the platforms. */
  maxConnections: 512,
});

/** At most one "refused connections" line this often, with the count since the last one. */
const DROP_LOG_INTERVAL_MS = 10_000;

export function createServingServer(listener: RequestListener, logger: Logger, limits: ServingLimits = SERVING_LIMITS): Server {
  const server = createServer(
    // Timeouts are checked on this interval (30 s by default, longer than the timeouts themselves).
    { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: 1_000 },
    listener,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  let dropped = 0;
  let lastLogged = -Infinity;
  server.on("drop", () => {
    dropped += 1;
    const now = Date.now();
    if (now - lastLogged < DROP_LOG_INTERVAL_MS) return;
    logger.warn({ refused: dropped, maxConnections: limits.maxConnections }, "refused connections: too many are open");
    dropped = 0;
    lastLogged = now;
  });
  return server;
}

/** Listens on `port` (0 for any free port); a port in use or not allowed is one line naming PORT. */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") reject(new Error(`PORT ${port} is already in use: stop what is using it or set another PORT`));
      else if (error.code === "EACCES") reject(new Error(`PORT ${port} needs privileges this process lacks: set a PORT above 1023`));
      else reject(error);
    };
    server.once("error", fail);
    server.listen(port, () => {
      server.off("error", fail);
      resolve((server.address() as { port: number }).port);
    });
  });
}

export type BodyRead = { ok: true; body: Buffer } | { ok: false; status: 413 };

/** Reads a body of at most `limit` bytes; a larger one (by its Content-Length, or as it arrives) is refused unread. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return Promise.resolve({ ok: false, status: 413 });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.pause();
      resolve({ ok: false, status: 413 });
    };
    req.on("data", onData);
    req.on("end", () => resolve({ ok: true, body: Buffer.concat(chunks) }));
    req.on("error", reject);
  });
}

/**
 * Ends a request early (bad headers, too large, not ready): the answer goes out at once and the
 * connection closes, so the rest of an unwanted body is never read.
 */
export function refuse(res: ServerResponse, status: number, text = "", headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "text/plain", connection: "close", ...headers }).end(text ? `${text}\n` : undefined);
}
