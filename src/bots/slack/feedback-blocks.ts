// The 👍/👎 buttons under an answer, the same buttons with the votes counted after a click, and the
// modal that asks what was wrong with an answer voted 👎. Pure: Block Kit in, Block Kit out.
import type { types } from "@slack/bolt";
import type { VoteTally } from "../../store/feedback.js";

type Block = types.KnownBlock;
type Button = types.Button;

export const FEEDBACK_ACTIONS = Object.freeze({
  /** Prefix of both buttons' action ids (…:up, …:down); the button's value is the ask id. */
  vote: "factdesk_feedback",
  reasonModal: "factdesk_feedback_reason",
  reasonInput: "reason",
});

/** The two buttons; with a tally, each says how many people chose it. */
export function feedbackButtons(askId: string, tally?: VoteTally): Button[] {
  const label = (text: string, count: number | undefined) => (count ? `${text} · ${count}` : text);
  return [
    { type: "button", action_id: `${FEEDBACK_ACTIONS.vote}:up`, text: { type: "plain_text", text: label("👍 Helpful", tally?.up) }, value: askId },
    { type: "button", action_id: `${FEEDBACK_ACTIONS.vote}:down`, text: { type: "plain_text", text: label("👎 Not right", tally?.down) }, value: askId },
  ];
}

/** The message's blocks with its feedback buttons counting the votes; every other block as it was. */
export function withTally(blocks: readonly Block[], askId: string, tally: VoteTally): Block[] {
  const [up, down] = feedbackButtons(askId, tally);
  const replacement = new Map([up!, down!].map((button) => [button.action_id, button]));
  return blocks.map((block) => {
    if (block.type !== "actions" || !block.elements.some((element) => "action_id" in element && replacement.has(element.action_id ?? ""))) return block;
    const elements = block.elements.map((element) => ("action_id" in element && replacement.get(element.action_id ?? "")) || element);
    // A new block id, as Slack asks of a changed block, so clients redraw it; block ids stay unique.
    return { ...block, elements, block_id: `factdesk-feedback-${tally.up}-${tally.down}` } as Block;
  });
}

/** Asked after a 👎: what was wrong, optionally. The ask id rides in private_metadata. */
export function reasonModal(askId: string): types.ModalView {
  return {
    type: "modal",
    callback_id: FEEDBACK_ACTIONS.reasonModal,
    private_metadata: askId,
    title: { type: "plain_text", text: "What was wrong?" },
    submit: { type: "plain_text", text: "Send to editors" },
    close: { type: "plain_text", text: "Skip" },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: "Thanks: your 👎 is recorded. A few words on what was wrong help the editors fix it." } },
      {
        type: "input",
        block_id: FEEDBACK_ACTIONS.reasonInput,
        optional: true,
        label: { type: "plain_text", text: "What was wrong? (optional)" },
        element: {
          type: "plain_text_input",
          action_id: FEEDBACK_ACTIONS.reasonInput,
          multiline: true,
          max_length: 1000,
          placeholder: { type: "plain_text", text: "For example: the count is out of date, or it answered a different question" },
        },
      },
    ],
  };
}
