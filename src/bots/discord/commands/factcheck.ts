// /factcheck claim: [private:] — checks a sentence from a draft against the sources.
import { SlashCommandBuilder } from "discord.js";
import { clipRequest } from "../../clip.js";
import { answerInteraction, replyFromDesk } from "../respond.js";
import { isPrivate, PRIVATE_OPTION, type SlashCommand } from "./command.js";

export const factcheck: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName("factcheck")
    .setDescription("Check a sentence from a draft against FactDesk's sources")
    .addStringOption((option) => option.setName("claim").setDescription("The sentence to check").setRequired(true).setMaxLength(1500))
    .addBooleanOption((option) => option.setName(PRIVATE_OPTION.name).setDescription(PRIVATE_OPTION.description))
    .toJSON(),

  async execute(interaction, deps) {
    const claim = clipRequest(interaction.options.getString("claim", true));
    await answerInteraction(interaction, deps, replyFromDesk(deps, { kind: "check", claim }), { ephemeral: isPrivate(interaction) });
  },
};
