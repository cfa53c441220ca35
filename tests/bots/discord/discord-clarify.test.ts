// A clarification's buttons, met as Discord meets them (the real discord.js, gateway payloads, the
// fake REST API): a pick spends the choices on the message it was made on, and its answer follows
// as a message of its own; an answer's follow-up buttons stay for anyone to ask.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscordHarness, type DiscordHarness, interactionCallback } from "../../helpers/discord-client.js";
import { APP_ID, asMember, buttonData, commandData, interactionPayload, messageWithButtons, replyPayload, USER_ID_OTHER, type RecordedRequest } from "../../helpers/fake-discord.js";
import { waitFor } from "../../helpers/wait-for.js";

type Button = { custom_id: string; label: string; style: number; disabled?: boolean };
type Row = { type: number; components: Button[] };
type Data = { embeds?: APIEmbed[]; components?: Row[]; flags?: number };
type Body = { type: number; data?: Data };

let discord: DiscordHarness;
beforeAll(async () => {
  discord = await startDiscordHarness();
});
afterAll(async () => {
  await discord.stop();
});

const callbackFor = (payload: Record<string, unknown>) => interactionCallback<Body>(discord, payload);
const followUpTo = (payload: Record<string, unknown>) =>
  waitFor(() => discord.fake.requests.find((r) => r.method === "POST" && r.path === `/api/v10/webhooks/${APP_ID}/${String(payload["token"])}`) as (RecordedRequest & { body: Data }) | undefined, "the follow-up");
const buttons = (rows: Row[] = []) => rows.flatMap((row) => row.components);
const ask = (question: string, privately = true, extra: Record<string, unknown> = {}) =>
  interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: question }, { name: "private", type: 5, value: privately }]), extra);
/** A question with several readings, asked by someone with no conversation here yet. */
const AMBIGUOUS = "Tell me about Iraq";

describe("a clarification's buttons on Discord", () => {
  it("are spent once one is picked, the pick standing out, and its answer follows privately as a message of its own", async () => {
    const asked = ask(AMBIGUOUS);
    discord.interaction(asked);
    const clarify = (await callbackFor(asked)).body.data!;
    const choices = buttons(clarify.components);
    expect(choices.length).toBeGreaterThanOrEqual(2);
    for (const choice of choices) expect(choice.custom_id).toMatch(/^factdesk:which:/);

    const picked = choices[1]!;
    const click = interactionPayload("button", buttonData(picked.custom_id), messageWithButtons(64, clarify.components, clarify.embeds));
    discord.interaction(click);
    const update = (await callbackFor(click)).body;
    expect(update.type).toBe(7);
    expect(buttons(update.data!.components).map((button) => [button.label, button.disabled, button.style])).toEqual(choices.map((choice) => [choice.label, true, choice === picked ? 1 : 2]));

    const answer = (await followUpTo(click)).body;
    expect(answer.flags).toBe(64);
    expect(answer.embeds![0]!.title).toBe(picked.label);
    expect(answer.embeds![0]!.fields!.length).toBeGreaterThan(0);
  });

  it("start a reply chain from a public pick's answer", async () => {
    // Someone else: the first test's pick is a conversation, in which the question reads otherwise.
    const asked = ask(AMBIGUOUS, false, asMember(USER_ID_OTHER));
    discord.interaction(asked);
    const clarify = (await callbackFor(asked)).body.data!;
    const picked = buttons(clarify.components).find((button) => /troops/i.test(button.label));
    expect(picked, "a choice about troops").toBeDefined();
    const click = interactionPayload("button", buttonData(picked!.custom_id), { ...messageWithButtons(0, clarify.components, clarify.embeds), ...asMember(USER_ID_OTHER) });
    discord.interaction(click);
    const answer = await followUpTo(click);
    expect(answer.body.flags ?? 0).toBe(0);
    await waitFor(() => discord.logs.lines().find((line) => line["msg"] === "a reply to the answer continues its conversation" && line["message"] === answer.createdId), "the chain");
    // Read afresh, this is about the 61 attacks; read in the chain, about the pick's answer.
    const followUp = replyPayload("what's the source for that?", answer.createdId!);
    discord.message(followUp);
    const reply = await waitFor(() => discord.fake.requests.find((r) => (r.body as { message_reference?: { message_id: string } })?.message_reference?.message_id === followUp["id"]), "the reply");
    expect((reply.body as { embeds: APIEmbed[] }).embeds[0]!.description).toMatch(/^In the source's words: "The United States has about 2,000 American soldiers in Iraq/);
  });

  it("leave an answer's follow-up buttons as they were: a click is answered directly and spends nothing", async () => {
    const asked = ask("how many attacks?");
    discord.interaction(asked);
    const answered = (await callbackFor(asked)).body.data!;
    const followUp = buttons(answered.components).find((button) => button.custom_id.startsWith("factdesk:ask:"))!;
    const click = interactionPayload("button", buttonData(followUp.custom_id), messageWithButtons(64, answered.components, answered.embeds));
    discord.interaction(click);
    const reply = (await callbackFor(click)).body;
    expect(reply.type).toBe(4);
    expect(reply.data!.embeds![0]!.title).toBe(followUp.label);
  });
});
