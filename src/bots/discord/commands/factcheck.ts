// /factcheck claim: [private:] — checks a sentence from a draft against the sources.
import { SlashCommandBuilder } from "discord.js";
import { REQUEST_LIMITS } from "../limits.js";
import { questionText } from "../question-text.js";
import { answerInteraction, replyFromDesk } from "../respond.js";
import { isPrivate, PRIVATE_OPTION, type SlashCommand } from "./command.js";
import { answerUsage, factcheckUsage } from "./usage.js";

export const factcheck: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName("factcheck")
    .setDescription("Check a sentence from a draft against FactDesk's sources")
    .addStringOption((option) => option.setName("claim").setDescription("The sentence to check").setRequired(true).setMaxLength(REQUEST_LIMITS.claim))
    .addBooleanOption((option) => option.setName(PRIVATE_OPTION.name).setDescription(PRIVATE_OPTION.description))
    .toJSON(),

  async execute(interaction, deps) {
    const claim = questionText(interaction.options.getString("claim", true), deps.botUserId);
    if (!claim) return answerUsage(interaction, deps, factcheckUsage);
    await answerInteraction(interaction, deps, replyFromDesk(deps, { kind: "check", claim }), { ephemeral: isPrivate(interaction) });
  },
};
