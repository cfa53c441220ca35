// The in-memory claims behind Slack's de-duplication: a repeat is refused for as long as Slack
// retries or a signed request can be replayed, however many other deliveries come between. (That
// they hold the store's lease contract is in tests/store/memory-stores.test.ts.)
import { describe, expect, it } from "vitest";
import { createMemoryClaims } from "../../../src/bots/slack/event-claims.js";
import { CLAIM_POLICY } from "../../../src/store/delivery-claims.js";

describe("createMemoryClaims", () => {
  it("refuses a retry that comes after 5,000 other deliveries", () => {
    const claims = createMemoryClaims();
    expect(claims.claim("slack:event:Ev1")).toBeDefined();
    for (let i = 0; i < 5000; i++) claims.claim(`slack:event:other-${i}`);
    expect(claims.claim("slack:event:Ev1")).toBeUndefined();
  });

  it("refuses a repeat of an answered delivery for as long as it remembers (an hour), then forgets it", async () => {
    let now = 0;
    const claims = createMemoryClaims({ now: () => now });
    await (await claims.claim("slack:trigger:T1"))!.settle();
    now = CLAIM_POLICY.rememberMs - 1;
    expect(claims.claim("slack:trigger:T1")).toBeUndefined();
    now = CLAIM_POLICY.rememberMs;
    expect(claims.claim("slack:trigger:T1")).toBeDefined();
  });

  it("keeps at most its capacity, forgetting the oldest first", () => {
    const claims = createMemoryClaims({ capacity: 3 });
    for (const id of ["a", "b", "c", "d"]) claims.claim(id);
    expect(claims.claim("d")).toBeUndefined();
    expect(claims.claim("a")).toBeDefined();
  });
});
