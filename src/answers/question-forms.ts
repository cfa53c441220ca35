// The form of a question: what kind of answer it wants (a count, a date, a place, a person or
// group, a reason, a manner, yes or no, or a description) and, for a count, what is counted; for
// "which base" or "what weapons", the kind of thing the answer names. Read from the question's
// tokens before stopwords are dropped; pure.

export type QuestionType = "count" | "when" | "where" | "who" | "why" | "how" | "yesno" | "what";

export const QUESTION_TYPES: readonly QuestionType[] = ["count", "when", "where", "who", "why", "how", "yesno", "what"];

// Each kind of question and the words that signal it; the earliest signal in the question wins,
// so "why ... when half the attacks were in Iraq" is a why-question.
const TYPE_SIGNALS: readonly [QuestionType, RegExp][] = [
  ["count", / how (many|much|often) | (number|numbers|count|tally|total|toll|tallies|figure|figures|split|breakdown|share|proportion|percentage) (of|on|from|for|in|by) | (toll|tally|count|total) /g],
  ["when", / when | (what|which|whats) (is |was |are )?(the )?(date|dates|day|days|time|month|year|week) | since when | how long | dates? of /g],
  ["where", / where | (what|which) (base|bases|city|cities|country|countries|place|places|location|locations|town|towns|district|districts|province|provinces|site|sites|area|areas|region|part) /g],
  ["who", / who | whom | whose | (what|which) (group|groups|militia|militias|faction|factions|person|people|official|officials|leader|leaders|organization|organizations|organisation|agency|outlet|writer|reporter) /g],
  ["why", / why | how come | (reason|reasons|motive|motives|rationale|purpose|point|goal|aim|aims|argument|justification|case|logic|thinking) (of|for|behind|is|was) | (what|which) (reason|reasons|motive|purpose|goal|aim) | what for | for what /g],
  ["how", / how (did|does|do|is|are|was|were|has|have|had|can|could|would|will|badly|effective|successful|big|bad|serious) /g],
  // "How old is he?", "how far is it": a measure the answer would be a figure of.
  ["count", / how (old|tall|far|expensive|heavy|wide|deep|high) /g],
  // "What are US troops doing in Syria?": what for.
  ["why", / what (are|is|was|were) .{1,40} doing /g],
];

const YES_NO_OPENERS = new Set(["is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could", "will", "would", "should", "isnt", "arent", "wasnt", "didnt", "hasnt", "havent"]);

/** Words that end the phrase naming what is counted ("how many American soldiers | are based in Syria"). */
const PHRASE_ENDS = new Set([
  "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might",
  "in", "on", "at", "from", "by", "since", "during", "near", "for", "against", "to", "into", "inside", "across", "after", "before", "between", "over", "under", "with", "without", "so", "as", "according",
  "and", "or", "that", "who", "which", "when", "where", "why", "how", "than",
]);
const COUNT_OPENERS: readonly (readonly string[])[] = [["how", "many"], ["how", "much"], ["number", "of"], ["numbers", "of"], ["count", "of"], ["tally", "of"], ["total", "of"], ["share", "of"], ["proportion", "of"], ["percentage", "of"], ["toll", "of"], ["#", "of"], ["split", "of"], ["breakdown", "of"]];
/** Count words that follow what they count ("the casualty toll", "the attack count"). */
const COUNT_NOUNS = new Set(["toll", "tally", "count", "total", "figure", "tallies", "split", "breakdown", "number", "numbers"]);
/** Words that never say what is counted. */
const NOT_COUNTED = new Set(["the", "a", "an", "of", "these", "those", "such", "all", "total", "overall", "so", "far", "now", "exactly", "really", "actually", "times", "time"]);

export interface QuestionForm {
  type: QuestionType;
  /** In a count, the words of what is counted ("us troops", "attacks"), or of the events ("times ... responded"). */
  counted?: readonly string[];
  /** The verb said of what is counted ("injured" in "how many troops were injured"), if any. */
  predicate?: string;
  /** "how often", "how many times": the question counts events of its predicate. */
  countsEvents?: boolean;
  /** "which base", "what weapons", "what kind of injuries": the kind of thing the answer names. */
  category?: string;
}

