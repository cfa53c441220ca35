// Slack's message markup turned into the plain text the engine reads. Slack sends &, < and >
// escaped and wraps mentions, links and channels in <...>; none of that is part of a question.
import { ENGINE_CONFIG } from "../../answers/config.js";
import { clipRequest } from "../clip.js";
import type { Request } from "../conversation.js";

/** The bot's own mention is dropped; other mentions, links and channels keep only their label. */
export function plainTextFromSlack(text: string, botUserId?: string): string {
  return clipRequest(text)
    .replace(/<([^<>]*)>/g, (_match, inner: string) => {
      const [target = "", label] = inner.split("|", 2);
      if (target.startsWith("@")) return target.slice(1) === botUserId || !label ? " " : ` ${label} `;
      if (target.startsWith("!")) return " "; // <!here>, <!channel>, <!subteam^…>, <!date^…>
      if (target.startsWith("#")) return label ? ` #${label} ` : " ";
      return label ?? target; // a link: its label, or the address itself
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Where a reply to a channel message goes: the thread the message is in, or a new one under it. */
export function threadOf(message: { ts: string; thread_ts?: string | undefined }): string {
  return message.thread_ts ?? message.ts;
}

/** Where an exchange happens, as the desk keys conversations: a channel's thread, a DM, or a DM's thread. */
export function conversationIn(team: string, channel: string, thread?: string): string {
  return `${team}:${channel}${thread ? `:${thread}` : ""}`;
}

/**
 * A question longer than the engine reads (a pasted draft, several questions at once) would be
 * answered from its start alone: it gets a short reply instead. A claim to check is never too long.
 */
export function tooLongToAsk(request: Request): boolean {
  return request.kind === "ask" && request.question.length > ENGINE_CONFIG.maxQuestionChars;
}
