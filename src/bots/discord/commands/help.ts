// /help [private:] — what FactDesk answers, how to ask, and example questions as buttons.
import { SlashCommandBuilder } from "discord.js";
import { answerInteraction, replyFromDesk } from "../respond.js";
import { isPrivate, PRIVATE_OPTION, type SlashCommand } from "./command.js";

export const help: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName("help")
    .setDescription("What FactDesk can answer, with examples")
    .addBooleanOption((option) => option.setName(PRIVATE_OPTION.name).setDescription(PRIVATE_OPTION.description))
    .toJSON(),

  async execute(interaction, deps) {
    await answerInteraction(interaction, deps, replyFromDesk(deps, { kind: "help" }), { ephemeral: isPrivate(interaction) });
  },
};
