// Conversations in Discord, through the real discord.js against the fake REST API: a reply to one
// of FactDesk's answers goes on from it without a new mention, read against that chain's last
// question; each chain keeps its own context, and a reply Discord sent without its text is told
// how to reach FactDesk instead of being answered as an empty question. A public answer to a slash
// command or a follow-up button starts a chain as a mention's answer does.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNREADABLE_REPLY_MESSAGE } from "../../../src/bots/discord/messages.js";
import { startDiscordHarness, type DiscordHarness } from "../../helpers/discord-client.js";
import { askButtonId } from "../../../src/bots/discord/embeds.js";
import { slowDesk } from "../../helpers/desks.js";
import { APP_ID, asMember, buttonData, commandData, interactionPayload, messagePayload, messageWithButtons, replyPayload, USER_ID_OTHER } from "../../helpers/fake-discord.js";
import { pause, waitFor } from "../../helpers/wait-for.js";

let discord: DiscordHarness;

beforeAll(async () => {
  discord = await startDiscordHarness();
});
afterAll(async () => {
  await discord.stop();
});

type SentBody = { embeds: APIEmbed[]; message_reference: { message_id: string } };

/** FactDesk's reply to a message, and the id Discord (the fake) gave it. */
async function replyTo(payload: Record<string, unknown>, harness = discord): Promise<{ text: string; id: string }> {
  const request = await waitFor(() => harness.fake.requests.find((r) => (r.body as SentBody | undefined)?.message_reference?.message_id === payload["id"]), `the reply to ${String(payload["id"])}`);
  return { text: (request.body as SentBody).embeds[0]!.description ?? "", id: request.createdId! };
}

/** A public /ask (slash commands answer privately unless private is False). */
const ask = (question: string, extra: Array<{ name: string; type: number; value: unknown }> = [{ name: "private", type: 5, value: false }]) =>
  interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: question }, ...extra]));

/** The message an interaction's reply created (its callback did), once FactDesk has carried its conversation on to it. */
async function chainedReply(payload: Record<string, unknown>, harness = discord): Promise<string> {
  const callback = await waitFor(() => harness.fake.requests.find((r) => r.path.endsWith(`/interactions/${String(payload["id"])}/${String(payload["token"])}/callback`)), "the callback");
  const id = callback.createdId!;
  await waitFor(() => harness.logs.lines().find((line) => line["msg"] === "a reply to the answer continues its conversation" && line["message"] === id), `the chain from ${id}`);
  return id;
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
    const troops = messagePayload(`<@${APP_ID}> how many American soldiers are based in Iraq?`, { mentionsBot: true });
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

describe("a reply chain from a slash command's answer", () => {
  it("goes on from a public /ask answer", async () => {
    const asked = ask("how many American soldiers are based in Iraq?");
    discord.interaction(asked);
    const followUp = replyPayload("and in Syria?", await chainedReply(asked));
    discord.message(followUp);
    const reply = await replyTo(followUp);
    expect(reply.text).toMatch(/Reading this as/);
    expect(reply.text).toMatch(/900/);
  });

  it("goes on from a public /factcheck verdict, the follow-up read as the claim again", async () => {
    const checked = interactionPayload("command", commandData("factcheck", [{ name: "claim", type: 3, value: "The US has about 2,500 troops in Iraq." }, { name: "private", type: 5, value: false }]), asMember(USER_ID_OTHER));
    discord.interaction(checked);
    const followUp = replyPayload("and in Syria?", await chainedReply(checked));
    discord.message(followUp);
    const reply = await replyTo(followUp);
    expect(reply.text).toMatch(/Reading this as: The US has about 2,500 troops in Syria/);
    expect(reply.text).toMatch(/^Contradicted[\s\S]*900/m);
  });

  it("goes on from an answer edited in after a deferral, under the reply's one id", async () => {
    const harness = await startDiscordHarness({ desk: slowDesk(150), deferAfterMs: 20 });
    try {
      const asked = ask("how many American soldiers are based in Iraq?");
      harness.interaction(asked);
      const id = await chainedReply(asked, harness);
      expect(harness.fake.requests.some((r) => r.method === "PATCH" && r.path.endsWith(`/${String(asked["token"])}/messages/@original`))).toBe(true);
      const followUp = replyPayload("and in Syria?", id);
      harness.message(followUp);
      expect((await replyTo(followUp, harness)).text).toMatch(/Reading this as[\s\S]*900/);
    } finally {
      await harness.stop();
    }
  });

  it("goes on from a follow-up button's public answer", async () => {
    const click = interactionPayload("button", buttonData(askButtonId("How many American soldiers are based in Iraq?")), messageWithButtons());
    discord.interaction(click);
    const followUp = replyPayload("what about Syria?", await chainedReply(click));
    discord.message(followUp);
    expect((await replyTo(followUp)).text).toMatch(/900/);
  });

  it("starts none from a private answer: nobody can reply to it, so it isn't looked up", async () => {
    const asked = ask("how many American soldiers are based in Iraq?", [{ name: "private", type: 5, value: true }]);
    discord.interaction(asked);
    await waitFor(() => discord.logs.lines().find((line) => line["msg"] === "answered" && line["interaction"] === asked["id"]), "the private answer");
    await pause(100);
    expect(discord.fake.requests.filter((r) => r.path.includes(String(asked["token"])))).toHaveLength(1); // the callback only
  });

  it("costs only the chain when the reply can't be found: the answer stands, with no apology", async () => {
    const asked = ask("how many American soldiers are based in Syria?");
    discord.fake.failNext(`/webhooks/${APP_ID}/${String(asked["token"])}/messages/@original`);
    discord.interaction(asked);
    await waitFor(() => discord.logs.lines().find((line) => line["msg"] === "could not find the answer's message: a reply to it reads afresh" && line["interaction"] === asked["id"]), "the warning");
    const callback = discord.fake.requests.find((r) => r.path.endsWith(`/${String(asked["token"])}/callback`))!;
    expect((callback.body as { data: { embeds: APIEmbed[] } }).data.embeds[0]!.description).toMatch(/900/);
    await pause(50);
    expect(discord.fake.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/webhooks/${APP_ID}/${String(asked["token"])}`))).toEqual([]);
  });
});
