// Slash commands at their edges, met as Discord meets them (the real discord.js, gateway payloads,
// the fake REST API): a command with nothing to read gets its usage privately; mentions are no
// part of a question or its title; /help shows each command's syntax and names the commands with
// mentions Discord makes clickable once their ids are known.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerCommands } from "../../../src/bots/discord/register.js";
import { startDiscordHarness, type DiscordHarness, interactionCallback } from "../../helpers/discord-client.js";
import { APP_ID, commandData, GUILD_ID, interactionPayload, messagePayload, type RecordedRequest } from "../../helpers/fake-discord.js";
import { waitFor } from "../../helpers/wait-for.js";

type Body = { type: number; data?: { embeds?: APIEmbed[]; flags?: number } };

let discord: DiscordHarness;
beforeAll(async () => {
  discord = await startDiscordHarness();
});
afterAll(async () => {
  await discord.stop();
});

const callbackFor = (payload: Record<string, unknown>, harness = discord) => interactionCallback<Body>(harness, payload);
const run = async (harness: DiscordHarness, name: string, options: Array<{ name: string; type: number; value: unknown }> = []) => {
  const payload = interactionPayload("command", commandData(name, options));
  harness.interaction(payload);
  return { payload, body: (await callbackFor(payload, harness)).body };
};
const askedTheDesk = (payload: Record<string, unknown>) => discord.logs.lines().some((line) => line["msg"] === "answered" && line["interaction"] === payload["id"]);

describe("a slash command with nothing to read", () => {
  it.each([
    ["/factcheck", "   ", "factcheck", "claim", /^Put the sentence to check after `\/factcheck claim:`, for example `\/factcheck claim: Militants have attacked US forces 61 times since Oct\. 17`\.$/],
    ["/factcheck", "@everyone <@&1100000000000000077>", "factcheck", "claim", /^Put the sentence to check after `\/factcheck claim:`/],
    ["/ask", " <@1100000000000000005> ", "ask", "question", /^Put your question after `\/ask question:`, for example `\/ask question: .+`\.$/],
  ])("%s given %j gets its usage, privately, and asks the desk nothing", async (_name, value, command, option, usage) => {
    const { payload, body } = await run(discord, command, [{ name: option, type: 3, value }]);
    expect(body.type).toBe(4);
    expect(body.data!.flags).toBe(64);
    expect(body.data!.embeds![0]!.description).toMatch(usage);
    expect(askedTheDesk(payload)).toBe(false);
  });
});

describe("mentions in a question", () => {
  it("are no part of an /ask question or its title", async () => {
    const { body } = await run(discord, "ask", [{ name: "question", type: 3, value: "<@1100000000000000005> @everyone how many attacks in Syria? <#1100000000000000003> <@&1100000000000000077>" }]);
    const embed = body.data!.embeds![0]!;
    expect(embed.title).toBe("how many attacks in Syria?");
    expect(embed.description).toMatch(/32/);
  });
});

describe("/help on Discord", () => {
  it("shows each command's syntax, naming the commands plainly while their ids are unknown", async () => {
    const { body } = await run(discord, "help");
    const text = body.data!.embeds![0]!.description!;
    expect(text).toContain("`/ask` `question:` asks a question");
    expect(text).toContain("`/factcheck` `claim:` checks a sentence from a draft: `/factcheck claim: Militants have attacked US forces 61 times since Oct. 17`");
    expect(text).toContain("`/sources` lists what I quote; `/help` shows this.");
    expect(text).not.toContain("</");
  });

  it.each([
    ["for the server", GUILD_ID],
    ["globally", undefined],
  ])("names the commands with clickable mentions once they are registered %s, in /help and in a mention's help", async (_where, guildId) => {
    const harness = await startDiscordHarness();
    try {
      await registerCommands({ token: "a.b.c", applicationId: APP_ID, apiUrl: harness.fake.apiUrl, ...(guildId ? { guildId } : {}) });
      const registered = harness.fake.requests.filter((r) => r.method === "PUT").at(-1)!.path;
      const listed = (await (await fetch(`${harness.fake.apiUrl.replace(/\/api$/, "")}${registered}`)).json()) as Array<{ id: string; name: string }>;
      const id = (name: string) => listed.find((command) => command.name === name)!.id;
      const expected = [`</ask:${id("ask")}> \`question:\``, `</factcheck:${id("factcheck")}> \`claim:\``, `</sources:${id("sources")}> lists`, `</help:${id("help")}> shows this`];

      const { body } = await run(harness, "help");
      for (const mention of expected) expect(body.data!.embeds![0]!.description).toContain(mention);
      expect(body.data!.embeds![0]!.description).not.toMatch(/<\/Fact-check/);

      const asked = messagePayload(`<@${APP_ID}> help`, { mentionsBot: true });
      harness.message(asked);
      const reply = await waitFor(() => harness.fake.requests.find((r) => (r.body as { message_reference?: { message_id: string } })?.message_reference?.message_id === asked["id"]), "the reply");
      for (const mention of expected) expect((reply.body as { embeds: APIEmbed[] }).embeds[0]!.description).toContain(mention);
    } finally {
      await harness.stop();
    }
  });

  it("still helps, naming the commands plainly, when Discord can't list them", async () => {
    const harness = await startDiscordHarness();
    try {
      await registerCommands({ token: "a.b.c", applicationId: APP_ID, apiUrl: harness.fake.apiUrl, guildId: GUILD_ID });
      harness.fake.failNext(`/guilds/${GUILD_ID}/commands`);
      const { body } = await run(harness, "help");
      expect(body.data!.embeds![0]!.description).toContain("`/factcheck` `claim:`");
      expect(harness.logs.lines().some((line) => line["msg"] === "could not list the commands: naming them plainly")).toBe(true);
    } finally {
      await harness.stop();
    }
  });
});
