// How text is folded before two strings are compared: shared by the validator (are these quotes
// and aliases the same?) and the engine (does this question name that alias?).

/** Curly quotes to straight ones, runs of white space to one space. Used for verbatim quote checks. */
export function foldQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Lower-case word tokens: accents dropped, apostrophes removed ("Kata'ib" -> "kataib"), possessives and contractions folded ("Iraq's" -> "iraq", "hasn't" -> "has not"), hyphens,
 * slashes and other punctuation split words ("al-Sudani" -> "al sudani"). A dot inside an
 * abbreviation is dropped ("U.S." -> "us"), and so is a thousands comma ("2,000" -> "2000").
 */
export function wordTokens(text: string): string[] {
  // Fast paths: most text is plain ASCII without apostrophes, and skips those passes.
  let folded = /[^\x00-\x7f]/.test(text) ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : text;
  folded = folded.toLowerCase();
  if (/['\u2018\u2019\u02BC`]/.test(folded)) {
    folded = folded
      .replace(/\b(can)['\u2019]t\b/g, "$1 not")
      .replace(/\bwon['\u2019]t\b/g, "will not")
      .replace(/n['\u2019]t\b/g, " not")
      .replace(/['\u2019](re|ve|ll|d|m)\b/g, "")
      .replace(/['\u2018\u2019\u02BC`]s\b/g, "")
      .replace(/['\u2018\u2019\u02BC`]/g, "");
  }
  if (folded.includes(".")) folded = folded.replace(/\b([a-z])\.(?=[a-z]\b\.?)/g, "$1");
  if (folded.includes(",")) folded = folded.replace(/(\d),(?=\d{3}\b)/g, "$1");
  return splitWords(folded);
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/** Splits at every character that is not a letter, a digit, # or &: a hand loop, since this runs on every text at start-up. */
function splitWords(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const inWord =
      (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 35 || code === 38 || (code > 127 && WORD_CHARACTER.test(String.fromCodePoint(code)));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      tokens.push(text.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) tokens.push(text.slice(start));
  return tokens;
}

/** The key two aliases collide on: their tokens, without a leading "the". */
export function aliasKey(alias: string): string {
  const tokens = wordTokens(alias);
  if (tokens[0] === "the" && tokens.length > 1) tokens.shift();
  return tokens.join(" ");
}
