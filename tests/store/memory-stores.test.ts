// The per-process defaults hold the same contract as the store's SQL versions: delivery claims
// with a lease, and conversation context with an expiry.
import { describe, expect, it } from "vitest";
import { createMemoryClaims } from "../../src/bots/slack/event-claims.js";
import { memoryConversationStore } from "../../src/store/conversation-store.js";
import { CLAIM_POLICY } from "../../src/store/delivery-claims.js";

describe("delivery claims in memory", () => {
  it("answers a delivery once, answers it again once released, and after a dead claimant's lease", async () => {
    let now = 1_000_000;
    const claims = createMemoryClaims({ now: () => now });
    const first = await claims.claim("Ev1");
    expect(first).toBeDefined();
    expect(await claims.claim("Ev1")).toBeUndefined();
    await first!.release();
    const second = await claims.claim("Ev1");
    expect(second).toBeDefined();
    now += CLAIM_POLICY.leaseMs;
    const third = await claims.claim("Ev1");
    expect(third).toBeDefined();
    await second!.settle(); // too late: the claim is third's now
    await third!.settle();
    now += CLAIM_POLICY.leaseMs * 10;
    expect(await claims.claim("Ev1")).toBeUndefined();
    now += CLAIM_POLICY.rememberMs;
    expect(await claims.claim("Ev1")).toBeDefined();
  });
});

describe("conversation context in memory", () => {
  it("keeps a copy of a value until it expires, and forgets the oldest beyond its cap", async () => {
    let now = 0;
    const store = memoryConversationStore<{ turn: number }>({ ttlMs: 100, now: () => now, maxEntries: 2 });
    const value = { turn: 1 };
    await store.set("a", value);
    value.turn = 99;
    expect(await store.get("a")).toEqual({ turn: 1 });
    await store.set("b", { turn: 2 }, 50);
    now = 60;
    expect(await store.get("b")).toBeUndefined();
    await store.set("c", { turn: 3 });
    await store.set("d", { turn: 4 });
    expect(await store.get("a")).toBeUndefined();
    expect(await store.get("d")).toEqual({ turn: 4 });
    now = 1000;
    expect(await store.get("d")).toBeUndefined();
  });
});
