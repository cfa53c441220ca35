// The shape of one slash command: its definition (registered by register.ts) and its handlers.
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { DiscordDeps } from "../respond.js";

export interface SlashCommand {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, deps: DiscordDeps): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, deps: DiscordDeps): Promise<void>;
}

/** The `private` option every command takes: reply so only the user sees it. */
export const PRIVATE_OPTION = { name: "private", description: "Only you see the reply" } as const;

export const isPrivate = (interaction: ChatInputCommandInteraction) => interaction.options.getBoolean(PRIVATE_OPTION.name) ?? false;
