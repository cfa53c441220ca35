// The "Post publicly" button under a private answer, and the rows with it left out or spent. Pure.
import { ButtonStyle, ComponentType, type APIButtonComponent, type APIButtonComponentWithCustomId } from "discord.js";
import type { ButtonRow } from "./vote-buttons.js";

/** factdesk:post:<ask id>. */
export const POST_BUTTON_PREFIX = "factdesk:post:";

export function postButton(askId: string): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Primary, label: "Post publicly", custom_id: `${POST_BUTTON_PREFIX}${askId}` };
}

const isPostButton = (button: APIButtonComponent): button is APIButtonComponentWithCustomId => "custom_id" in button && button.custom_id.startsWith(POST_BUTTON_PREFIX);

/** The rows as the channel gets them: without the Post button (and without a row it leaves empty). */
export function withoutPostButton(rows: readonly ButtonRow[]): ButtonRow[] {
  return rows.map((row) => ({ ...row, components: row.components.filter((button) => !isPostButton(button)) })).filter((row) => row.components.length > 0);
}

/** The private copy's rows once posted: the Post button spent, saying so. */
export function spentPostButton(rows: readonly ButtonRow[]): ButtonRow[] {
  const posted = (button: APIButtonComponentWithCustomId): APIButtonComponent => ({ ...button, label: "Posted", style: ButtonStyle.Success, disabled: true });
  return rows.map((row) => ({ ...row, components: row.components.map((button) => (isPostButton(button) ? posted(button) : button)) }));
}

