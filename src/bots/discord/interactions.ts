// Routes a Discord interaction to its handler: slash commands, autocomplete, follow-up and vote
// buttons, the 👎 modal.
import { MessageFlags, type Interaction } from "discord.js";
import { COMMANDS } from "./commands/index.js";
import { ASK_BUTTON_PREFIX } from "./embeds.js";
import { onReasonModal, onVoteButton, REASON_MODAL_PREFIX } from "./feedback.js";
import { answerInteraction, replyFromDesk, type DiscordDeps } from "./respond.js";
import { VOTE_BUTTON_PREFIX } from "./vote-buttons.js";

export function onInteraction(deps: DiscordDeps) {
  return async (interaction: Interaction): Promise<void> => {
    if (interaction.user.bot) return;
    if (interaction.isAutocomplete()) {
      await COMMANDS.get(interaction.commandName)
        ?.autocomplete?.(interaction, deps)
        .catch((error: unknown) => deps.logger.error({ err: error }, "autocomplete failed"));
      return;
    }
    if (interaction.isChatInputCommand()) {
      const command = COMMANDS.get(interaction.commandName);
      if (command) await command.execute(interaction, deps);
      else deps.logger.warn({ command: interaction.commandName }, "unknown command: run npm run discord:register");
      return;
    }
    if (interaction.isButton() && interaction.customId.startsWith(ASK_BUTTON_PREFIX)) {
      const question = questionFromButton(interaction.customId, deps);
      const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
      await answerInteraction(interaction, deps, replyFromDesk(deps, { kind: "ask", question }), { ephemeral });
      return;
    }
    if (interaction.isButton() && interaction.customId.startsWith(VOTE_BUTTON_PREFIX)) return onVoteButton(interaction, deps);
    if (interaction.isModalSubmit() && interaction.customId.startsWith(REASON_MODAL_PREFIX)) return onReasonModal(interaction, deps);
  };
}

/** A button carries the start of a known question; the full question is looked up by that start. */
function questionFromButton(customId: string, deps: DiscordDeps): string {
  const start = customId.slice(ASK_BUTTON_PREFIX.length);
  return deps.desk.complete(start, 25).find((question) => question.startsWith(start)) ?? start;
}
