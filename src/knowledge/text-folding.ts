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
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\b(can)['\u2019]t\b/g, "$1 not")
    .replace(/\bwon['\u2019]t\b/g, "will not")
    .replace(/n['\u2019]t\b/g, " not")
    .replace(/['\u2019](re|ve|ll|d|m)\b/g, "")
    .replace(/['\u2018\u2019\u02BC`]s\b/g, "")
    .replace(/['\u2018\u2019\u02BC`]/g, "")
    .replace(/\b([a-z])\.(?=[a-z]\b\.?)/g, "$1")
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .split(/[^\p{L}\p{N}#&]+/u)
    .filter((token) => token.length > 0);
}

/** The key two aliases collide on: their tokens, without a leading "the". */
export function aliasKey(alias: string): string {
  const tokens = wordTokens(alias);
  if (tokens[0] === "the" && tokens.length > 1) tokens.shift();
  return tokens.join(" ");
}
