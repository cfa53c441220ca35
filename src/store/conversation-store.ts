// Where conversation context lives between turns, shaped like Bolt's ConversationStore: set a value
// with an expiry, get it back until then. The in-memory store is per process (the default, and
// enough for one process); the SQL store is shared by every process on the same database, so a
// thread continues whichever process receives its next message. Values must survive JSON.
import type { Kysely } from "kysely";
import type { Hasher } from "./asker-hash.js";
import type { StoreTables } from "./tables.js";

export interface ConversationStore<T> {
  /** Keeps `value` for `key` until `expiresAt` (epoch ms; default: the store's time to live). */
  set(key: string, value: T, expiresAt?: number): Promise<void>;
  /** The value, or undefined when there is none or it has expired. */
  get(key: string): Promise<T | undefined>;
}

/** Context older than this is stale: people who come back later start afresh. */
export const CONVERSATION_TTL_MS = 30 * 60_000;

export function memoryConversationStore<T>(options: { ttlMs?: number; now?: () => number; maxEntries?: number } = {}): ConversationStore<T> {
  const { ttlMs = CONVERSATION_TTL_MS, now = Date.now, maxEntries = 50_000 } = options;
  const entries = new Map<string, { value: T; expiresAt: number }>();
  return {
    async set(key, value, expiresAt = now() + ttlMs) {
      entries.delete(key); // re-inserted last, so the oldest entries come first
      entries.set(key, { value: structuredClone(value), expiresAt });
      // Drop the oldest entries: expired ones, and any beyond the cap.
      for (const [oldKey, old] of entries) {
        if (entries.size <= maxEntries && old.expiresAt > now()) break;
        entries.delete(oldKey);
      }
    },
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return structuredClone(entry.value);
    },
  };
}

/** Keys are hashed like user ids, since a conversation key can contain one. */
export function sqlConversationStore<T>(db: Kysely<StoreTables>, hash: Hasher, options: { ttlMs?: number; now: () => number }): ConversationStore<T> {
  const { ttlMs = CONVERSATION_TTL_MS, now } = options;
  const hashed = (key: string) => hash("conversation", key);
  return {
    async set(key, value, expiresAt = now() + ttlMs) {
      const row = { key: hashed(key), value: JSON.stringify(value), expires_at: expiresAt };
      await db
        .insertInto("conversations")
        .values(row)
        .onConflict((conflict) => conflict.column("key").doUpdateSet({ value: row.value, expires_at: row.expires_at }))
        .execute();
    },
    async get(key) {
      const row = await db.selectFrom("conversations").select("value").where("key", "=", hashed(key)).where("expires_at", ">", now()).executeTakeFirst();
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
  };
}
