// Reply chains: a Discord reply to one of FactDesk's messages continues the conversation that
// message was read in (messages.ts reads the reply). Each message FactDesk posts carries its
// conversation on under the message's id; a public slash-command or button answer starts a chain too.
import type { RepliableInteraction } from "discord.js";
import type { Desk } from "../conversation.js";
import type { Logger } from "../../logger.js";

/** The conversation a reply chain continues from a message of FactDesk's. */
export const chainKey = (messageId: string) => `discord:message:${messageId}`;

/**
 * The interaction's public reply continues `conversation`. Its id comes with the reply when
 * discord.js returned the message (an answer edited in after a deferral); otherwise it is
 * fetched. A failure costs the chain (a reply to the answer reads afresh), never the answer.
 */
export async function chainFromReply(
  interaction: RepliableInteraction,
  deps: { desk: Desk; logger: Logger },
  conversation: string,
  posted?: { id: string },
): Promise<void> {
  try {
    const messageId = posted?.id ?? (await interaction.fetchReply()).id;
    await deps.desk.continueConversation(conversation, chainKey(messageId));
    deps.logger.debug({ interaction: interaction.id, message: messageId }, "a reply to the answer continues its conversation");
  } catch (error) {
    deps.logger.warn({ err: error, interaction: interaction.id }, "could not find the answer's message: a reply to it reads afresh");
  }
}
