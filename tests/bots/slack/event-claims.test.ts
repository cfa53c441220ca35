// The in-memory claims behind Slack's de-duplication: a repeat is refused for as long as Slack
// retries or a signed request can be replayed, however many other deliveries come between.
import { describe, expect, it } from "vitest";
import { CLAIM_TTL_MS, createMemoryClaims } from "../../../src/bots/slack/event-claims.js";

describe("createMemoryClaims", () => {
  it("refuses a retry that comes after 5,000 other deliveries", () => {
    const claims = createMemoryClaims();
    expect(claims.claim("event:Ev1")).toBe(true);
    for (let i = 0; i < 5000; i++) claims.claim(`event:other-${i}`);
    expect(claims.claim("event:Ev1")).toBe(false);
  });

  it("refuses a repeat for 15 minutes, then forgets it", () => {
    let now = 0;
    const claims = createMemoryClaims({ now: () => now });
    claims.claim("command:T1");
    now = CLAIM_TTL_MS - 1;
    expect(claims.claim("command:T1")).toBe(false);
    now = CLAIM_TTL_MS;
    expect(claims.claim("command:T1")).toBe(true);
  });

  it("keeps at most its capacity, forgetting the oldest first", () => {
    const claims = createMemoryClaims({ capacity: 3 });
    for (const id of ["a", "b", "c", "d"]) claims.claim(id);
    expect(claims.claim("d")).toBe(false);
    expect(claims.claim("a")).toBe(true);
  });
});
