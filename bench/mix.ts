// The fixed mix the benchmark asks: how people ask (paraphrases, typos and shorthand) and
// questions the sources don't cover, and claims to check.
export const QUESTIONS = [
  "how many attacks", "hw many atacks", "why only syria", "who is al-sudani", "How many injuries have US personnel reported?",
  "When and where did the US retaliate?", "What is Kataib Hezbollah?", "hw many us troops in sirya", "what weapons are the militias using",
  "why is the us response so limited", "How many US troops are in Jordan?", "Who is the prime minister of Israel?",
  "What's the capital of Iraq?", "How many attacks were there in Lebanon?", "who killed qassem suleimani", "what do critics say",
];

export const CLAIMS = [
  "All of the US retaliatory strikes were in Syria.", "29 of the attacks were in Iraq.", "The US has about 9,000 troops in Syria.",
  "The attacks began on October 7.", "Iran's supreme leader visited Washington.", "61 attacks, 29 of them in Syria",
];

/** A first message and the follow-up after it, of every kind a conversation holds. */
export const FOLLOW_UPS: ReadonlyArray<readonly [string, string]> = [
  ["how many attacks", "and in Syria?"], ["who is al-sudani", "what did he say?"], ["how many US troops are in Iraq?", "why are they there?"],
  ["when did the attacks start", "why?"], ["check 29 of the attacks were in Iraq", "and 32 in Syria?"], ["What is Kataib Hezbollah?", "source?"],
  ["how many attacks", "no, the strikes"], ["what weapons are the militias using", "tell me more"], ["hw many atacks", "in iraq"],
];
