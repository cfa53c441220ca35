// 👍 and 👎 under an answer: the vote is recorded against the ask id the button carries (one per
// person; a second click changes it), the buttons then count the votes, and a 👎 opens a modal
// asking, optionally, what was wrong. The user is never left waiting on the store. Votes need no
// delivery claim (listeners.ts): a replayed click records the same vote again, which changes nothing.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, types, ViewSubmitAction } from "@slack/bolt";
import type { VoteTally } from "../../store/feedback.js";
import { isAskId, type Voter } from "../conversation.js";
import { renderNotice } from "./blocks.js";
import { FEEDBACK_ACTIONS, reasonModal, withTally } from "./feedback-blocks.js";
import type { SlackDeps } from "./listeners.js";

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function onFeedback(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const askId = action.value;
    if (!isAskId(askId)) return void deps.logger.warn({ value: action.value }, "a feedback button without an ask id");
    const choice = action.action_id.endsWith(":down") ? "down" : "up";
    const voter: Voter = { platform: "slack", userId: body.user.id };
    // The modal first: its trigger_id lapses three seconds after the click, whatever the store is doing.
    if (choice === "down") {
      await client.views.open({ trigger_id: body.trigger_id, view: reasonModal(askId) }).catch((error: unknown) => deps.logger.warn({ err: error }, "could not open the feedback modal"));
    }
    let tally: VoteTally | undefined;
    try {
      tally = await deps.desk.vote(askId, voter, choice);
    } catch (error) {
      deps.logger.error({ err: error, askId }, "could not record a vote");
    }
    deps.logger.info({ feedback: choice, askId, user: body.user.id, recorded: tally !== undefined }, "feedback");
    const message = body.message as { text?: string; blocks?: types.KnownBlock[] } | undefined;
    const shown =
      tally && message?.blocks
        ? respond({ replace_original: true, text: message.text ?? "", blocks: withTally(message.blocks, askId, tally) })
        : choice === "up"
          ? respond({ response_type: "ephemeral", replace_original: false, ...renderNotice("Thanks, your 👍 is recorded for the editors.") })
          : undefined;
    await shown?.catch((error: unknown) => deps.logger.error({ err: error }, "could not show the vote"));
  };
}

/** The 👎 modal submitted: its reason is kept with the vote. */
export function onFeedbackReason(deps: SlackDeps) {
  return async ({ ack, view, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const askId = view.private_metadata;
    const reason = view.state.values[FEEDBACK_ACTIONS.reasonInput]?.[FEEDBACK_ACTIONS.reasonInput]?.value ?? "";
    if (!isAskId(askId) || !reason.trim()) return; // the 👎 itself was recorded on the click
    try {
      await deps.desk.explainVote(askId, { platform: "slack", userId: body.user.id }, reason);
      deps.logger.info({ askId, user: body.user.id }, "feedback reason");
    } catch (error) {
      deps.logger.error({ err: error, askId }, "could not record the reason for a vote");
    }
  };
}
