// The shape of one command: a slash command or a message command (on a message's Apps menu), each
// its definition (registered by register.ts) and its handlers.
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import type { DiscordDeps } from "../respond.js";

export interface SlashCommand {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, deps: DiscordDeps): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, deps: DiscordDeps): Promise<void>;
}

export interface MessageCommand {
  definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, deps: DiscordDeps): Promise<void>;
}

/** The `private` option every command takes: reply so only the user sees it. */
export const PRIVATE_OPTION = { name: "private", description: "Only you see the reply" } as const;

export const isPrivate = (interaction: ChatInputCommandInteraction) => interaction.options.getBoolean(PRIVATE_OPTION.name) ?? false;
