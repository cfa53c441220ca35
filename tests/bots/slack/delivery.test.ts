// What a failed call tells delivery.ts about whether Slack stored it, read from the real Web API
// client's errors against the fake: only a 429 and a connection never made are safe to repeat.
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyFailure, type Failure } from "../../../src/bots/slack/delivery.js";
import { startFakeSlack, type Fault, type FakeSlack } from "../../helpers/fake-slack.js";

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});

const client = (apiUrl: string) => new webApi.WebClient("xoxb-1111-2222-testtokenvalue", { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, timeout: 200, rejectRateLimitedCalls: true, logLevel: webApi.LogLevel.ERROR });

async function failureOf(post: () => Promise<unknown>): Promise<Failure> {
  try {
    await post();
  } catch (error) {
    return classifyFailure(error);
  }
  throw new Error("the call succeeded");
}

describe("classifyFailure", () => {
  it.each<[string, Fault, Failure["kind"]]>([
    ["a 429 is rate limited, with its Retry-After", { method: "chat.postMessage", kind: "ratelimit", retryAfterS: 30 }, "rate_limited"],
    ["a 500 after storing is unclear", { method: "chat.postMessage", kind: "500-after-store" }, "unclear"],
    ["a reset after storing is unclear", { method: "chat.postMessage", kind: "reset-after-store" }, "unclear"],
    ["a hang, timed out, is unclear", { method: "chat.postMessage", kind: "hang" }, "unclear"],
  ])("%s", async (_name, fault, kind) => {
    fake.fault(fault);
    const failure = await failureOf(() => client(fake.apiUrl).chat.postMessage({ channel: "C1", text: "x" }));
    expect(failure.kind).toBe(kind);
    if (failure.kind === "rate_limited") expect(failure.retryAfterS).toBe(30);
  });

  it("an error Slack answers with is refused: it was not stored", async () => {
    fake.failNext("chat.postMessage", "channel_not_found");
    expect(await failureOf(() => client(fake.apiUrl).chat.postMessage({ channel: "C1", text: "x" }))).toEqual({ kind: "refused", reason: "channel_not_found" });
  });

  it("a refused connection is not connected: nothing left the machine", async () => {
    const down = await startFakeSlack({ down: true });
    expect(await failureOf(() => client(down.apiUrl).chat.postMessage({ channel: "C1", text: "x" }))).toEqual({ kind: "not_connected", reason: "ECONNREFUSED" });
    await down.close();
  });
});
