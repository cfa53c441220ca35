// The Discord app as Discord meets it: the real discord.js handling gateway payloads, replying
// through a local fake of Discord's REST API.
import { embedLength, type APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, type Desk } from "../../../src/bots/conversation.js";
import { DISCORD_LIMITS } from "../../../src/bots/discord/embeds.js";
import { EXPIRED_BUTTON_MESSAGE } from "../../../src/bots/discord/respond.js";
import { createRateLimiter } from "../../../src/bots/rate-limit.js";
import { DISCORD_BOT_TOKEN, startDiscordHarness, type DiscordHarness, interactionCallback } from "../../helpers/discord-client.js";
import { realEngine } from "../../helpers/engine.js";
import { APP_ID, asMember, buttonData, commandData, expiredButtons, interactionPayload, messagePayload, messageWithButtons, USER_ID_OTHER, type RecordedRequest } from "../../helpers/fake-discord.js";
import { failingDesk, slowDesk } from "../../helpers/desks.js";
import { pause, waitFor } from "../../helpers/wait-for.js";

type Body = { type?: number; data?: { embeds?: APIEmbed[]; components?: Array<{ components: Array<{ label: string; custom_id: string }> }>; choices?: Array<{ name: string; value: string }>; flags?: number; allowed_mentions?: unknown } };

let discord: DiscordHarness;

beforeAll(async () => {
  discord = await startDiscordHarness();
});
afterAll(async () => {
  await discord.stop();
});

const callbackFor = (harness: DiscordHarness, payload: Record<string, unknown>) => interactionCallback<Body>(harness, payload);

const ask = (question: string, extra: Array<{ name: string; type: number; value: unknown }> = []) =>
  interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: question }, ...extra]));