/**
 * The question's form, from its lower-case tokens. `isVerb` says whether a word can be a verb
 * (from WordNet), to find the predicate of a count.
 */
export function questionForm(tokens: readonly string[], isVerb: (word: string) => boolean = () => true, isNoun: (word: string) => boolean = () => true): QuestionForm {
  const type = questionType(tokens);
  const category = categoryOf(tokens, isNoun);
  if (type !== "count") return { type, ...(category ? { category } : {}) };
  return { type, ...countedOf(tokens, isVerb), ...(category ? { category } : {}) };
}

export function questionType(tokens: readonly string[]): QuestionType {
  const first = tokens.findIndex((token) => !FIRST_WORD_FILLER.has(token));
  // "Was the contractor who died hit by a drone?": a question that opens with its verb is a yes/no
  // question, whatever question words follow in its clauses.
  // ... unless it ends on a choice ("Did the strikes hit Iraq or Syria?"): that asks which.
  const choice = tokens.length >= 3 && tokens[tokens.length - 2] === "or" && tokens[tokens.length - 1] !== "not" && tokens[tokens.length - 1] !== "no";
  if (YES_NO_OPENERS.has(tokens[first] ?? "") && !/^(is|are|was|were)$/.test(tokens[first + 1] ?? "")) return choice ? "what" : "yesno";
  const padded = ` ${tokens.join(" ")} `;
  // "What did they do when ISIL invaded?": after an opening "what" or "which", a later when, where
  // or who starts a clause, not the question.
  const opensWithWhat = tokens[first] === "what" || tokens[first] === "whats" || tokens[first] === "which";
  const clauseStart = opensWithWhat ? ` ${tokens.slice(0, first + 3).join(" ")} `.length : Infinity;
  let best: { type: QuestionType; at: number } | undefined;
  for (const [type, signal] of TYPE_SIGNALS) {
    signal.lastIndex = 0;
    for (let match = signal.exec(padded); match; match = signal.exec(padded)) {
      const subordinate = (type === "when" || type === "where" || type === "who") && match.index >= clauseStart;
      if (!subordinate) {
        if (!best || match.index < best.at) best = { type, at: match.index };
        break;
      }
    }
  }
  if (best) return best.type;
  // "what's the ... for?" asks for a purpose
  if (tokens[tokens.length - 1] === "for" && (tokens[0] === "what" || tokens[0] === "whats")) return "why";
  return "what";
}

/** Words that may open a yes/no question before its verb ("so, is ...", "and did ..."). */
const FIRST_WORD_FILLER = new Set(["so", "and", "but", "ok", "okay", "also", "hey", "wait", "quick", "q", "factdesk"]);

function countedOf(tokens: readonly string[], isVerb: (word: string) => boolean): Pick<QuestionForm, "counted" | "predicate" | "countsEvents"> {
  const measure = tokens.findIndex((token, i) => tokens[i - 1] === "how" && /^(old|tall|far|expensive|heavy|wide|deep|high)$/.test(token));
  if (measure > 0) return { counted: [tokens[measure]!] };
  let start = -1;
  for (let i = 0; i < tokens.length && start < 0; i++) {
    for (const opener of COUNT_OPENERS) if (opener.every((word, k) => tokens[i + k] === word)) start = i + opener.length;
  }
  const counted: string[] = [];
  let end = start;
  if (start >= 0) {
    if (tokens[start] === "often") return { countsEvents: true, ...predicateAfter(tokens, start + 1, isVerb) };
    let i = start;
    if (tokens[i] === "of") i++;
    while (i < tokens.length && (tokens[i] === "the" || tokens[i] === "these" || tokens[i] === "those" || tokens[i] === "our" || tokens[i] === "its")) i++;
    for (; i < tokens.length && !PHRASE_ENDS.has(tokens[i]!); i++) {
      // "how many troops died": a verb right after the counted word is the predicate, not part of the name
      if (counted.length > 0 && isVerb(tokens[i]!) && !isNounLike(tokens[i]!)) break;
      if (!NOT_COUNTED.has(tokens[i]!)) counted.push(tokens[i]!);
    }
    end = i;
    if (tokens[start] === "times" || tokens[start] === "time") return { countsEvents: true, ...predicateAfter(tokens, start + 1, isVerb) };
  } else {
    // "the casualty toll", "what's the attack count": the words before the count noun; "the
    // iraq vs syria split on the attacks": the words after it, when those before name places.
    const at = tokens.findIndex((token) => COUNT_NOUNS.has(token));
    for (let i = at - 1; i >= 0 && i >= at - 2; i--) {
      if (PHRASE_ENDS.has(tokens[i]!) || NOT_COUNTED.has(tokens[i]!) || tokens[i] === "whats" || tokens[i] === "what" || tokens[i] === "versus") break;
      counted.unshift(tokens[i]!);
    }
    end = at + 1;
    if (counted.length === 0 && at >= 0 && ["of", "on", "for", "in"].includes(tokens[at + 1] ?? "")) {
      let i = at + 2;
      while (tokens[i] === "the" || tokens[i] === "these" || tokens[i] === "those") i++;
      for (; i < tokens.length && !PHRASE_ENDS.has(tokens[i]!); i++) if (!NOT_COUNTED.has(tokens[i]!)) counted.push(tokens[i]!);
      end = i;
    }
  }
  return { ...(counted.length ? { counted } : {}), ...predicateAfter(tokens, end, isVerb) };
}

