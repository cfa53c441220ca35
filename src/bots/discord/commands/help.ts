// /help [private:] — what FactDesk answers, how to ask (each command named by a mention Discord
// makes clickable), and example questions as buttons.
import { SlashCommandBuilder } from "discord.js";
import { renderReply } from "../embeds.js";
import { answerInteraction } from "../respond.js";
import { isPrivate, PRIVATE_OPTION, type SlashCommand } from "./command.js";

export const help: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName("help")
    .setDescription("What FactDesk can answer, with examples")
    .addBooleanOption((option) => option.setName(PRIVATE_OPTION.name).setDescription(PRIVATE_OPTION.description))
    .toJSON(),

  async execute(interaction, deps) {
    const produce = async () => {
      const [reply, mention] = await Promise.all([deps.desk.respond({ kind: "help" }), deps.commandMentions(interaction.guildId)]);
      return { message: renderReply(reply, { mention }) };
    };
    await answerInteraction(interaction, deps, produce, { ephemeral: isPrivate(interaction) });
  },
};
