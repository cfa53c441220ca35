// "Fact-check with FactDesk" on a message's Apps menu, as Discord meets it: the real discord.js
// handling the interaction, the target message in its payload, replies through the fake REST API.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_TEXT_MESSAGE } from "../../../src/bots/discord/commands/factcheck-message.js";
import { startDiscordHarness, type DiscordHarness, interactionCallback } from "../../helpers/discord-client.js";
import { failingDesk } from "../../helpers/desks.js";
import { APP_ID, asMember, commandData, interactionPayload, messageCommandData, messagePayload, USER_ID_OTHER, type RecordedRequest } from "../../helpers/fake-discord.js";
import { waitFor } from "../../helpers/wait-for.js";

type Body = { type?: number; data?: { embeds?: APIEmbed[]; components?: Array<{ components: Array<{ custom_id: string }> }>; flags?: number; allowed_mentions?: unknown } };

const FACT_CHECK = "Fact-check with FactDesk";

let discord: DiscordHarness;
beforeAll(async () => {
  discord = await startDiscordHarness();
});
afterAll(async () => {
  await discord.stop();
});

const callbackFor = (harness: DiscordHarness, payload: Record<string, unknown>) => interactionCallback<Body>(harness, payload);

/** Someone picks the command on a message; by default another member's message with this text. */
const checkMessage = (target: Record<string, unknown>, extra: Record<string, unknown> = {}) => interactionPayload("command", messageCommandData(FACT_CHECK, target), extra);

describe("fact-checking a message from its Apps menu", () => {
  it("checks what the message says and shows the verdict only to whoever asked, with 👍/👎", async () => {
    const payload = checkMessage(messagePayload("The US has about 9,000 troops in Syria."));
    discord.interaction(payload);
    const { body } = await callbackFor(discord, payload);
    expect(body.type).toBe(4);
    expect(body.data!.flags).toBe(64);
    expect(body.data!.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embed = body.data!.embeds![0]!;
    expect(embed.title).toBe("Fact check");
    expect(embed.description).toMatch(/^> The US has about 9,000 troops in Syria\.\nContradicted: .*900 troops in Syria/);
    expect(embed.fields!.length).toBeGreaterThan(0);
    expect(body.data!.components!.flatMap((row) => row.components).map((button) => button.custom_id)).toContainEqual(expect.stringMatching(/^factdesk:vote:up:/));
  });

  it("leaves the message's mentions out of the claim", async () => {
    const payload = checkMessage(messagePayload(`<@${APP_ID}> <@${USER_ID_OTHER}> The US has about 9,000 troops in Syria.`, { mentionsBot: true }));
    discord.interaction(payload);
    expect((await callbackFor(discord, payload)).body.data!.embeds![0]!.description).toMatch(/^> The US has about 9,000 troops in Syria\.\n/);
  });

  it("checks the message on its own: the asker's conversation neither colours it nor is changed by it", async () => {
    const asker = asMember(USER_ID_OTHER);
    const asked = interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: "how many American soldiers are based in Iraq?" }]), asker);
    discord.interaction(asked);
    await callbackFor(discord, asked);
    const checked = checkMessage(messagePayload("Militias have attacked US forces 61 times."), asker);
    discord.interaction(checked);
    expect((await callbackFor(discord, checked)).body.data!.embeds![0]!.description).not.toMatch(/Reading this as/);
    // Read in the asker's conversation, the check would have made this a question about attacks.
    const followUp = interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: "and in Syria?" }]), asker);
    discord.interaction(followUp);
    const answer = (await callbackFor(discord, followUp)).body.data!.embeds![0]!.description!;
    expect(answer).toMatch(/Reading this as: how many American soldiers are based in Syria/);
    expect(answer).toMatch(/900/);
  });

  it.each([
    ["an image alone", messagePayload("", { attachments: [{ id: "1700000000000000001", filename: "chart.png", size: 1024, url: "https://cdn.example/chart.png", proxy_url: "https://cdn.example/chart.png" }] })],
    ["nothing but a mention", messagePayload(`<@${APP_ID}>`, { mentionsBot: true })],
  ])("says privately that a message of %s has no text to check, and asks the desk nothing", async (_name, target) => {
    const payload = checkMessage(target);
    discord.interaction(payload);
    const { body } = await callbackFor(discord, payload);
    expect(body.data!.flags).toBe(64);
    expect(body.data!.embeds![0]!.description).toBe(NO_TEXT_MESSAGE);
    expect(discord.logs.lines().some((line) => line["msg"] === "answered" && line["interaction"] === payload["id"])).toBe(false);
  });

  it("apologizes privately when the check fails, and keeps serving", async () => {
    const harness = await startDiscordHarness({ desk: failingDesk("explode") });
    try {
      const bad = checkMessage(messagePayload("The militias explode 61 rockets."));
      harness.interaction(bad);
      const apology = (await callbackFor(harness, bad)).body;
      expect(apology.data!.flags).toBe(64);
      expect(apology.data!.embeds![0]!.description).toMatch(/^Sorry/);
      const good = checkMessage(messagePayload("The US has about 9,000 troops in Syria."));
      harness.interaction(good);
      expect((await callbackFor(harness, good)).body.data!.embeds![0]!.description).toMatch(/\nContradicted: /);
    } finally {
      await harness.stop();
    }
  });
});