describe("Discord app through the gateway", () => {
  it("answers /ask privately by default, with an embed: the answer, sources with quotes, the as-of footer and follow-up buttons", async () => {
    const payload = ask("hw many atacks on US forces?");
    discord.interaction(payload);
    const { body } = await callbackFor(discord, payload);
    expect(body.type).toBe(4);
    const embed = body.data!.embeds![0]!;
    expect(embed.description).toMatch(/61 attacks/);
    expect(embed.fields![0]!.name).toBe("The Associated Press · Nov. 17, 2023");
    expect(embed.fields![0]!.value).toContain("> **[1]** According to the Pentagon, Iranian");
    expect(embed.footer!.text).toMatch(/^As of Nov\. 17, 2023/);
    expect(body.data!.components![0]!.components.length).toBeGreaterThan(0);
    expect(body.data!.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.data!.flags).toBe(64);
  });

  it("offers the candidates as buttons when the question is ambiguous, and what it can answer when it can't", async () => {
    // Asked by someone with no conversation here yet: in one, "Tell me about Iraq" reads as a follow-up.
    const ambiguous = interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: "Tell me about Iraq" }]), asMember(USER_ID_OTHER));
    const uncovered = ask("How many US troops are in Jordan?");
    discord.interaction(ambiguous);
    discord.interaction(uncovered);
    const clarify = (await callbackFor(discord, ambiguous)).body.data!;
    expect(clarify.embeds![0]!.description).toMatch(/which|mean/i);
    expect(clarify.components![0]!.components.length).toBeGreaterThanOrEqual(2);
    const noAnswer = (await callbackFor(discord, uncovered)).body.data!;
    expect(noAnswer.embeds![0]!.description).toMatch(/My sources don't cover Jordan/);
    expect(noAnswer.components![0]!.components.length).toBeGreaterThan(0);
  });

  it.each([
    ["/ask", ask("who is Mohammed Shia al-Sudani?", [{ name: "private", type: 5, value: false }])],
    ["/factcheck", interactionPayload("command", commandData("factcheck", [{ name: "claim", type: 3, value: "The US has about 900 troops in Syria." }, { name: "private", type: 5, value: false }]))],
  ])("posts %s in the channel when private is False, with no Post button", async (_name, payload) => {
    discord.interaction(payload);
    const { body } = await callbackFor(discord, payload);
    expect(body.data!.flags).toBeUndefined();
    expect(body.data!.embeds![0]!.description).toMatch(/prime minister|900/i);
    expect(body.data!.components!.flatMap((row) => row.components).map((button) => button.custom_id)).not.toContainEqual(expect.stringMatching(/^factdesk:post:/));
  });

  it("offers at most 25 autocomplete choices of at most 100 characters, matching what was typed", async () => {
    const payload = interactionPayload("autocomplete", commandData("ask", [{ name: "question", type: 3, value: "hw many atta", focused: true }]));
    discord.interaction(payload);
    const { body } = await callbackFor(discord, payload);
    expect(body.type).toBe(8);
    const choices = body.data!.choices!;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choices[0]!.name).toMatch(/attacks/i);
  });

  it("clamps autocomplete to Discord's limits even when the desk offers more and longer", async () => {
    const desk = createDesk(realEngine());
    const wordy: Desk = { ...desk, complete: () => Array.from({ length: 40 }, (_, i) => `${"A very long known question ".repeat(8)}${i}?`) };
    const harness = await startDiscordHarness({ desk: wordy });
    try {
      const payload = interactionPayload("autocomplete", commandData("ask", [{ name: "question", type: 3, value: "a", focused: true }]));
      harness.interaction(payload);
      const { body } = await callbackFor(harness, payload);
      expect(body.data!.choices).toHaveLength(25);
      for (const choice of body.data!.choices!) {
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
    } finally {
      await harness.stop();
    }
  });

  it("cuts a 100 KB autocomplete value to what a choice can hold before matching it", async () => {
    const typed: string[] = [];
    const desk = createDesk(realEngine());
    const harness = await startDiscordHarness({ desk: { ...desk, complete: (text, limit) => (typed.push(text), desk.complete(text, limit)) } });
    try {
      const payload = interactionPayload("autocomplete", commandData("ask", [{ name: "question", type: 3, value: `how many attacks ${"x".repeat(100_000)}`, focused: true }]));
      harness.interaction(payload);
      const { body } = await callbackFor(harness, payload);
      expect(body.type).toBe(8);
      expect(typed).toHaveLength(1);
      expect(typed[0]!.length).toBeLessThanOrEqual(100);
    } finally {
      await harness.stop();
    }
  });

  it("fact-checks a claim with /factcheck", async () => {
    const payload = interactionPayload("command", commandData("factcheck", [{ name: "claim", type: 3, value: "The US has about 9,000 troops in Syria." }]));
    discord.interaction(payload);
    const { body } = await callbackFor(discord, payload);
    const embed = body.data!.embeds![0]!;
    expect(embed.title).toBe("Fact check");
    expect(embed.description).toMatch(/^> The US has about 9,000 troops in Syria\.\nContradicted: .*900 troops in Syria/);
  });

  it("echoes the question in the title, and the claim in the check, as plain text: no masked link, heading, bidi or zero-width character", async () => {
    const question = "# [how many attacks](https://evil.example/phish) \u202Eon US forces\u200B?";
    const claim = "[61 attacks](https://evil.example) since Oct. 17\u2066";
    const asked = ask(question);
    const checked = interactionPayload("command", commandData("factcheck", [{ name: "claim", type: 3, value: claim }]));
    discord.interaction(asked);
    discord.interaction(checked);
    for (const [payload, echo] of [[asked, "title"], [checked, "description"]] as const) {
      const echoed = (await callbackFor(discord, payload)).body.data!.embeds![0]![echo]!;
      expect(echoed).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069]/);
      expect(echoed).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/); // an unescaped [text](
      expect(echoed).toContain("https://evil.example");
    }
    expect((await callbackFor(discord, asked)).body.data!.embeds![0]!.title).toMatch(/^\\# /);
  });

  it("lists what it covers with /sources and explains itself with /help", async () => {
    const sources = interactionPayload("command", commandData("sources", []));
    const help = interactionPayload("command", commandData("help", [{ name: "private", type: 5, value: true }]));
    discord.interaction(sources);
    discord.interaction(help);
    const sourcesReply = await callbackFor(discord, sources);
    expect(sourcesReply.body.data!.embeds![0]!.fields![0]!.value).toMatch(/The Associated Press, Nov\. 17, 2023/);
    const helpReply = await callbackFor(discord, help);
    expect(helpReply.body.data!.flags).toBe(64);
    expect(helpReply.body.data!.embeds![0]!.description).toContain("/factcheck");
    expect(helpReply.body.data!.components![0]!.components.length).toBeGreaterThan(0);
  });

  it("asks a follow-up button's question when clicked", async () => {
    const first = ask("how many attacks?");
    discord.interaction(first);
    const button = (await callbackFor(discord, first)).body.data!.components![0]!.components[0]!;
    const click = interactionPayload("button", buttonData(button.custom_id), messageWithButtons());
    discord.interaction(click);
    const { body } = await callbackFor(discord, click);
    expect(body.data!.embeds![0]!.title).toBe(button.label);
    expect(body.data!.embeds![0]!.fields!.length).toBeGreaterThan(0);
  });

  it.each(expiredButtons())("answers %s privately: the button has expired", async (_name, payload) => {
    discord.interaction(payload);
    const { body } = await callbackFor(discord, payload);
    expect(body.type).toBe(4);
    expect(body.data!.flags).toBe(64);
    expect(body.data!.embeds![0]!.description).toBe(EXPIRED_BUTTON_MESSAGE);
  });

  it("answers a mention with a reply to the message, and ignores bots and messages not for it", async () => {
    discord.message(messagePayload("how many attacks?", { mentionsBot: false }));
    discord.message(messagePayload(`<@${APP_ID}> how many attacks?`, { mentionsBot: true, bot: true }));
    const mention = messagePayload(`<@${APP_ID}> who is al-Sudani?`, { mentionsBot: true });
    discord.message(mention);
    const reply = await waitFor(() => discord.fake.requests.find((r) => r.method === "POST" && r.path.endsWith("/messages")), "a channel message");
    const body = reply.body as { embeds: APIEmbed[]; message_reference: { message_id: string }; allowed_mentions: unknown };
    expect(body.message_reference.message_id).toBe(mention["id"]);
    expect(body.embeds[0]!.description).toMatch(/prime minister/i);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    await pause(100);
    expect(discord.fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages"))).toHaveLength(1);
  });

  it("answers a direct message in the DM", async () => {
    discord.message(messagePayload("when did the attacks start", { dm: true }));
    const reply = await waitFor(() => discord.fake.requests.find((r) => r.path === "/api/v10/channels/1100000000000000009/messages"), "the DM reply");
    expect((reply.body as { embeds: APIEmbed[] }).embeds[0]!.description).toMatch(/Oct\. 17/);
  });

  it("never pings: @everyone, @here and a role mention in a question reach no one", async () => {
    const payload = ask("@everyone @here <@&1100000000000000077> how many attacks in Syria?");
    discord.interaction(payload);
    const { body } = await callbackFor(discord, payload);
    expect(body.data!.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const mention = messagePayload(`<@${APP_ID}> @everyone <@&1100000000000000077> how many attacks in Syria?`, { mentionsBot: true });
    discord.message(mention);
    const reply = await waitFor(() => discord.fake.requests.find((r) => (r.body as { message_reference?: { message_id: string } })?.message_reference?.message_id === mention["id"]), "the reply");
    const sent = reply.body as { allowed_mentions: unknown; content?: string; embeds: APIEmbed[] };
    expect(sent.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(sent.content ?? "").toBe("");
    expect(sent.embeds[0]!.description).toMatch(/32/);
  });

  it("logs each answer, and keeps the token out of the logs", () => {
    expect(discord.logs.lines().filter((line) => line["msg"] === "answered").length).toBeGreaterThan(5);
    expect(discord.logs.text()).not.toContain(DISCORD_BOT_TOKEN);
  });
});

describe("Discord app when things go wrong", () => {
  it("keeps a very long answer within every embed limit, one field per source, and counts the passages left out", async () => {
    const desk = createDesk(realEngine());
    const long: Desk = {
      ...desk,
      respond: async () => ({
        kind: "answer",
        question: "Q".repeat(400),
        result: {
          status: "answered",
          answer: "The militias and the US response. ".repeat(300),
          // 40 long passages from four sources, each cited in turn.
          citations: Array.from({ length: 40 }, (_, i) => ({ sourceId: `story-${i % 4}`, publisher: "The Associated Press", title: `Story ${i % 4}`, published: "2023-11-17", quote: `Passage ${i}. ${"A quoted passage. ".repeat(90)}` })),
          factIds: [],
          confidence: 1,
          asOf: "2023-11-17",
          suggestions: ["A suggested question far longer than the eighty characters a Discord button label may hold, surely"],
        },
      }),
    };
    const harness = await startDiscordHarness({ desk: long });
    try {
      const payload = ask("everything?");
      harness.interaction(payload);
      const { body } = await callbackFor(harness, payload);
      const embed = body.data!.embeds![0]!;
      expect(embed.title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect(embed.description!.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(embed.fields!.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
      for (const field of embed.fields!) expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      const sourceFields = embed.fields!.slice(0, -1);
      // Each passage is cut to fit a field; none is split across two, and each source heads its own.
      const shown = sourceFields.flatMap((field) => [...field.value.matchAll(/^> \*\*\[(\d+)\]\*\*/gm)].map((m) => Number(m[1])));
      expect(shown).toEqual(shown.map((_, i) => i + 1));
      expect(sourceFields[0]!.value).toMatch(/^\*Story 0\*\n> \*\*\[1\]\*\* Passage 0\. /);
      expect(embed.fields!.at(-1)).toEqual({ name: "Not shown", value: `…and ${40 - shown.length} more passages not shown.` });
      for (const button of body.data!.components![0]!.components) {
        expect(button.label.length).toBeLessThanOrEqual(80);
        expect(button.custom_id.length).toBeLessThanOrEqual(100);
      }
    } finally {
      await harness.stop();
    }
  });

  it("defers the reply when the answer is slow, then edits it in", async () => {
    const harness = await startDiscordHarness({ desk: slowDesk(300), deferAfterMs: 50 });
    try {
      const payload = ask("how many attacks?");
      harness.interaction(payload);
      const { body } = await callbackFor(harness, payload);
      expect(body.type).toBe(5);
      const edit = await waitFor(() => harness.fake.requests.find((r) => r.method === "PATCH" && r.path === `/api/v10/webhooks/${APP_ID}/${String(payload["token"])}/messages/@original`), "the edited reply");
      expect((edit.body as { embeds: APIEmbed[] }).embeds[0]!.description).toMatch(/61/);
    } finally {
      await harness.stop();
    }
  });

  it("apologizes privately when the engine fails, and keeps serving", async () => {
    const harness = await startDiscordHarness({ desk: failingDesk("explode") });
    try {
      const bad = ask("explode please");
      harness.interaction(bad);
      const apology = await callbackFor(harness, bad);
      expect(apology.body.data!.flags).toBe(64);
      expect(apology.body.data!.embeds![0]!.description).toMatch(/^Sorry/);
      const good = ask("how many attacks?");
      harness.interaction(good);
      expect((await callbackFor(harness, good)).body.data!.embeds![0]!.description).toMatch(/61/);
    } finally {
      await harness.stop();
    }
  });

  it("apologizes when Discord rejects the reply", async () => {
    const harness = await startDiscordHarness({ desk: slowDesk(100), deferAfterMs: 10 });
    try {
      const payload = ask("how many attacks?");
      harness.fake.failNext(`/webhooks/${APP_ID}/${String(payload["token"])}/messages/@original`);
      harness.interaction(payload);
      const followUp = await waitFor(() => harness.fake.requests.find((r) => r.method === "POST" && r.path === `/api/v10/webhooks/${APP_ID}/${String(payload["token"])}`), "the apology follow-up");
      expect((followUp.body as { flags: number }).flags).toBe(64);
      expect(harness.logs.lines().some((line) => line["msg"] === "could not answer")).toBe(true);
    } finally {
      await harness.stop();
    }
  });

  it("answers politely when a user goes over the rate limit", async () => {
    const harness = await startDiscordHarness({ limiter: createRateLimiter({ requests: 1, windowMs: 60_000 }) });
    try {
      const first = ask("how many attacks?");
      const second = ask("how many attacks?");
      harness.interaction(first);
      await callbackFor(harness, first);
      harness.interaction(second);
      const { body } = await callbackFor(harness, second);
      expect(body.data!.flags).toBe(64);
      expect(body.data!.embeds![0]!.description).toMatch(/faster than I can keep up/);
    } finally {
      await harness.stop();
    }
  });
});
