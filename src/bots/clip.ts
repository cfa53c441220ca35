// Fitting text into a platform's length limit: Slack and Discord both cut the same way. And the
// other direction: what people send is cut before any text work, so its size costs nothing.

/**
 * The most of a question or claim anything reads: a long paragraph from a draft. The engine reads
 * 2,000 characters; Slack allows 40,000 in a message and a forged request can carry a megabyte.
 */
export const MAX_REQUEST_CHARS = 4000;
/** Autocomplete matches what was typed against questions of at most 100 characters (a choice's limit). */
export const MAX_TYPED_CHARS = 100;

/** The start of what someone sent, at most MAX_REQUEST_CHARS long: cut before any regex or search. */
export function clipRequest(text: string, limit: number = MAX_REQUEST_CHARS): string {
  return text.length > limit ? text.slice(0, limit) : text;
}

/** Cuts text to at most `limit` characters, ending with an ellipsis when cut. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit - 1).trimEnd()}…`;
}
