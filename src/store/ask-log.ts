// The record of every question and claim asked. Writing it never costs an answer: record() only
// queues the entry and returns; the queue is written in batches a moment later, when the answer
// has long gone out. A failed write is logged and retried with backoff;
// if the database stays down, the oldest entries are dropped past a cap, and that is logged too.
import type { Kysely } from "kysely";
import type { Logger } from "../logger.js";
import type { Hasher } from "./asker-hash.js";
import type { AsksTable, StoreTables } from "./tables.js";

export interface AskEntry {
  id: string;
  askedAt: number;
  platform: string;
  /** Raw here; only its salted hash is written. */
  conversation: string;
  /** Raw here; only its salted hash is written. */
  userId: string;
  kind: "ask" | "check";
  text: string;
  outcome: string;
  factIds: readonly string[];
  confidence: number | null;
}

export interface AskLog {
  /** Queues the entry for writing; never throws, never waits. */
  record(entry: AskEntry): void;
  /** Resolves once everything queued so far has been written, or after `timeoutMs`. */
  flush(timeoutMs?: number): Promise<void>;
  /** Flushes, then stops writing (the store is closing). */
  close(timeoutMs?: number): Promise<void>;
}

export interface AskLogPolicy {
  /** How long after the first queued entry the batch is written. */
  delayMs: number;
  batchRows: number;
  maxQueued: number;
  retryMs: number;
  maxRetryMs: number;
}

export const ASK_LOG_POLICY: AskLogPolicy = Object.freeze({
  /**
   * Long enough that the reply's request has been written to the network before this process
   * spends any time on the record (a SQLite write runs on the event loop), short enough that the
   * record is current; asks arriving meanwhile go in the same batch.
   */
  delayMs: 50,
  /** Rows per INSERT: well inside SQLite's limit of 32,766 bound values (11 per row). */
  batchRows: 500,
  /** Entries held while the database is unreachable, about an hour of a busy newsroom. */
  maxQueued: 20_000,
  /** The first retry after a failed write; it doubles up to maxRetryMs. */
  retryMs: 500,
  maxRetryMs: 30_000,
});

export function sqlAskLog(db: Kysely<StoreTables>, hash: Hasher, engineVersion: string, logger: Logger, policy: AskLogPolicy = ASK_LOG_POLICY): AskLog {
  let queue: AsksTable[] = [];
  let writing: Promise<void> | undefined;
  let scheduled: NodeJS.Timeout | undefined;
  let retryMs = 0;
  let dropped = 0;
  let closed = false;

  const row = (entry: AskEntry): AsksTable => ({
    id: entry.id,
    asked_at: entry.askedAt,
    platform: entry.platform,
    conversation: hash(entry.platform, entry.conversation),
    asker: hash(entry.platform, entry.userId),
    kind: entry.kind,
    text: entry.text,
    outcome: entry.outcome,
    fact_ids: JSON.stringify(entry.factIds),
    confidence: entry.confidence,
    engine_version: engineVersion,
  });

  const writeQueued = async (): Promise<void> => {
    while (queue.length > 0 && !closed) {
      // Taken out while in flight, so the cap below never drops a row that is being written.
      const batch = queue.splice(0, policy.batchRows);
      try {
        await db.insertInto("asks").values(batch).onConflict((conflict) => conflict.column("id").doNothing()).execute();
        retryMs = 0;
      } catch (error) {
        queue = [...batch, ...queue];
        cap();
        retryMs = Math.min(policy.maxRetryMs, retryMs ? retryMs * 2 : policy.retryMs);
        logger.error({ err: error, queued: queue.length, retryInMs: retryMs }, "could not record asks; will retry");
        await new Promise((resolve) => setTimeout(resolve, retryMs).unref());
      }
    }
  };

  /** Past the cap (the database has been down a while), the oldest waiting rows are dropped, and that is logged. */
  const cap = () => {
    if (queue.length <= policy.maxQueued) return;
    const over = queue.length - policy.maxQueued;
    queue = queue.slice(over);
    dropped += over;
    if (dropped === over || dropped % 1000 < over) logger.error({ dropped }, "ask log queue full: the oldest unrecorded asks were dropped");
  };

  const write = () => {
    clearTimeout(scheduled);
    scheduled = undefined;
    writing = writeQueued().finally(() => {
      writing = undefined;
      if (queue.length > 0) schedule();
    });
  };

  const schedule = () => {
    if (scheduled || writing) return;
    scheduled = setTimeout(write, policy.delayMs).unref();
  };

  return {
    record(entry) {
      try {
        queue.push(row(entry));
        cap();
        schedule();
      } catch (error) {
        logger.error({ err: error }, "could not queue an ask for the record");
      }
    },
    flush,
    async close(timeoutMs) {
      await flush(timeoutMs);
      closed = true;
      if (queue.length > 0) logger.error({ unrecorded: queue.length }, "closing the store with asks not yet recorded");
    },
  };

  /** Writes what is queued now instead of at its time, and waits for it (up to the timeout). */
  async function flush(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((scheduled || writing || queue.length > 0) && !closed && Date.now() < deadline) {
      if (!writing) write();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([writing, new Promise((resolve) => (timer = setTimeout(resolve, Math.max(1, deadline - Date.now())).unref()))]);
      clearTimeout(timer);
    }
  }
}
