// "Post publicly" under a private answer: the answer the asker saw goes to the channel as it is
// (a follow-up message everyone sees, saying who shared it), and the private copy then says so,
// its button spent. The answer is posted from the message itself, never asked again, so the
// channel sees exactly what the asker read.
import { MessageFlags, type ButtonInteraction } from "discord.js";
import { isAskId } from "../conversation.js";
import { renderNotice } from "./embeds.js";
import { POST_BUTTON_PREFIX, spentPostButton, withoutPostButton } from "./post-button.js";
import { answerExpired, NO_PINGS, type DiscordDeps } from "./respond.js";
import type { ButtonRow } from "./vote-buttons.js";

export const POSTED_MESSAGE = "Posted in the channel for everyone to see.";
export const NOT_POSTED_MESSAGE = "Sorry, I couldn't post that in the channel. Try again in a moment, or ask again with `private: False`.";

export async function onPostButton(interaction: ButtonInteraction, deps: DiscordDeps): Promise<void> {
  const askId = interaction.customId.slice(POST_BUTTON_PREFIX.length);
  const { message } = interaction;
  // Only a private answer of FactDesk's has one; anything else is no answer of ours to post.
  if (!isAskId(askId) || !message.flags.has(MessageFlags.Ephemeral) || message.embeds.length === 0) return answerExpired(interaction, deps);
  const rows = message.components.map((row) => row.toJSON() as ButtonRow);
  await interaction.deferUpdate();
  try {
    await interaction.followUp({
      content: `Shared by <@${interaction.user.id}>`,
      embeds: message.embeds.map((embed) => embed.toJSON()),
      components: withoutPostButton(rows),
      allowedMentions: NO_PINGS,
    });
  } catch (error) {
    deps.logger.error({ err: error, askId, interaction: interaction.id }, "could not post an answer publicly");
    await interaction
      .followUp({ ...renderNotice(NOT_POSTED_MESSAGE), allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral })
      .catch((noticeError: unknown) => deps.logger.error({ err: noticeError }, "could not say so either"));
    return;
  }
  deps.logger.info({ askId, user: interaction.user.id }, "posted an answer publicly");
  await interaction
    .editReply({ content: POSTED_MESSAGE, components: spentPostButton(rows), allowedMentions: NO_PINGS })
    .catch((error: unknown) => deps.logger.warn({ err: error, askId }, "posted, but could not mark the private copy"));
}
