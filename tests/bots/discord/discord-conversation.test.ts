// Conversations in Discord, through the real discord.js against the fake REST API: a reply to one
// of FactDesk's answers goes on from it without a new mention, read against that chain's last
// question; each chain keeps its own context, and a reply Discord sent without its text is told
// how to reach FactDesk instead of being answered as an empty question.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNREADABLE_REPLY_MESSAGE } from "../../../src/bots/discord/messages.js";
import { startDiscordHarness, type DiscordHarness } from "../../helpers/discord-client.js";
import { APP_ID, messagePayload, replyPayload } from "../../helpers/fake-discord.js";
import { waitFor } from "../../helpers/wait-for.js";

let discord: DiscordHarness;

beforeAll(async () => {
  discord = await startDiscordHarness();
});
afterAll(async () => {
  await discord.stop();
});

type SentBody = { embeds: APIEmbed[]; message_reference: { message_id: string } };

/** FactDesk's reply to a message, and the id Discord (the fake) gave it. */
async function replyTo(payload: Record<string, unknown>): Promise<{ text: string; id: string }> {
  const request = await waitFor(() => discord.fake.requests.find((r) => (r.body as SentBody | undefined)?.message_reference?.message_id === payload["id"]), `the reply to ${String(payload["id"])}`);
  return { text: (request.body as SentBody).embeds[0]!.description ?? "", id: request.createdId! };
}

describe("a Discord reply chain", () => {
  it("goes on from FactDesk's answer without a new mention, and from each answer after it", async () => {
    const first = messagePayload(`<@${APP_ID}> how many US troops are stationed in Iraq?`, { mentionsBot: true });
    discord.message(first);
    const answer = await replyTo(first);
    expect(answer.text).toMatch(/2,000/);

    const followUp = replyPayload("and in Syria?", answer.id);
    discord.message(followUp);
    const second = await replyTo(followUp);
    expect(second.text).toMatch(/Reading this as: how many US troops are stationed in Syria/);
    expect(second.text).toMatch(/900/);

    const source = replyPayload("source?", second.id);
    discord.message(source);
    expect((await replyTo(source)).text).toMatch(/900/);
  });

  it("keeps each chain's context its own", async () => {
    const troops = messagePayload(`<@${APP_ID}> how many US troops are in Iraq?`, { mentionsBot: true });
    discord.message(troops);
    const troopsAnswer = await replyTo(troops);
    const attacks = messagePayload(`<@${APP_ID}> how many attacks were there in Iraq?`, { mentionsBot: true });
    discord.message(attacks);
    const attacksAnswer = await replyTo(attacks);

    const inSyria = replyPayload("what about Syria?", troopsAnswer.id);
    discord.message(inSyria);
    expect((await replyTo(inSyria)).text).toMatch(/900/);
    const attacksInSyria = replyPayload("what about Syria?", attacksAnswer.id);
    discord.message(attacksInSyria);
    expect((await replyTo(attacksInSyria)).text).toMatch(/32/);
  });

  it("says how to reach it when Discord sends a reply without its text", async () => {
    const question = messagePayload(`<@${APP_ID}> who is al-Sudani?`, { mentionsBot: true });
    discord.message(question);
    const answer = await replyTo(question);
    // A reply with the ping turned off reaches an app without the Message Content intent empty.
    const silent = replyPayload("", answer.id, { ping: false });
    discord.message(silent);
    expect((await replyTo(silent)).text).toBe(UNREADABLE_REPLY_MESSAGE);
  });
});
