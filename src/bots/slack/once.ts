// Carrying out a Slack delivery once across every process: Slack retries an event it thinks was
// missed, and a signed command or click can be replayed. The listeners wrap each answer in once().
import type { Logger } from "../../logger.js";
import type { DeliveryClaims } from "../../store/delivery-claims.js";

/** How long a delivery's claim may take before it is answered unclaimed: a slow store must not hold the answer. */
const CLAIM_TIMEOUT_MS = 1000;

/** Why Slack sent a delivery again, for the log (an event's X-Slack-Retry-Num and -Reason). */
export type RetryContext = { retryNum?: number; retryReason?: string };

/**
 * Answers a delivery once across every process: a repeat (Slack's retry of an event, or a
 * replayed command or click) is dropped, with a log line saying which and why Slack sent it
 * again. An answer that failed releases the claim, so Slack's retry is answered; when the claims
 * can't be asked in time, the delivery is answered anyway.
 */
export async function once(deps: { claims: DeliveryClaims; logger: Logger }, id: string, context: RetryContext, answerIt: () => Promise<boolean>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the store within ${CLAIM_TIMEOUT_MS} ms`)), CLAIM_TIMEOUT_MS);
  });
  // Through a promise, so a claims implementation that throws at once is handled like one that rejects.
  const claim = await Promise.race([Promise.resolve().then(() => deps.claims.claim(id)), late])
    .catch((error: unknown) => {
      deps.logger.warn({ err: error, delivery: id }, "could not check whether this delivery was answered already: answering it");
      return null;
    })
    .finally(() => clearTimeout(timer));
  if (claim === undefined) {
    deps.logger.info({ delivery: id, retryNum: context.retryNum, retryReason: context.retryReason }, "dropped a repeated delivery");
    return;
  }
  const answered = await answerIt();
  try {
    await (answered ? claim?.settle() : claim?.release());
  } catch (error) {
    deps.logger.warn({ err: error, delivery: id }, "could not record whether this delivery was answered");
  }
}

/** An event is retried with its event_id; a command or click is one trigger_id, which a replay repeats. */
export const eventId = (body: { event_id: string }) => `slack:event:${body.event_id}`;
export const triggerId = (trigger: string) => `slack:trigger:${trigger}`;
