// /ask question: [private:] — a question, with known questions offered as the user types.
import { SlashCommandBuilder } from "discord.js";
import { clip, clipRequest, MAX_TYPED_CHARS } from "../../clip.js";
import { DISCORD_LIMITS, REQUEST_LIMITS } from "../limits.js";
import { questionText } from "../question-text.js";
import { answerInteraction, replyFromDesk } from "../respond.js";
import { isPrivate, PRIVATE_OPTION, type SlashCommand } from "./command.js";
import { answerUsage, askUsage } from "./usage.js";

export const ask: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask FactDesk about the US response to militia attacks in Iraq and Syria")
    .addStringOption((option) => option.setName("question").setDescription("Your question").setRequired(true).setAutocomplete(true).setMaxLength(REQUEST_LIMITS.question))
    .addBooleanOption((option) => option.setName(PRIVATE_OPTION.name).setDescription(PRIVATE_OPTION.description))
    .toJSON(),

  async execute(interaction, deps) {
    // Mentions in a question are no part of it: its title never shows them.
    const question = questionText(interaction.options.getString("question", true), deps.botUserId);
    if (!question) return answerUsage(interaction, deps, askUsage);
    await answerInteraction(interaction, deps, replyFromDesk(deps, { kind: "ask", question }), { ephemeral: isPrivate(interaction) });
  },

  async autocomplete(interaction, deps) {
    const typed = clipRequest(String(interaction.options.getFocused()), MAX_TYPED_CHARS);
    // Discord accepts at most 25 choices of at most 100 characters; respond() does not check.
    const choices = deps.desk
      .complete(typed, DISCORD_LIMITS.autocompleteChoices)
      .slice(0, DISCORD_LIMITS.autocompleteChoices)
      .map((question) => ({ name: clip(question, DISCORD_LIMITS.choiceName), value: clip(question, DISCORD_LIMITS.choiceValue) }));
    await interaction.respond(choices);
  },
};
