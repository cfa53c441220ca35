// Bolt refuses a request signed more than five minutes ago, but not one signed up to years ahead,
// which could be replayed until then. This refuses those too (401, like a stale one), before Bolt
// reads the body. A request without the header is left to Bolt, which refuses it.
import type { RequestListener } from "node:http";
import type { Logger } from "../../logger.js";

/** Slack's own tolerance for clock skew, the same both ways. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

export function isFromTheFuture(timestampHeader: string | string[] | undefined, nowMs = Date.now()): boolean {
  const timestamp = Number(Array.isArray(timestampHeader) ? timestampHeader[0] : timestampHeader);
  return Number.isFinite(timestamp) && timestamp > nowMs / 1000 + MAX_CLOCK_SKEW_S;
}

export function refuseFutureTimestamps(listener: RequestListener, logger: Logger): RequestListener {
  return (req, res) => {
    if (!isFromTheFuture(req.headers["x-slack-request-timestamp"])) return listener(req, res);
    logger.warn({ timestamp: req.headers["x-slack-request-timestamp"] }, "refused a Slack request timestamped more than 5 minutes ahead");
    req.resume(); // drain the body, so the connection can be reused
    res.writeHead(401).end();
  };
}
