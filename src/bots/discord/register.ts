// `npm run discord:register`: registers FactDesk's slash commands with Discord, for one server
// (DISCORD_GUILD_ID: instant, for testing) or globally (may take up to an hour to appear).
// Run it once after creating the app and again whenever a command definition changes; never on start.
import "dotenv/config";
import { pathToFileURL } from "node:url";
import { REST, Routes } from "discord.js";
import { readConfig } from "../../config.js";
import { COMMANDS } from "./commands/index.js";

export interface Registration {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
}

export async function registerCommands({ token, applicationId, guildId, apiUrl }: Registration): Promise<string[]> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const body = [...COMMANDS.values()].map((command) => command.definition);
  await rest.put(route, { body });
  return body.map((command) => command.name);
}

async function main(): Promise<number> {
  const configured = readConfig(process.env);
  if (!configured.ok) {
    process.stderr.write(`factdesk: configuration error: ${configured.error}\n`);
    return 1;
  }
  const discord = configured.config.discord;
  const token = discord && "token" in discord ? discord.token : undefined;
  if (!discord || !token) {
    process.stderr.write("factdesk: configuration error: DISCORD_TOKEN and DISCORD_APPLICATION_ID are required to register commands\n");
    return 1;
  }
  const guildId = process.env.DISCORD_GUILD_ID?.trim() || undefined;
  const names = await registerCommands({
    token,
    applicationId: discord.applicationId,
    ...(guildId ? { guildId } : {}),
    ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
  });
  process.stdout.write(`Registered /${names.join(", /")} ${guildId ? `in server ${guildId} (available now)` : "globally (may take up to an hour to appear)"}.\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`factdesk: could not register commands: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
