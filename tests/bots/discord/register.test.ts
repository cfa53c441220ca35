// Registering the slash commands: the request Discord receives, for one server and globally.
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

type Command = { name: string; description: string; options?: Array<{ name: string; type: number; required?: boolean; autocomplete?: boolean }> };

it("puts /ask (with autocomplete), /factcheck, /sources and /help to the server's commands", async () => {
  await registerCommands({ token: "a.b.c", applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl });
  const request = fake.requests.find((r) => r.method === "PUT")!;
  expect(request.path).toBe(`/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
  const commands = request.body as Command[];
  expect(commands.map((c) => c.name)).toEqual(["ask", "factcheck", "sources", "help"]);
  const ask = commands[0]!;
  expect(ask.options).toEqual([
    expect.objectContaining({ name: "question", type: 3, required: true, autocomplete: true }),
    expect.objectContaining({ name: "private", type: 5 }),
  ]);
  for (const command of commands) {
    expect(command.description.length).toBeLessThanOrEqual(100);
    expect(command.options?.some((option) => option.name === "private")).toBe(true);
  }
});

it("registers globally when no server is given", async () => {
  await registerCommands({ token: "a.b.c", applicationId: APP_ID, apiUrl: fake.apiUrl });
  expect(fake.requests.at(-1)!.path).toBe(`/api/v10/applications/${APP_ID}/commands`);
});
