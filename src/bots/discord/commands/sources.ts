// /sources [private:] — what FactDesk covers and which sources it quotes.
import { SlashCommandBuilder } from "discord.js";
import { renderSources } from "../embeds.js";
import { answerInteraction } from "../respond.js";
import { isPrivate, PRIVATE_OPTION, type SlashCommand } from "./command.js";

export const sources: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName("sources")
    .setDescription("What FactDesk covers and which sources it quotes")
    .addBooleanOption((option) => option.setName(PRIVATE_OPTION.name).setDescription(PRIVATE_OPTION.description))
    .toJSON(),

  async execute(interaction, deps) {
    const produce = async () => {
      const reply = await deps.desk.respond({ kind: "help" });
      if (reply.kind !== "help") throw new Error(`expected help, got ${reply.kind}`);
      return { message: renderSources(reply.help) };
    };
    await answerInteraction(interaction, deps, produce, { ephemeral: isPrivate(interaction) });
  },
};
