// The App Home tab: published for each person when they open it, from the desk's help card, so it
// always says what the loaded data covers. The Messages tab is FactDesk's DM, answered in listeners.ts.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { AnswerDeps } from "./answering.js";
import { renderHome } from "./blocks.js";

/**
 * No delivery claim: publishing the same view again (Slack's retry of the event) changes nothing.
 * A failure is logged; the person sees the Home tab as it was and can open it again.
 */
export function onHomeOpened(deps: Pick<AnswerDeps, "desk" | "logger">) {
  return async ({ event, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== "home") return;
    try {
      const reply = await deps.desk.respond({ kind: "help" });
      if (reply.kind !== "help") throw new Error(`expected help, got ${reply.kind}`);
      await client.views.publish({ user_id: event.user, view: renderHome(reply.help) });
    } catch (error) {
      deps.logger.error({ err: error, user: event.user }, "could not publish the Home tab");
    }
  };
}
