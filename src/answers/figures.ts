// Figures in a question or a claim: numbers with their qualifiers, dates and periods, shares and
// ordinals ("the second strike", "the 2nd", "the latest"). Pure text work, shared by the question
// analysis and the fact check.
import type { FactValue } from "../knowledge/types.js";

export type Qualifier = Extract<FactValue, { kind: "count" }>["qualifier"];

export interface ClaimNumber {
  value: number;
  qualifier: Qualifier;
}

export interface CountedNumber extends ClaimNumber {
  /** The words right after the number: what it counts ("attacks" in "61 attacks"). */
  following: string;
  /** As written ("61", "sixty-one", "dozens"). */
  written: string;
  /** A vague amount ("dozens", "hundreds", "several"): never as good as a figure. */
  vague?: boolean;
}

export interface ClaimDate {
  year?: number;
  month?: number;
  day?: number;
  /** "since Oct. 17", "before Oct. 17", "after", "by the end of": how the date bounds what is asked. */
  relation?: "since" | "before" | "after" | "by" | "during";
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_PATTERN = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
/** Is the word a month's name or its short form ("october", "oct")? Its date is the date rules' to judge. */
export const isMonthWord = (word: string) => new RegExp(`^${MONTH_PATTERN}$`).test(word);
const monthNumber = (name: string) => MONTHS.findIndex((month) => month.startsWith(name.slice(0, 3))) + 1;

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
  once: 1, twice: 2, thrice: 3, dozen: 12,
};

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  // Common typos of the first three, which the speller can't fix ("frist" is an English word).
  frist: 1, fisrt: 1, secnd: 2, thrid: 3,
};

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/(at least|no fewer than|no less than|a minimum of)\s*$/, "at_least"],
  [/(more than|over|upwards of|in excess of|above)\s*$/, "more_than"],
  [/(nearly|almost|close to|just under)\s*$/, "nearly"],
  [/(about|around|roughly|approximately|some|an estimated|~)\s*$/, "about"],
  [/(fewer than|less than|under|below)\s*$/, "fewer_than"],
];

const DATE_RELATION = /(since|from|before|prior to|after|following|by|by the end of|as of|until|till|in|during|over|throughout)\s+(?:the\s+)?(?:(?:early|late|mid|end of|start of|beginning of)[- ])?$/;
const relationOf = (before: string): ClaimDate["relation"] => {
  const word = DATE_RELATION.exec(before)?.[1];
  if (!word) return undefined;
  if (word === "since" || word === "from") return "since";
  if (word === "before" || word === "prior to") return "before";
  if (word === "after" || word === "following") return "after";
  if (word === "by" || word === "by the end of" || word === "as of" || word === "until" || word === "till") return "by";
  return "during";
};

/** Where a date was written in the text: [start, end) in characters. */
export interface DateSpan {
  date: ClaimDate;
  start: number;
  end: number;
}

/**
 * Dates in the text ("October 7", "Oct. 17, 2023", "7 October", "January 2020", "in 2011",
 * "december"), where each was written, and the text with them blanked out (same length, so a
 * span found later still points into the text).
 */
export function extractDates(text: string): { dates: ClaimDate[]; spans: DateSpan[]; rest: string } {
  const dates: ClaimDate[] = [];
  const spans: DateSpan[] = [];
  let rest = text.toLowerCase();
  const patterns: [RegExp, (m: RegExpExecArray) => ClaimDate][] = [
    [new RegExp(`\\b${MONTH_PATTERN}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, "g"), (m) => ({ month: monthNumber(m[1]!), day: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) })],
    [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_PATTERN}(?:,?\\s+(\\d{4}))?\\b`, "g"), (m) => ({ month: monthNumber(m[2]!), day: Number(m[1]), ...(m[3] ? { year: Number(m[3]) } : {}) })],
    [new RegExp(`\\b${MONTH_PATTERN}\\s+(\\d{4})\\b`, "g"), (m) => ({ month: monthNumber(m[1]!), year: Number(m[2]) })],
    [/\b(?:in|since|by|of|from|over|during|until|before|after|throughout)\s+((?:19|20)\d{2})\b/g, (m) => ({ year: Number(m[1]) })],
    [/\b((?:19|20)\d{2})\b(?!\s*(?:troops|soldiers|people|attacks|americans))/g, (m) => ({ year: Number(m[1]) })],
    // A month alone is a period of the story's year only where it reads as one ("in December", "what about december").
    [/\b(?:in|since|by|of|from|over|during|until|before|after|through(?:out)?|about|end of|early|late|mid|start of)[- ](january|february|march|april|june|july|august|september|october|november|december)\b/g, (m) => ({ month: monthNumber(m[1]!) })],
  ];
  for (const [pattern, read] of patterns) {
    rest = rest.replace(pattern, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const offset = args[args.length - 2] as number;
      const date = read(match);
      // The word that bounds the date is before it, or leads the match ("in 2011", "since december").
      const lead = /^(since|from|before|after|by|until|in|during|over|through(?:out)?|end of)\b/.exec(match[0])?.[1];
      const relation = relationOf(lead ? `${lead} ` : rest.slice(0, offset));
      const dated = relation ? { ...date, relation } : date;
      dates.push(dated);
      // A leading "in" or "since" is the date's relation, not the date: the span starts after it.
      const leadLength = lead ? /^\S+(?:\s+of)?\s+/.exec(match[0])![0].length : 0;
      spans.push({ date: dated, start: offset + leadLength, end: offset + match[0].length });
      return " ".repeat(match[0].length);
    });
  }
  return { dates, spans, rest };
}

