// Routes a Discord interaction to its handler: slash commands, autocomplete, follow-up and vote
// buttons, the 👎 modal.
// Every interaction gets an answer: anything FactDesk has no handler for (a command it no longer
// registers, a context menu, a select menu, a modal, another app's button) is told so, and a
// handler that fails still apologizes, so nobody is left with "This interaction failed".
import { MessageFlags, type Interaction, type RepliableInteraction } from "discord.js";
import { COMMANDS } from "./commands/index.js";
import { ASK_BUTTON_PREFIX, renderNotice } from "./embeds.js";
import { onReasonModal, onVoteButton, REASON_MODAL_PREFIX } from "./feedback.js";
import { answerInteraction, apologize, NO_PINGS, replyFromDesk, type DiscordDeps } from "./respond.js";
import { VOTE_BUTTON_PREFIX } from "./vote-buttons.js";

export const NOT_HANDLED_MESSAGE = "I don't handle that. Try `/ask`, `/factcheck` or `/help`.";

export function onInteraction(deps: DiscordDeps) {
  return async (interaction: Interaction): Promise<void> => {
    if (interaction.isAutocomplete()) {
      const command = COMMANDS.get(interaction.commandName);
      try {
        if (command?.autocomplete && !interaction.user.bot) await command.autocomplete(interaction, deps);
        else await interaction.respond([]);
      } catch (error) {
        deps.logger.error({ err: error, interaction: interaction.id }, "autocomplete failed");
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      }
      return;
    }
    if (!interaction.isRepliable()) return;
    try {
      await route(interaction, deps);
    } catch (error) {
      deps.logger.error({ err: error, interaction: interaction.id }, "interaction handler failed");
      await apologize(interaction).catch((apologyError: unknown) => deps.logger.error({ err: apologyError }, "could not deliver the apology either"));
    }
  };
}

async function route(interaction: RepliableInteraction, deps: DiscordDeps): Promise<void> {
  if (!interaction.user.bot && interaction.isChatInputCommand()) {
    const command = COMMANDS.get(interaction.commandName);
    if (command) return command.execute(interaction, deps);
    deps.logger.warn({ command: interaction.commandName }, "unknown command: run npm run discord:register");
  } else if (!interaction.user.bot && interaction.isButton() && interaction.customId.startsWith(ASK_BUTTON_PREFIX)) {
    const question = questionFromButton(interaction.customId, deps);
    const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
    return answerInteraction(interaction, deps, replyFromDesk(deps, { kind: "ask", question }, { chainOf: interaction.message.id }), { ephemeral });
  } else if (!interaction.user.bot && interaction.isButton() && interaction.customId.startsWith(VOTE_BUTTON_PREFIX)) {
    return onVoteButton(interaction, deps);
  } else if (!interaction.user.bot && interaction.isModalSubmit() && interaction.customId.startsWith(REASON_MODAL_PREFIX)) {
    return onReasonModal(interaction, deps);
  } else {
    deps.logger.info({ interaction: interaction.id, type: interaction.type }, "an interaction FactDesk has no handler for");
  }
  await interaction.reply({ ...renderNotice(NOT_HANDLED_MESSAGE), allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral });
}

/** A button carries the start of a known question; the full question is looked up by that start. */
function questionFromButton(customId: string, deps: DiscordDeps): string {
  const start = customId.slice(ASK_BUTTON_PREFIX.length);
  return deps.desk.complete(start, 25).find((question) => question.startsWith(start)) ?? start;
}
