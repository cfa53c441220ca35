// What a slash command sent with nothing to read gets (a claim of spaces, a question of mentions):
// how to use it, privately, with an example from the help card. The desk is asked nothing else.
import { MessageFlags, type ChatInputCommandInteraction } from "discord.js";
import type { HelpCard } from "../../conversation.js";
import { exampleClaim, renderNotice } from "../embeds.js";
import { NO_PINGS, type DiscordDeps } from "../respond.js";

export const askUsage = (help: HelpCard) =>
  `Put your question after \`/ask question:\`${help.examples[0] ? `, for example \`/ask question: ${help.examples[0]}\`` : ""}.`;

export const factcheckUsage = (help: HelpCard) => `Put the sentence to check after \`/factcheck claim:\`, for example \`/factcheck claim: ${exampleClaim(help)}\`.`;

export async function answerUsage(interaction: ChatInputCommandInteraction, deps: DiscordDeps, usage: (help: HelpCard) => string): Promise<void> {
  const reply = await deps.desk.respond({ kind: "help" });
  if (reply.kind !== "help") throw new Error(`expected help, got ${reply.kind}`);
  deps.logger.info({ command: interaction.commandName, interaction: interaction.id }, "a command with nothing to read: told its usage");
  await interaction.reply({ ...renderNotice(usage(reply.help)), allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral });
}
