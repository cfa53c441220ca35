// The 👍/👎 row under a Discord answer, and the same row counting the votes after a click. Pure.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from "discord.js";
import type { VoteTally } from "../../store/feedback.js";

/** factdesk:vote:up:<ask id> and factdesk:vote:down:<ask id>. */
export const VOTE_BUTTON_PREFIX = "factdesk:vote:";
export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export function voteButtons(askId: string, tally?: VoteTally): APIButtonComponent[] {
  const button = (choice: "up" | "down", emoji: string, label: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    emoji: { name: emoji },
    label: tally?.[choice] ? `${label} · ${tally[choice]}` : label,
    custom_id: `${VOTE_BUTTON_PREFIX}${choice}:${askId}`,
  });
  return [button("up", "👍", "Helpful"), button("down", "👎", "Not right")];
}

/** The message's rows with the vote buttons counting the votes; every other button as it was. */
export function withTally(rows: readonly ButtonRow[], askId: string, tally: VoteTally): ButtonRow[] {
  const counted = new Map(voteButtons(askId, tally).map((button) => ["custom_id" in button ? button.custom_id : "", button]));
  return rows.map((row) => ({ ...row, components: row.components.map((button) => ("custom_id" in button && counted.get(button.custom_id)) || button) }));
}
