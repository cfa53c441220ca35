// "Fact-check with FactDesk" on a message's Apps menu: checks what the message says against the
// sources, for the one who asked only (a verdict on someone's message is no public call-out unless
// they choose to post it), and on its own, never as a follow-up to what they asked before. Discord sends the message's text
// with the interaction, without the Message Content intent.
import { ApplicationCommandType, ContextMenuCommandBuilder, MessageFlags } from "discord.js";
import { readRequest } from "../../conversation.js";
import { renderNotice } from "../embeds.js";
import { questionText } from "../question-text.js";
import { answerInteraction, NO_PINGS, replyFromDesk } from "../respond.js";
import type { MessageCommand } from "./command.js";

export const NO_TEXT_MESSAGE = "That message has no text for me to check: only an image, a file or an embed. Put the sentence in `/factcheck` instead.";

export const factcheckMessage: MessageCommand = {
  definition: new ContextMenuCommandBuilder().setName("Fact-check with FactDesk").setType(ApplicationCommandType.Message).toJSON(),

  async execute(interaction, deps) {
    const text = questionText(interaction.targetMessage.content, deps.botUserId);
    if (!text) {
      await interaction.reply({ ...renderNotice(NO_TEXT_MESSAGE), allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral });
      return;
    }
    await answerInteraction(interaction, deps, replyFromDesk(deps, readRequest(text, "check"), "alone"), { ephemeral: true });
  },
};
