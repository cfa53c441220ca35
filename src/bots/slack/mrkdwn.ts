// Text for Slack: escaping and fitting within Slack's limits. Pure functions.

/** Slack's limits for what we send (docs.slack.dev, Block Kit reference). */
export const SLACK_LIMITS = Object.freeze({
  sectionText: 3000,
  blocksPerMessage: 50,
  /** A Home tab holds twice a message's blocks. */
  blocksPerView: 100,
  buttonText: 75,
  buttonValue: 2000,
  elementsPerActions: 25,
  contextElements: 10,
  /** Slack truncates a message's top-level text well above this; a notification shows far less. */
  fallbackText: 3000,
  /**
   * The text of a message's blocks in all: Slack refuses more (msg_blocks_too_long). Undocumented
   * for sections; reported at about 12,000 characters, less once the blocks' own structure counts.
   */
  messageText: 12_000,
});

/**
 * Escapes the three characters Slack treats as control characters. Everything we put in mrkdwn or
 * fallback text goes through this, so text from users can never form <!here>, <!channel> or <@U…>.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Splits text into pieces of at most `limit` characters, at a line break or space where possible,
 * never inside an escape such as &amp;. A block quote cut mid-line goes on quoted in the next
 * piece: our text is escaped, so a line starting with a bare ">" is always a quote's.
 */
export function splitText(text: string, limit: number = SLACK_LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = Math.max(rest.lastIndexOf("\n", limit), rest.lastIndexOf(" ", limit));
    if (cut < limit / 2) cut = limit;
    const amp = rest.lastIndexOf("&", cut);
    if (amp > cut - 6 && rest.indexOf(";", amp) >= cut) cut = amp;
    const inQuote = rest[rest.lastIndexOf("\n", cut - 1) + 1] === ">" && rest[cut] !== "\n";
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[ \n]/, "");
    if (inQuote && rest) rest = `>${rest}`;
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** A quoted passage as a mrkdwn block quote, line by line. */
export function blockQuote(escaped: string): string {
  return escaped
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
}
