// Fitting text into a platform's length limit: Slack and Discord both cut the same way.

/** Cuts text to at most `limit` characters, ending with an ellipsis when cut. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit - 1).trimEnd()}…`;
}
