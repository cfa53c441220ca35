// Reads the checkable specifics out of a claim: numbers with their qualifiers, dates, shares,
// negation, comparisons, identity and attribution words. Pure text work; check.ts judges them.
import type { FactValue } from "../knowledge/types.js";

export type Qualifier = Extract<FactValue, { kind: "count" }>["qualifier"];

export interface ClaimNumber {
  value: number;
  qualifier: Qualifier;
}

export interface CountedNumber extends ClaimNumber {
  /** The words right after the number: what it counts ("attacks" in "61 attacks"). */
  following: string;
}

export interface ClaimDate {
  year?: number;
  month?: number;
  day?: number;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_PATTERN = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const monthNumber = (name: string) => MONTHS.findIndex((month) => month.startsWith(name.slice(0, 3))) + 1;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
  once: 1, twice: 2, thrice: 3, dozen: 12,
};

// "one-way drones" holds no number.
const NUMBER_WORD_PATTERN = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join("|")})\\b(?![- ]way)`, "g");

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/(at least|no fewer than|no less than|a minimum of)\s*$/, "at_least"],
  [/(more than|over|upwards of|in excess of|above)\s*$/, "more_than"],
  [/(nearly|almost|close to|just under)\s*$/, "nearly"],
  [/(about|around|roughly|approximately|some|an estimated|~)\s*$/, "about"],
  [/(fewer than|less than|under|below)\s*$/, "fewer_than"],
];

/** Dates in the claim ("October 7", "Oct. 17, 2023", "7 October", "January 2020", "in 2011"), and the claim with them removed. */
export function extractDates(text: string): { dates: ClaimDate[]; rest: string } {
  const dates: ClaimDate[] = [];
  let rest = text.toLowerCase();
  const patterns: [RegExp, (m: RegExpExecArray) => ClaimDate][] = [
    [new RegExp(`\\b${MONTH_PATTERN}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, "g"), (m) => ({ month: monthNumber(m[1]!), day: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) })],
    [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_PATTERN}(?:,?\\s+(\\d{4}))?\\b`, "g"), (m) => ({ month: monthNumber(m[2]!), day: Number(m[1]), ...(m[3] ? { year: Number(m[3]) } : {}) })],
    [new RegExp(`\\b${MONTH_PATTERN}\\s+(\\d{4})\\b`, "g"), (m) => ({ month: monthNumber(m[1]!), year: Number(m[2]) })],
    [/\b(?:in|since|by|of|from)\s+((?:19|20)\d{2})\b/g, (m) => ({ year: Number(m[1]) })],
  ];
  for (const [pattern, read] of patterns) {
    rest = rest.replace(pattern, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      dates.push(read(match));
      return " ";
    });
  }
  return { dates, rest };
}

/** Numbers with the qualifier before them: "about 900", "at least 60", "three times", "five dozen". */
export function extractNumbers(textWithoutDates: string): CountedNumber[] {
  const numbers: CountedNumber[] = [];
  const text = textWithoutDates.replace(/(\d),(?=\d{3}\b)/g, "$1");
  const pattern = /\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|once|twice|thrice|dozens|a dozen|hundreds|thousands)(\s+(?:dozen|hundred|thousand))?\b(?![- ]way)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const word = match[1]!;
    const before = text.slice(0, match.index);
    const following = text.slice(match.index + match[0].length).split(/[,.;:]/)[0]!.split(/\s+/).filter(Boolean).slice(0, 4).join(" ");
    if (word === "dozens" || word === "hundreds" || word === "thousands") {
      numbers.push({ value: word === "dozens" ? 24 : word === "hundreds" ? 200 : 2000, qualifier: "at_least", following });
      continue;
    }
    let value = /^\d/.test(word) ? Number(word) : (NUMBER_WORDS[word.replace(/^a /, "")] ?? 0);
    const multiplier = match[2]?.trim();
    if (multiplier) value *= NUMBER_WORDS[multiplier] ?? 1;
    const qualifier = QUALIFIERS.find(([signal]) => signal.test(before))?.[1] ?? "exact";
    numbers.push({ value, qualifier, following });
  }
  return numbers;
}

/** "half", "most", "a third" of something: a share with its qualifier. */
export function extractShare(text: string): ClaimNumber | undefined {
  const lower = text.toLowerCase();
  if (/\b(most|majority|bulk)\b/.test(lower) && /\b(of the|of all)\b/.test(lower)) return { value: 0.5, qualifier: "more_than" };
  const fraction = /\b(nearly |almost |about |roughly |more than |over |less than |under )?(half|a third|one third|a quarter|two thirds)\b/.exec(lower);
  if (!fraction) return undefined;
  const value = { half: 0.5, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25, "two thirds": 2 / 3 }[fraction[2] as "half"];
  const qualifier = QUALIFIERS.find(([signal]) => signal.test(fraction[1] ?? ""))?.[1] ?? "exact";
  return { value, qualifier };
}

export const isNegated = (text: string) => /\b(no|not|never|none|nobody|neither|nor|without)\b|n't\b/i.test(text);
export const assertsSameness = (text: string) => /\b(same|part of|branch of|wing of|arm of|belongs? to|affiliate of|offshoot of|subsidiary of|one and the same|identical)\b/i.test(text);
export const assertsSeparateness = (text: string) => /\b(separate|different|distinct|independent|unrelated|not the same|not part of)\b/i.test(text);
export const isAttributed = (text: string) => /\b(said|says|say|according to|claims?|claimed|reported|reports|per|told|alleges?|alleged|officials believe)\b/i.test(text);

/** "more attacks in Iraq than in Syria": which side the claim says is larger, if it compares. */
export function comparison(text: string): "first_larger" | "first_smaller" | undefined {
  const lower = text.toLowerCase();
  if (!/\bthan\b/.test(lower)) return undefined;
  if (/\b(more|greater|larger|higher|most)\b/.test(lower)) return "first_larger";
  if (/\b(fewer|less|smaller|lower)\b/.test(lower)) return "first_smaller";
  return undefined;
}

export interface ClaimPart {
  /** The clause as the user wrote it. */
  claim: string;
  /** Words borrowed from the first clause for understanding ("61 attacks, 29 of them in Syria"). */
  context: string;
}

/** A text with several claims becomes one clause per claim: sentences, and clauses that each carry their own figure. */
export function splitClaims(text: string): ClaimPart[] {
  const sentences = text
    .split(/(?<!\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Gen|Lt|Col|Sgt|Mr|Mrs|Ms|Dr|St|U\.S|No)\.)(?<=[.!?])\s+(?=[A-Z"'“\d])|;\s*/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  return sentences.flatMap((sentence) => {
    const parts = sentence.split(/,\s+(?:and\s+|but\s+|while\s+)?|\s+(?:and|but|while)\s+(?=(?:\w+\s+){0,3}\d)/);
    const withFigures = parts.filter((part) => /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|half|dozen)\b/i.test(part));
    if (parts.length < 2 || withFigures.length < 2 || withFigures.length !== parts.length) return [{ claim: sentence, context: "" }];
    const context = parts[0]!.replace(/[\d,.]+|\b(about|around|at least|more than|nearly)\b/gi, " ").trim();
    return parts.map((part, i) => ({ claim: part, context: i === 0 ? "" : context }));
  });
}

/** The claim without its figures, dates and qualifiers: the words that say what it is about. */
export function claimTopicText(text: string): string {
  return extractDates(text)
    .rest.replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/\b\d+(\.\d+)?\b/g, " ")
    .replace(NUMBER_WORD_PATTERN, " ")
    .replace(/\b(at least|more than|fewer than|less than|nearly|almost|about|around|roughly|approximately|only|just|over|under|than|a dozen|dozens?|hundreds|thousands|half|most|majority)\b/g, " ");
}
