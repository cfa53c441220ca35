// Step 1: chat text to plain text. Strips Slack and Discord markup (mentions, channel links,
// emoji), formatting characters and control characters, and caps the length.
import { ENGINE_CONFIG } from "./config.js";

const SLACK_LINK = /<(https?:\/\/[^|>]+)\|([^>]*)>/g; // <http://x|label> -> label
const SLACK_OR_DISCORD_TOKEN = /<[@#!][^>]*>|<a?:[\w~]+:\d+>|<t:\d+(?::\w)?>|<https?:[^>]*>/g;
const BARE_PINGS = /@(?:everyone|here|channel)\b/gi;
const URL = /\bhttps?:\/\/\S+/g;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Control characters except tab and newline, which become spaces below anyway.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const FORMATTING = /[*_~`>|]+/g;
// A Markdown heading's or list's marker at the start of a line ("# how many...", "- check ...").
const LINE_MARKER = /^[ \t]*(?:#{1,6}|[-+]|\d+[.)])[ \t]+/gm;
// No word a person types is this long: such runs are pasted noise, dropped so they can't drown a question.
const NOISE_RUN = /\S{41,}/g;

/** Plain, single-spaced text a person meant to ask, at most maxQuestionChars long. */
export function cleanChatText(raw: string): string {
  // Cut before the regexes so 100 KB of input costs no more than a normal question.
  const head = raw.slice(0, ENGINE_CONFIG.maxQuestionChars * 4);
  const plain = head
    .replace(LINE_MARKER, "")
    .replace(SLACK_LINK, "$2")
    .replace(SLACK_OR_DISCORD_TOKEN, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(BARE_PINGS, " ")
    .replace(URL, " ")
    .replace(INVISIBLE, "")
    .replace(CONTROL, " ")
    .replace(FORMATTING, " ")
    .replace(NOISE_RUN, " ")
    .replace(/\s+/g, " ")
    .trim();
  return capLength(plain, ENGINE_CONFIG.maxQuestionChars);
}

function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
}
