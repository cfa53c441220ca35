// A text to check, split into the claims it makes, on its clause structure: sentences; clauses
// joined by "and", "but" or a semicolon that each say something ("and all are back on duty", "and
// roughly 900 in Syria"); relative clauses that add a claim (", in which at least 1,200 people
// were killed"). A phrase that only lists things ("in Iraq and Syria", "a training facility and a
// safe house") stays whole. A later clause borrows the words of the first that it leaves out.
import { extractDates, extractNumbers } from "../figures.js";

export interface ClaimPart {
  /** The clause as the user wrote it. */
  claim: string;
  /** Words borrowed from the first clause for understanding ("The US has ... troops" for "roughly 900 in Syria"). */
  context: string;
}

/** Chatter before a draft line: "draft line:", "draft:", "fyi", "fact check:". */
const LEADS = /^\s*(?:(?:draft(?:\s+line)?|fyi|fact[- ]?check(?:\s+this)?|check(?:\s+this)?|verify(?:\s+this)?|is\s+it\s+true(?:\s+that)?|true\s+or\s+false)\s*[:,-]?\s+)+/i;

const SENTENCE_END = /(?<!\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Gen|Lt|Col|Sgt|Mr|Mrs|Ms|Dr|St|U\.S|No)\.)(?<=[.!?])\s+(?=[A-Z"'“\d])|;\s*/;

/** Where one clause may end and another begin. */
const CLAUSE_JOINS = /,?\s+(?:even though|although|though|whereas|even as)\s+|,\s+(?:and|but|while)\s+|\s+(?:and|but|while)\s+|,\s+(?=(?:in which|where|which|who|when)\s)|,\s+(?=(?:about|around|roughly|at least|nearly|some\s+)?\d)/g;

/** Verbs (and the words that start a verb phrase) that make a joined part a clause of its own. */
const VERB = "(?<!-)(?:is|are|was|were|has|have|had|be|been|will|would|did|does|do|said|says|led|left|came|went|met|warned|traveled|travelled|struck|hit|killed|died|caused|used|fought|returned|remain|remains|number|numbered|blamed|denied|considered|viewed|supported|backed|promised|pressured|targeted|damaged|rendered|launched|moved|sent|deployed|[a-z]+ed)";
/** A joined part that opens with a verb (within its first words) says something of its own ("and all are back on duty"). */
const CLAUSE_VERB = new RegExp(`^(?:[\\w']+\\s+){0,3}?${VERB}\\b`, "i");
/** A part with a verb anywhere is a clause ("At least 60 troops have been hurt"). */
const ANY_VERB = new RegExp(`\\b${VERB}\\b`, "i");

export function splitClaims(raw: string): ClaimPart[] {
  const text = raw.replace(LEADS, "").trim();
  const sentences = text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  return sentences.flatMap((sentence) => splitSentence(sentence));
}

function splitSentence(sentence: string): ClaimPart[] {
  const pieces: string[] = [];
  let last = 0;
  for (const match of sentence.matchAll(CLAUSE_JOINS)) {
    const left = sentence.slice(last, match.index).trim();
    const rest = sentence.slice(match.index! + match[0].length);
    const right = rest.split(CLAUSE_JOINS)[0]!.trim();
    const relative = /^(in which|where|which|who|when)\s/i.test(rest);
    const subordinate = /\b(even though|although|though|whereas|even as)\s*$/i.test(match[0]);
    // A joined part is a clause of its own when it has a verb, or a figure beside one of the part
    // before ("about 2,000 in Iraq and about 900 in Syria"); else it lists ("in Iraq and Syria 61 times").
    const ownClause = relative || subordinate ? ANY_VERB.test(right) : CLAUSE_VERB.test(right) || (hasFigure(right) && hasFigure(left));
    // ... and only when what comes before is a clause too: "Badr and Kataeb Hezbollah fought" lists subjects.
    const leftClause = ANY_VERB.test(left) || hasFigure(left);
    if (!ownClause || !leftClause || !/\w/.test(left)) continue;
    pieces.push(left);
    last = match.index! + match[0].length;
  }
  pieces.push(sentence.slice(last).trim());
  const parts = pieces.map((piece) => piece.replace(/[.!?]+$/, "").trim()).filter((piece) => /\w/.test(piece));
  if (parts.length < 2) return [{ claim: sentence, context: "" }];
  // Later clauses lean on the first for what they leave out: its subject and what it counts.
  const context = parts[0]!.replace(/[\d,.]+|\b(about|around|roughly|at least|more than|nearly|almost|some)\b/gi, " ").replace(/\s+/g, " ").trim();
  return parts.map((part, i) => ({ claim: part, context: i === 0 ? "" : context }));
}

function hasFigure(text: string): boolean {
  return extractNumbers(extractDates(text).rest).some((number) => !number.vague);
}
