// Two questions in one message: "How many troops are in Syria, and why are they there?",
// "When and where did the US strike?", "What did the US send, and why?". Split into the questions
// it asks, each answered on its own (the later ones may lean on the first: carry-over.ts). Pure.

const QUESTION_WORD = "(?:what|whats|what's|when|where|who|whom|whose|which|why|how|is|are|was|were|did|does|do|has|have|had|can|could)";
/** ", and who ...", " and how many ...", "; when ...": a second question after the first. */
const SECOND_QUESTION = new RegExp(`\\s*(?:,\\s*(?:and|but)?|;|\\s+and|\\s+but|\\?)\\s+(?=(?:(?:in|on|at|from|for|to|with|by|since)\\s+)?${QUESTION_WORD}\\b)`, "i");
/** "When and where did ...": two question words sharing one question. */
const TWO_QUESTION_WORDS = /^\s*(what|when|where|who|why|how(?: many| much)?)\s+and\s+(what|when|where|who|why|how(?: many| much)?)\b\s*(.*)$/i;

/** The questions a message asks, in order; one when it asks one. */
export function splitQuestions(text: string): string[] {
  const shared = TWO_QUESTION_WORDS.exec(text);
  if (shared) return [`${shared[1]} ${shared[3]}`, `${shared[2]} ${shared[3]}`];
  const parts: string[] = [];
  let rest = text;
  for (let match = SECOND_QUESTION.exec(rest); match; match = SECOND_QUESTION.exec(rest)) {
    const first = rest.slice(0, match.index).trim();
    const second = rest.slice(match.index + match[0].length);
    // A yes/no word after "and" is often part of one question ("is it X and is it Y" aside): split only when the first part asks something itself.
    if (!asksSomething(first) || !/\w/.test(second)) break;
    parts.push(first);
    rest = second;
  }
  parts.push(rest.trim());
  return parts.filter((part) => /\w/.test(part));
}

/** A question word and at least one more word: enough to be a question of its own ("According to the Pentagon" is not). */
function asksSomething(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length >= 2 && words.some((word) => new RegExp(`^${QUESTION_WORD}$`, "i").test(word.replace(/[^\w']/g, "")));
}
