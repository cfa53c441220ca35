// The pieces every front end shares: reading a message as a request, the help card, the rate limit.
import { describe, expect, it } from "vitest";
import { helpCard, readRequest } from "../../src/bots/conversation.js";
import { questionText } from "../../src/bots/discord/messages.js";
import { createRateLimiter } from "../../src/bots/rate-limit.js";
import { plainTextFromSlack } from "../../src/bots/slack/incoming.js";
import { escapeText, splitText } from "../../src/bots/slack/mrkdwn.js";
import { realEngine } from "../helpers/engine.js";

describe("reading a message", () => {
  it.each([
    ["help", { kind: "help" }],
    ["  ", { kind: "help" }],
    ["What can you do?", { kind: "help" }],
    ["check 29 of the attacks were in Iraq", { kind: "check", claim: "29 of the attacks were in Iraq" }],
    ["fact-check: The US has 900 troops in Syria.", { kind: "check", claim: "The US has 900 troops in Syria." }],
    ["how many attacks?", { kind: "ask", question: "how many attacks?" }],
    ["checkpoints near al-Tanf?", { kind: "ask", question: "checkpoints near al-Tanf?" }],
  ])("reads %j as %j", (text, request) => {
    expect(readRequest(text)).toEqual(request);
  });

  it("reads everything as a claim in a fact-check command", () => {
    expect(readRequest("how many attacks", "check")).toEqual({ kind: "check", claim: "how many attacks" });
  });

  it("gives a help example claim that the sources support", () => {
    const engine = realEngine();
    const example = readRequest(helpCard(engine).checkExample);
    expect(example.kind).toBe("check");
    expect(example.kind === "check" && engine.check(example.claim).verdict).toBe("supported");
  });
});

describe("platform markup", () => {
  it.each([
    ["<@UFACTDESK> how many attacks?", "how many attacks?"],
    ["<@UFACTDESK> <!channel> <!here> who is <@U123|sudani>?", "who is sudani ?"],
    ["is &lt;this&gt; &amp; that in <https://apnews.com|the AP story>?", "is <this> & that in the AP story?"],
    ["<#C123|newsdesk> attacks", "#newsdesk attacks"],
  ])("Slack text %j reads as %j", (text, plain) => {
    expect(plainTextFromSlack(text, "UFACTDESK")).toBe(plain);
  });

  it("drops Discord mentions of the bot, users, roles and everyone from a question", () => {
    expect(questionText("<@111> @everyone <@&222> <@!333> how many attacks? @here", "111")).toBe("how many attacks?");
  });

  it("escapes Slack's control characters and splits long text without breaking an escape", () => {
    expect(escapeText("<!channel> & <@U1>")).toBe("&lt;!channel&gt; &amp; &lt;@U1&gt;");
    const pieces = splitText(escapeText("a&b ".repeat(2000)), 3000);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(3000);
      expect(piece).not.toMatch(/&(a|am|amp)?$/);
    }
  });
});

describe("the per-user rate limit", () => {
  it("allows the limit within a window, refuses the next, and allows again once the window passes", () => {
    let now = 0;
    const limiter = createRateLimiter({ requests: 2, windowMs: 1000 }, () => now);
    expect([limiter.allow("a"), limiter.allow("a"), limiter.allow("a"), limiter.allow("b")]).toEqual([true, true, false, true]);
    now = 1000;
    expect(limiter.allow("a")).toBe(true);
  });

  it("remembers only users who asked within the window, and forgets the quiet ones as others ask", () => {
    let now = 0;
    const limiter = createRateLimiter({ requests: 2, windowMs: 1000 }, () => now);
    for (let i = 0; i < 20_000; i++) limiter.allow(`quiet-${i}`);
    now = 500;
    limiter.allow("busy");
    expect(limiter.tracked()).toBe(20_001);
    now = 1200;
    expect(limiter.allow("late")).toBe(true);
    expect(limiter.tracked()).toBe(2); // busy (asked 700 ms ago) and late
    expect([limiter.allow("busy"), limiter.allow("busy"), limiter.allow("busy")]).toEqual([true, false, false]);
  });
});

describe("what people send", () => {
  it("is cut to 4,000 characters before it is read as a request", () => {
    const request = readRequest(`check ${"the militias attacked again ".repeat(40_000)}`);
    expect(request).toMatchObject({ kind: "check" });
    expect(request.kind === "check" && request.claim.length).toBeLessThanOrEqual(4000);
  });
});
