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

/**
 * The `private` option every command takes. Replies are private unless it is False, as Slack's
 * slash commands are: a question is the asker's until they choose to post its answer (a private
 * answer has a "Post publicly" button).
 */
export const PRIVATE_OPTION = { name: "private", description: "Only you see the reply (the default); False posts it in the channel" } as const;

export const isPrivate = (interaction: ChatInputCommandInteraction) => interaction.options.getBoolean(PRIVATE_OPTION.name) ?? true;
