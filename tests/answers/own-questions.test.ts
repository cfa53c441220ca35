// Each fact lists the questions it answers (data/facts/*.yaml); the engine should answer every one
// of them with that fact. The ones it doesn't are listed below, as found when the answer
// engine was rebuilt: the list may only shrink. A question that starts being answered right must
// leave the list, and no new one may join it.
import { describe, expect, it } from "vitest";
import { realEngine } from "../helpers/engine.js";

const engine = realEngine();

/**
 * Fact id -> the positions, in its questions list, of its own questions the engine does not
 * answer with it today (known regressions; the failure message prints each question). Positions,
 * not the questions' text, so that no question is written out twice.
 */
const KNOWN_MISSES: Record<string, number[]> = {
  "attack-start": [14],
  "attack-history": [1, 6],
  "attack-weapons": [6],
  "october-7": [4],
  "source-credit": [0, 3],
  injuries: [14],
  "troop-levels": [10],
  "why-stay-in-iraq": [4],
  "sudani-tehran-visit": [1],
  "militia-official-account": [5],
  "strike-nov-12": [11],
  // A yes/no question answered with the one strike that settles it, not the overview of all three.
};

type OwnQuestion = { factId: string; position: number; question: string };
const ownQuestions: OwnQuestion[] = engine.knowledge.facts.flatMap((fact) => fact.questions.map((question, position) => ({ factId: fact.id, position, question })));
const known = (own: OwnQuestion) => KNOWN_MISSES[own.factId]?.includes(own.position) ?? false;
const answeredWithOwnFact = ({ factId, question }: OwnQuestion) => {
  const result = engine.ask(question);
  return result.status === "answered" && result.factIds.includes(factId);
};
const describeMiss = ({ factId, position, question }: OwnQuestion) => `${factId}[${position}] ${question} -> ${engine.ask(question).status} ${JSON.stringify(engine.ask(question).factIds)}`;

describe("the facts' own questions", () => {
  it("are answered with their fact, but for the known misses", () => {
    expect(ownQuestions.filter((own) => !known(own) && !answeredWithOwnFact(own)).map(describeMiss)).toEqual([]);
  });

  it("that are known misses still miss (a fixed one leaves the list)", () => {
    const listed = Object.entries(KNOWN_MISSES).flatMap(([factId, positions]) => positions.map((position) => ({ factId, position })));
    expect(listed.filter(({ factId, position }) => !ownQuestions.some((own) => own.factId === factId && own.position === position))).toEqual([]);
    expect(ownQuestions.filter((own) => known(own) && answeredWithOwnFact(own)).map(describeMiss)).toEqual([]);
    // The list is a few percent of the questions, not a way around the test.
    expect(listed.length).toBeLessThan(ownQuestions.length * 0.06);
  });
});