/** Past participles and verbs people put after what they count: "killed", "injured", "hurt". */
function isNounLike(word: string): boolean {
  return !/(ed|en)$/.test(word) && !["hurt", "died", "die", "hit", "struck", "fired", "launched", "lost", "got", "sent"].includes(word);
}

/** The first content verb from position `from` on: what the question says of what it counts. */
function predicateAfter(tokens: readonly string[], from: number, isVerb: (word: string) => boolean): { predicate?: string } {
  let doSupport = false;
  let subject = false;
  for (let i = Math.max(0, from); i < tokens.length; i++) {
    const token = tokens[i]!;
    if (DO_SUPPORT.has(token)) doSupport = true;
    // "did the strikes cost": a word after a determiner is a noun.
    if (AUXILIARIES.has(token) || AFTER_DETERMINER.test(tokens[i - 1] ?? "")) {
      subject ||= doSupport && AFTER_DETERMINER.test(tokens[i - 1] ?? "");
      continue;
    }
    if (PHRASE_ENDS.has(token)) {
      if (token === "and" || token === "than") break;
      continue;
    }
    if (isVerb(token)) return { predicate: token };
    // After "did the three airstrikes", the word before an object or the end is the verb,
    // whatever else it may be: "cost" in "did the strikes cost (us)?".
    const next = tokens[i + 1];
    if (subject && (next === undefined || OBJECT_WORDS.has(next) || PHRASE_ENDS.has(next))) return { predicate: token };
  }
  return {};
}

const AFTER_DETERMINER = /^(the|a|an|these|those|this|that|its|their|our|his|her)$/;
const DO_SUPPORT = new Set(["do", "does", "did"]);
const AUXILIARIES = new Set(["is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did", "will", "would", "can", "could", "should", "get", "got", "gotten", "the", "us", "u", "s", "they", "it", "there", "so", "far", "now", "actually", "really"]);

/** Words after which the word before is a verb, not a noun ("what set this off", "what hit the base"). */
const OBJECT_WORDS = new Set(["this", "that", "it", "them", "him", "her", "the", "a", "an", "off", "up", "out", "us", "these", "those"]);

/** "which base", "what weapons", "what kind of injuries", "what type of drones": the noun the answer is one of. */
function categoryOf(tokens: readonly string[], isNoun: (word: string) => boolean): string | undefined {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i] !== "which" && tokens[i] !== "what" && tokens[i] !== "whats") continue;
    let j = i + 1;
    if ((tokens[j] === "kind" || tokens[j] === "kinds" || tokens[j] === "type" || tokens[j] === "types" || tokens[j] === "sort") && tokens[j + 1] === "of") j += 2;
    const noun = tokens[j];
    if (!noun || PHRASE_ENDS.has(noun) || AUXILIARIES.has(noun) || noun === "the" || noun === "a" || noun === "happened") continue;
    if (!isNoun(noun) || OBJECT_WORDS.has(tokens[j + 1] ?? "")) continue;
    return noun;
  }
  return undefined;
}
