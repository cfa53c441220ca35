// The buttons FactDesk puts under a reply: follow-up questions and "Share in channel" (👍/👎 are
// in feedback-blocks.ts). Pure; every label and value within Slack's limits.
import type { types } from "@slack/bolt";
import { clip } from "../clip.js";
import { FEEDBACK_ACTIONS } from "./feedback-blocks.js";
import { SLACK_LIMITS } from "./mrkdwn.js";

type Block = types.KnownBlock;
type Button = types.Button;

/** Action ids of our buttons; listeners match on the prefixes. */
export const ACTIONS = Object.freeze({
  ask: "factdesk_ask",
  feedback: FEEDBACK_ACTIONS.vote,
  share: "factdesk_share",
});

/** What a Share button carries: enough to produce the same reply again for the channel. */
export interface ShareRequest {
  kind: "ask" | "check";
  text: string;
  /** The thread the shared reply goes to (a checked message's); the channel itself when absent. */
  thread?: string;
}

/** Up to five questions to ask next, as one row of buttons (none when there are none). */
export function askButtons(questions: readonly string[]): Block[] {
  const buttons = questions.slice(0, 5).map((question, i): Button => ({
    type: "button",
    action_id: `${ACTIONS.ask}:${i}`,
    text: { type: "plain_text", text: clip(question, SLACK_LIMITS.buttonText) },
    value: clip(question, SLACK_LIMITS.buttonValue),
  }));
  return buttons.length ? [actionsRow(buttons)] : [];
}

export function shareButton(request: ShareRequest): Button {
  return { type: "button", style: "primary", action_id: ACTIONS.share, text: { type: "plain_text", text: "Share in channel" }, value: encodeValue(request) };
}

/** Button values hold at most 2,000 characters: long text is shortened until the value fits. */
export function encodeValue(value: ShareRequest): string {
  const json = JSON.stringify(value);
  if (json.length <= SLACK_LIMITS.buttonValue) return json;
  // JSON escaping can make text up to six times longer, so shorten by the overflow and try again.
  const over = json.length - SLACK_LIMITS.buttonValue;
  return encodeValue({ ...value, text: value.text.slice(0, Math.max(0, value.text.length - over - 1)) });
}

export function actionsRow(elements: Button[]): Block {
  return { type: "actions", elements: elements.slice(0, SLACK_LIMITS.elementsPerActions) };
}
