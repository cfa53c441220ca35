// Routes a Discord interaction to its handler: slash commands, the message command, autocomplete,
// follow-up, vote and "Post publicly" buttons, the 👎 modal.
// Every interaction gets an answer: anything FactDesk has no handler for (a command it no longer
// registers, a select menu, a modal) is told so, a button it can no longer act on is told it has
// expired, and a handler that fails still apologizes, so nobody is left with "This interaction failed".
import { MessageFlags, type ButtonInteraction, type Interaction, type RepliableInteraction } from "discord.js";
import { COMMANDS, MESSAGE_COMMANDS } from "./commands/index.js";
import { ASK_BUTTON_PREFIX, CLARIFY_BUTTON_PREFIX, withChoiceMade } from "./ask-buttons.js";
import { DISCORD_LIMITS, renderNotice } from "./embeds.js";
import { onReasonModal, onVoteButton, REASON_MODAL_PREFIX } from "./feedback.js";
import { POST_BUTTON_PREFIX } from "./post-button.js";
import { onPostButton } from "./post-publicly.js";
import { answerExpired, answerInteraction, apologize, NO_PINGS, replyFromDesk, type DiscordDeps } from "./respond.js";
import { VOTE_BUTTON_PREFIX, type ButtonRow } from "./vote-buttons.js";

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
  } else if (!interaction.user.bot && interaction.isMessageContextMenuCommand()) {
    const command = MESSAGE_COMMANDS.get(interaction.commandName);
    if (command) return command.execute(interaction, deps);
    deps.logger.warn({ command: interaction.commandName }, "unknown command: run npm run discord:register");
  } else if (!interaction.user.bot && interaction.isButton()) {
    return onButton(interaction, deps);
  } else if (!interaction.user.bot && interaction.isModalSubmit() && interaction.customId.startsWith(REASON_MODAL_PREFIX)) {
    return onReasonModal(interaction, deps);
  } else {
    deps.logger.info({ interaction: interaction.id, type: interaction.type }, "an interaction FactDesk has no handler for");
  }
  await interaction.reply({ ...renderNotice(NOT_HANDLED_MESSAGE), allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral });
}

/**
 * A button on a message of FactDesk's (Discord sends a click only to the app that posted the
 * message): a follow-up question or a clarification's choice, a vote, posting a private answer, or
 * one FactDesk can no longer act on.
 */
async function onButton(interaction: ButtonInteraction, deps: DiscordDeps): Promise<void> {
  const { customId } = interaction;
  if (customId.startsWith(VOTE_BUTTON_PREFIX)) return onVoteButton(interaction, deps);
  if (customId.startsWith(POST_BUTTON_PREFIX)) return onPostButton(interaction, deps);
  const prefix = [ASK_BUTTON_PREFIX, CLARIFY_BUTTON_PREFIX].find((known) => customId.startsWith(known));
  const question = prefix ? questionFromButton(customId, prefix, deps) : undefined;
  if (!question) return answerExpired(interaction, deps);
  // A clarification's choice spends the others first (the update is the click's first response);
  // the answer then follows as a message of its own.
  if (prefix === CLARIFY_BUTTON_PREFIX) await interaction.update({ components: withChoiceMade(interaction.message.components.map((row) => row.toJSON() as ButtonRow), customId) });
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  return answerInteraction(interaction, deps, replyFromDesk(deps, { kind: "ask", question }, { chainOf: interaction.message.id }), { ephemeral });
}

/**
 * A button carries the start of a question: all of it, unless it was cut to fit the custom id.
 * The full question is looked up by that start. A cut start that no known question begins with
 * any more (the facts changed since) can't be asked, nor can an empty one.
 */
function questionFromButton(customId: string, prefix: string, deps: DiscordDeps): string | undefined {
  const start = customId.slice(prefix.length);
  if (!start.trim()) return undefined;
  const known = deps.desk.complete(start, 25).find((question) => question.startsWith(start));
  const cut = customId.length >= DISCORD_LIMITS.customId;
  return known ?? (cut ? undefined : start);
}
