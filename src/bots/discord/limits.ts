// Discord's limits on what a message may hold, in one place (embeds, buttons, autocomplete).

/** Discord's limits (discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = Object.freeze({
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  content: 2000,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
});

/**
 * FactDesk's own limits on what one request on Discord may hold: a question is a sentence or two
 * (`/ask` takes 500 characters), a draft to check a paragraph (`/factcheck` takes 1,500). A
 * mention or DM past them is told to ask one question at a time, not answered as one question.
 */
export const REQUEST_LIMITS = Object.freeze({ question: 500, claim: 1500 });
