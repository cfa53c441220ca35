// The question buttons under a reply: follow-ups after an answer, examples under help, and the
// choices of a clarification ("which did you mean?"). A clarification's buttons are spent once
// one is picked: the question has its answer. Pure.
import { ButtonStyle, ComponentType, type APIButtonComponent } from "discord.js";
import { clip } from "../clip.js";
import { DISCORD_LIMITS } from "./limits.js";
import type { ButtonRow } from "./vote-buttons.js";

/** Custom ids of follow-up buttons: this prefix, then the question (cut to fit 100 characters). */
export const ASK_BUTTON_PREFIX = "factdesk:ask:";
/** A clarification's choices: the same, under their own prefix so a click can spend the others. */
export const CLARIFY_BUTTON_PREFIX = "factdesk:which:";

export type QuestionButtonPrefix = typeof ASK_BUTTON_PREFIX | typeof CLARIFY_BUTTON_PREFIX;

export function askButtons(questions: readonly string[], prefix: QuestionButtonPrefix = ASK_BUTTON_PREFIX): ButtonRow[] {
  const buttons: APIButtonComponent[] = questions.slice(0, DISCORD_LIMITS.buttonsPerRow).map((question) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: clip(question, DISCORD_LIMITS.buttonLabel),
    custom_id: askButtonId(question, prefix),
  }));
  return buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

export function askButtonId(question: string, prefix: QuestionButtonPrefix = ASK_BUTTON_PREFIX): string {
  return `${prefix}${question.slice(0, DISCORD_LIMITS.customId - prefix.length)}`;
}

/** The clarification's rows once a choice is made: every choice disabled, the one picked standing out. */
export function withChoiceMade(rows: readonly ButtonRow[], picked: string): ButtonRow[] {
  return rows.map((row) => ({
    ...row,
    components: row.components.map((button) =>
      "custom_id" in button && button.custom_id.startsWith(CLARIFY_BUTTON_PREFIX)
        ? { ...button, disabled: true, style: button.custom_id === picked ? ButtonStyle.Primary : ButtonStyle.Secondary }
        : button,
    ),
  }));
}
