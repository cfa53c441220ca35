// Slack's message markup turned into the plain text the engine reads. Slack sends &, < and >
// escaped and wraps mentions, links and channels in <...>; none of that is part of a question.
import { clipRequest } from "../clip.js";

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