/** Numbers with the qualifier before them: "about 900", "at least 60", "three times", "five dozen", "dozens". */
export function extractNumbers(textWithoutDates: string): CountedNumber[] {
  const numbers: CountedNumber[] = [];
  const text = textWithoutDates.toLowerCase().replace(/(\d),(?=\d{3}\b)/g, "$1").replace(/\b(\d+(?:\.\d+)?)k\b/g, (_, n: string) => String(Number(n) * 1000));
  const pattern =
    /\b(\d+(?:\.\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|once|twice|thrice|dozens|a dozen|hundreds|thousands|several|a few|a handful of|scores of)(?:-(one|two|three|four|five|six|seven|eight|nine))?(\s+(?:dozen|hundred|thousand))?\b(?![- ]way)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const word = match[1]!;
    const before = text.slice(0, match.index);
    // "one of the militias", "one official" are not figures
    if (word === "one" && /^\s+(of|official|another)\b/.test(text.slice(match.index + match[0].length))) continue;
    // "one group or several": one side of a choice the question asks about, not a figure it gives
    if (/^(?:\s+[a-z]+)?\s+or\s+(?:several|many|more|two|three|\d+|multiple|a few)\b/.test(text.slice(match.index + match[0].length))) continue;
    // "the third one", "which one", "that one": a pronoun, not a figure
    if (word === "one" && /\b(the|this|that|which|each|every|another|any|no|last|latest|first|second|third|fourth|fifth|next|other|same|only)\s+$/.test(before)) continue;
    const following = text.slice(match.index + match[0].length).split(/[,.;:]/)[0]!.split(/\s+/).filter(Boolean).slice(0, 6).join(" ");
    const vague = VAGUE_AMOUNTS[word];
    if (vague) {
      numbers.push({ value: vague, qualifier: "at_least", following, written: match[0], vague: true });
      continue;
    }
    let value = /^\d/.test(word) ? Number(word) : (NUMBER_WORDS[word.replace(/^a /, "")] ?? 0);
    if (match[2]) value += NUMBER_WORDS[match[2]] ?? 0;
    const multiplier = match[3]?.trim();
    if (multiplier) value *= NUMBER_WORDS[multiplier] ?? 1;
    const qualifier = QUALIFIERS.find(([signal]) => signal.test(before))?.[1] ?? "exact";
    numbers.push({ value, qualifier, following, written: match[0] });
  }
  return numbers;
}

/** The smallest figure each vague amount stands for: "dozens" is at least 24, "several" at least 3. */
const VAGUE_AMOUNTS: Readonly<Record<string, number>> = { dozens: 24, hundreds: 200, thousands: 2000, several: 3, "a few": 2, "a handful of": 2, "scores of": 40 };

/** "half", "most", "a third" of something: a share with its qualifier. */
export function extractShare(text: string): ClaimNumber | undefined {
  const lower = text.toLowerCase();
  if (/\b(most|majority|bulk)\b/.test(lower) && /\b(of the|of all|of them)\b/.test(lower)) return { value: 0.5, qualifier: "more_than" };
  const fraction = /\b(nearly |almost |about |roughly |more than |over |less than |under )?(half|a third|one third|a quarter|two thirds)\b/.exec(lower);
  if (!fraction) return undefined;
  const value = { half: 0.5, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25, "two thirds": 2 / 3 }[fraction[2] as "half"];
  const qualifier = QUALIFIERS.find(([signal]) => signal.test(fraction[1] ?? ""))?.[1] ?? "exact";
  return { value, qualifier };
}

/** An ordinal the text asks about: 1 for "first", 2 for "2nd", "last" for "latest"/"most recent"/"last". */
export function extractOrdinal(tokens: readonly string[]): number | "last" | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = ORDINAL_WORDS[token];
    // "the first two strikes" are two of them, not the first.
    if (word !== undefined && /^(two|three|four|five|few|\d+)$/.test(tokens[i + 1] ?? "")) continue;
    if (word !== undefined) return word;
    const numbered = /^(\d+)(st|nd|rd|th)$/.exec(token);
    if (numbered) return Number(numbered[1]);
    if (token === "last" || token === "latest" || token === "final" || (token === "recent" && tokens[i - 1] === "most")) return "last";
  }
  return undefined;
}

/** Is the date (year, month, day as known) the same as, or within, the ISO date (YYYY, YYYY-MM or YYYY-MM-DD)? */
export function sameDate(date: ClaimDate, iso: string): boolean {
  const [year, month, day] = iso.split("-").map(Number);
  return (
    (date.year === undefined || date.year === year) &&
    (date.month === undefined || month === undefined || date.month === month) &&
    (date.day === undefined || day === undefined || date.day === day)
  );
}

/** The first day a date can mean, as YYYY-MM-DD, in the story's year when it gives none. */
export function earliestDay(date: ClaimDate, storyYear: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.year ?? storyYear}-${pad(date.month ?? 1)}-${pad(date.day ?? 1)}`;
}
