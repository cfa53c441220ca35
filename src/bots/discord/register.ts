// `npm run discord:register`: registers FactDesk's slash commands and its message command with
// Discord, for one server (DISCORD_GUILD_ID: instant, for testing) or globally (may take up to an
// hour to appear).
// Run it once after creating the app and again whenever a command definition changes; never on start.
import "dotenv/config";
import { pathToFileURL } from "node:url";
import { ApplicationIntegrationType, InteractionContextType, REST, Routes } from "discord.js";
import { readConfig } from "../../config.js";
import { COMMANDS, MESSAGE_COMMANDS } from "./commands/index.js";

export interface Registration {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
}

/**
 * Where every command can be used: in the servers FactDesk is installed in, and in DMs with its
 * bot, set rather than left to Discord's defaults. (Other DMs and group DMs would need FactDesk to
 * be installable to a user's account, which it isn't.)
 */
const AVAILABILITY = Object.freeze({
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
});

/** Puts every command to Discord, replacing what was there; returns them as people find them. */
export async function registerCommands({ token, applicationId, guildId, apiUrl }: Registration): Promise<string[]> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const slash = [...COMMANDS.values()].map((command) => command.definition);
  const onMessages = [...MESSAGE_COMMANDS.values()].map((command) => command.definition);
  await rest.put(route, { body: [...slash, ...onMessages].map((definition) => ({ ...definition, ...AVAILABILITY })) });
  return [...slash.map((command) => `/${command.name}`), ...onMessages.map((command) => `"${command.name}" (a message's Apps menu)`)];
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
  process.stdout.write(`Registered ${names.join(", ")} ${guildId ? `in server ${guildId} (available now)` : "globally (may take up to an hour to appear)"}.\n`);
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
