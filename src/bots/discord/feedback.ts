// 👍 and 👎 under a Discord answer: the vote is recorded against the ask id in the button's custom
// id (one per person; a second click changes it) and the buttons then count the votes. A 👎 opens a
// modal asking, optionally, what was wrong; its submission records the reason and redraws the
// buttons. Discord's 3-second deadline is never left to the store: a slow vote defers the update.
import {
  ModalBuilder,
  TextInputStyle,
  type ButtonInteraction,
  type ModalMessageModalSubmitInteraction,
  type ModalSubmitInteraction,
} from "discord.js";
import type { VoteTally } from "../../store/feedback.js";
import { isAskId, type Voter } from "../conversation.js";
import { answerExpired, NO_PINGS, type DiscordDeps } from "./respond.js";
import { VOTE_BUTTON_PREFIX, withTally, type ButtonRow } from "./vote-buttons.js";

/** factdesk:reason:<ask id>: the 👎 modal. */
export const REASON_MODAL_PREFIX = "factdesk:reason:";
const REASON_INPUT = "reason";

export function reasonModal(askId: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(`${REASON_MODAL_PREFIX}${askId}`)
    .setTitle("What was wrong?")
    .addLabelComponents((label) =>
      label
        .setLabel("What was wrong? (optional)")
        .setDescription("Your 👎 is recorded. A few words help the editors fix the answer.")
        .setTextInputComponent((input) => input.setCustomId(REASON_INPUT).setStyle(TextInputStyle.Paragraph).setRequired(false).setMaxLength(1000)),
    );
}

export async function onVoteButton(interaction: ButtonInteraction, deps: DiscordDeps): Promise<void> {
  const [choice, askId] = interaction.customId.slice(VOTE_BUTTON_PREFIX.length).split(":");
  if ((choice !== "up" && choice !== "down") || !isAskId(askId)) return answerExpired(interaction, deps);
  const voter: Voter = { platform: "discord", userId: interaction.user.id };
  if (choice === "down") {
    // The modal must be the first response; the vote is recorded while it is open.
    await interaction.showModal(reasonModal(askId));
    await deps.desk.vote(askId, voter, "down").catch((error: unknown) => deps.logger.error({ err: error, askId }, "could not record a vote"));
    deps.logger.info({ feedback: "down", askId, user: voter.userId }, "feedback");
    return;
  }
  await redraw(interaction, deps, askId, deps.desk.vote(askId, voter, "up"));
  deps.logger.info({ feedback: "up", askId, user: voter.userId }, "feedback");
}

export async function onReasonModal(interaction: ModalSubmitInteraction, deps: DiscordDeps): Promise<void> {
  const askId = interaction.customId.slice(REASON_MODAL_PREFIX.length);
  if (!isAskId(askId)) return answerExpired(interaction, deps);
  const reason = interaction.fields.getTextInputValue(REASON_INPUT) ?? "";
  const voter: Voter = { platform: "discord", userId: interaction.user.id };
  const recorded = deps.desk.explainVote(askId, voter, reason);
  if (interaction.isFromMessage()) await redraw(interaction, deps, askId, recorded);
  else {
    await interaction.reply({ content: "Thanks: your 👎 is recorded for the editors.", flags: 64, allowedMentions: NO_PINGS });
    await recorded.catch((error: unknown) => deps.logger.error({ err: error, askId }, "could not record the reason for a vote"));
  }
  if (reason.trim()) deps.logger.info({ askId, user: voter.userId }, "feedback reason");
}

/** Updates the clicked message with the tally, deferring first if the store is slow; a failed vote leaves the message as it was. */
async function redraw(interaction: ButtonInteraction | ModalMessageModalSubmitInteraction, deps: DiscordDeps, askId: string, vote: Promise<VoteTally | undefined>): Promise<void> {
  const failed = (error: unknown) => {
    deps.logger.error({ err: error, askId }, "could not record a vote");
    return undefined;
  };
  const counted = vote.catch(failed);
  const rows = () => interaction.message.components.map((row) => row.toJSON() as ButtonRow);
  const inTime = await Promise.race([counted.then((tally) => ({ tally })), delay(deps.deferAfterMs)]);
  if (inTime) {
    await (inTime.tally ? interaction.update({ components: withTally(rows(), askId, inTime.tally) }) : interaction.deferUpdate());
    return;
  }
  await interaction.deferUpdate();
  const tally = await counted;
  if (tally) await interaction.editReply({ components: withTally(rows(), askId, tally) });
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
