// Registering the commands: the request Discord receives, for one server and globally.
import { afterAll, beforeAll, expect, it } from "vitest";
import { registerCommands } from "../../../src/bots/discord/register.js";
import { APP_ID, GUILD_ID, startFakeDiscord, type FakeDiscord } from "../../helpers/fake-discord.js";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

type Command = {
  name: string;
  type?: number;
  description?: string;
  options?: Array<{ name: string; type: number; required?: boolean; autocomplete?: boolean; description?: string }>;
  contexts?: number[];
  integration_types?: number[];
};

it("puts /ask (with autocomplete), /factcheck, /sources, /help and the message command to the server's commands", async () => {
  const names = await registerCommands({ token: "a.b.c", applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl });
  const request = fake.requests.find((r) => r.method === "PUT")!;
  expect(request.path).toBe(`/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
  const commands = request.body as Command[];
  expect(commands.map((c) => c.name)).toEqual(["ask", "factcheck", "sources", "help", "Fact-check with FactDesk"]);
  expect(names).toEqual(["/ask", "/factcheck", "/sources", "/help", `"Fact-check with FactDesk" (a message's Apps menu)`]);
  const ask = commands[0]!;
  expect(ask.options).toEqual([
    expect.objectContaining({ name: "question", type: 3, required: true, autocomplete: true }),
    expect.objectContaining({ name: "private", type: 5 }),
  ]);
  const slash = commands.filter((c) => c.type === 1);
  expect(slash).toHaveLength(4);
  for (const command of slash) {
    expect(command.description!.length).toBeLessThanOrEqual(100);
    // Replies are private unless asked otherwise, as Slack's slash commands' are.
    const privately = command.options?.find((option) => option.name === "private");
    expect(privately, command.name).toMatchObject({ type: 5, description: "Only you see the reply (the default); False posts it in the channel" });
    expect(privately!.description!.length).toBeLessThanOrEqual(100);
    expect(privately!.required ?? false).toBe(false);
  }
  const onMessages = commands.at(-1)!;
  expect(onMessages.type).toBe(3); // a message command: no description, no options
  expect(onMessages.name.length).toBeLessThanOrEqual(32);
  expect(onMessages.options ?? []).toEqual([]);
});

it("makes every command usable in servers and in DMs with the bot, for a server install", async () => {
  await registerCommands({ token: "a.b.c", applicationId: APP_ID, apiUrl: fake.apiUrl });
  for (const command of fake.requests.at(-1)!.body as Command[]) {
    expect(command.contexts, command.name).toEqual([0, 1]);
    expect(command.integration_types, command.name).toEqual([0]);
  }
});

it("registers globally when no server is given", async () => {
  await registerCommands({ token: "a.b.c", applicationId: APP_ID, apiUrl: fake.apiUrl });
  expect(fake.requests.at(-1)!.path).toBe(`/api/v10/applications/${APP_ID}/commands`);
});
