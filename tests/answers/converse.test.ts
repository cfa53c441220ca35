// Conversations through the real engine: follow-ups read against the last question or claim, and
// messages that stand on their own answered exactly as they would be alone. The conversations are
// written here from the story; none comes from the shared evaluation sets.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ConversationContext, ConversationTurn } from "../../src/answers/converse.js";
import { realEngine } from "../helpers/engine.js";
import { readEvaluationSet } from "../helpers/evaluation.js";

/** Runs the messages as one conversation; returns every turn. */
function talk(...messages: string[]): ConversationTurn[] {
  const engine = realEngine();
  const turns: ConversationTurn[] = [];
  let context: ConversationContext | undefined;
  for (const message of messages) {
    const turn = engine.converse(message, context);
    turns.push(turn);
    // The context is plain data: a store keeps it as JSON.
    context = JSON.parse(JSON.stringify(turn.context)) as ConversationContext;
  }
  return turns;
}

const last = (turns: ConversationTurn[]) => turns[turns.length - 1]!.reply;
const answerOf = (turns: ConversationTurn[]) => {
  const reply = last(turns);
  if (reply.kind !== "answer") throw new Error(`expected an answer, got a ${reply.kind}`);
  return reply.result;
};
const verdictOf = (turns: ConversationTurn[]) => {
  const reply = last(turns);
  if (reply.kind !== "check") throw new Error(`expected a check, got a ${reply.kind}`);
  return reply.result;
};

describe("a message that stands on its own", () => {
  const { answerable, unanswerable } = readEvaluationSet(path.join(import.meta.dirname, "evaluation-set.yaml"));
  const histories = [
    ["How many US troops are stationed in Iraq?"],
    ["Who is Antony Blinken?", "who did he meet?"],
    ["check the US has 900 troops in Syria"],
  ];

  it("gets the same answer after any history as on its own", () => {
    const engine = realEngine();
    const questions = [...answerable.map(([question]) => question), ...unanswerable].filter((_, i) => i % 3 === 0);
    const differ: string[] = [];
    for (const history of histories) {
      const context = talk(...history).at(-1)!.context;
      for (const question of questions) {
        const alone = engine.ask(question);
        const after = engine.converse(question, context).reply;
        if (after.kind !== "answer") continue; // "check ..." is a claim either way
        // A question refused or ambiguous on its own may be answered in the light of the last one, saying so: the one exception.
        if (alone.status !== "answered" && after.result.status === "answered" && after.result.readAs) continue;
        if (after.result.status !== alone.status || after.result.factIds.join() !== alone.factIds.join()) differ.push(`${question} (after "${history.at(-1)}")`);
      }
    }
    expect(differ).toEqual([]);
  });
});

describe("follow-ups", () => {
  it("change the place of the last question, and say how they were read", () => {
    const turns = talk("How many US troops are stationed in Iraq?", "what about syria");
    expect(answerOf(turns).answer).toMatch(/900/);
    expect(answerOf(turns).readAs).toMatch(/troops .*syria/i);
    expect(answerOf(turns).answer).toMatch(/^\(Reading this as: /);
  });

  it("read a pronoun as the person the last answer was about", () => {
    const turns = talk("Who is Antony Blinken?", "who did he meet?");
    expect(answerOf(turns).readAs).toBe("who did Antony Blinken meet?");
    expect(answerOf(turns).factIds).toEqual(["blinken-warning"]);
  });

  it("read 'they' and 'them' as what the last question counted, and 'there' as where", () => {
    const behind = talk("how many attacks have hit US bases?", "who carried them out?");
    expect(answerOf(behind).readAs).toBe("who carried the attacks out?");
    expect(answerOf(behind).answer).toMatch(/Islamic Resistance in Iraq/);
    const why = talk("How many American troops are in Syria?", "what are they doing there?");
    expect(answerOf(why).readAs).toBe("what are the American troops doing in Syria?");
    expect(answerOf(why).answer).toMatch(/Islamic State/);
  });

  it("take 'they' for a group only the answer named when the question asked who", () => {
    // The count's answer is the Pentagon's: "they" after it are the attacks, not the Pentagon.
    const turns = talk("how many attacks were there in Syria?", "when did they begin?");
    expect(answerOf(turns).readAs).not.toMatch(/Pentagon/);
  });

  it("are not what a message that asks nothing is: it gets one line, and the conversation goes on as before", () => {
    const turns = talk("How many American soldiers are based in Iraq?", "thanks, got it", "👍", "and in Syria?");
    for (const turn of turns.slice(1, 3)) {
      const reply = turn.reply;
      expect(reply.kind === "answer" && reply.result.asksNothing).toBe(true);
      expect(reply.kind === "answer" && reply.result.answer).toMatch(/^I couldn't tell what that asks\. Ask me about this story, for example: "[^"]+\?", or say "help"\.$/);
    }
    expect(answerOf(turns).readAs).toBe("How many American soldiers are based in Syria?");
  });

  it("keep a question word beside thanks a question ('ok, why'), and read 'them' only as a counted thing", () => {
    expect(answerOf(talk("Did the US strike back?", "ok, why")).asksNothing).toBeUndefined();
    // "how many times" counts no thing, and "of the attacks hit Iraq" is the attacks.
    expect(answerOf(talk("How many times have militias attacked US forces?", "who backs them?")).readAs ?? "").not.toMatch(/the times/);
    expect(answerOf(talk("How many of the attacks hit Iraq?", "who carried them out?")).readAs).toBe("who carried the attacks out?");
  });

  it("take a correction in place of what it corrects", () => {
    const turns = talk("how many attacks in iraq", "no, syria");
    expect(answerOf(turns).readAs).toBe("how many attacks in syria");
    expect(answerOf(turns).factIds).toEqual(["attack-tally"]);
  });

  it("refuse a place the sources don't cover, as any question would be", () => {
    const turns = talk("how many troops in iraq", "and in kuwait?");
    expect(answerOf(turns).status).toBe("no_answer");
    expect(answerOf(turns).answer).toMatch(/Kuwait/);
  });

  it("give the last answer's passage when asked for the source", () => {
    const turns = talk("How big is the US force in Syria?", "source?");
    const result = answerOf(turns);
    expect(result.status).toBe("answered");
    expect(result.citations[0]!.quote).toMatch(/900 soldiers in Syria/);
    expect(result.answer).toContain(result.citations[0]!.quote);
  });

  it("give another fact for 'tell me more', never the one just given", () => {
    const turns = talk("What did the US strike on Nov. 8?", "tell me more");
    expect(answerOf(turns).status).toBe("answered");
    expect(answerOf(turns).factIds).not.toEqual(answerOf(turns.slice(0, 1)).factIds);
  });
});

describe("a clarify", () => {
  it("is asked for a count of nothing named where the sources count several things", () => {
    const turns = talk("how many in iraq?");
    expect(answerOf(turns).status).toBe("clarify");
    expect(answerOf(turns).factIds.length).toBeGreaterThan(1);
  });

  it("is settled by the number of a choice", () => {
    const turns = talk("how many in iraq?", "2");
    const choices = answerOf(turns.slice(0, 1)).factIds;
    expect(answerOf(turns).factIds).toEqual([choices[1]]);
  });

  it("is settled by naming what was meant", () => {
    const turns = talk("how many in iraq?", "the attacks");
    expect(answerOf(turns).readAs).toBe("how many attacks in iraq?");
    expect(answerOf(turns).factIds).toEqual(["attack-tally"]);
  });
});

describe("fact-check follow-ups", () => {
  it("check the last claim with the follow-up's figure and place", () => {
    const turns = talk("check the US has about 900 troops in Syria", "and 2,000 in Iraq?");
    expect(verdictOf(turns).readAs).toBe("the US has about 2,000 troops in Iraq");
    expect(verdictOf(turns).verdict).toBe("supported");
  });

  it("check the last claim with the follow-up's place", () => {
    const turns = talk("check the US has about 900 troops in Syria", "and in Iraq?");
    expect(verdictOf(turns.slice(0, 1)).verdict).toBe("supported");
    expect(verdictOf(turns).readAs).toBe("the US has about 900 troops in Iraq");
    expect(verdictOf(turns).verdict).toBe("contradicted");
  });

  it("leave aside what already contradicted the claim they follow", () => {
    const turns = talk("check the contractor died in a rocket attack", "it happened in Syria");
    expect(verdictOf(turns.slice(0, 1)).verdict).toBe("contradicted");
    expect(verdictOf(turns).verdict).toBe("not_enough_info");
  });

  it("take a correction of the claim's place", () => {
    const turns = talk("check the US has about 900 troops in Iraq", "sorry, I meant Syria");
    expect(verdictOf(turns).readAs).toBe("the US has about 900 troops in Syria");
    expect(verdictOf(turns).verdict).toBe("supported");
  });

  it("never bear out a claim through what they left aside", () => {
    // The same reading again is the same claim: still contradicted, never supported by the fact that contradicted it.
    const again = talk("check the US has about 4,000 troops in Iraq", "and in Syria?", "what about Syria?");
    expect(verdictOf(again.slice(0, 2)).verdict).toBe("contradicted");
    expect(verdictOf(again).readAs).toBe(verdictOf(again.slice(0, 2)).readAs);
    expect(verdictOf(again).verdict).toBe("contradicted");
    // A new part beside a contradicted one is at most not settled.
    const beside = talk("check the contractor died in a rocket attack", "it happened in Syria");
    expect(verdictOf(beside).verdict).not.toBe("supported");
    expect(verdictOf(beside).explanation).toMatch(/as before, the source says|don't say where/);
  });

  it("let a question after a check ask about what the claim was about", () => {
    const turns = talk("check there were 40 attacks in Syria", "so how many were there?");
    expect(answerOf(turns).factIds).toEqual(["attack-tally"]);
  });
});

describe("converse --jsonl", () => {
  it("keeps interleaved conversations apart", async () => {
    const { runCli } = await import("../../src/cli.js");
    const { PassThrough } = await import("node:stream");
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let output = "";
    stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const lines = [
      { conversation: "a", text: "How many US troops are stationed in Iraq?" },
      { conversation: "b", text: "how many attacks in iraq" },
      { conversation: "a", text: "what about syria" },
      { conversation: "b", text: "what about syria" },
      { conversation: "c", text: "not json" },
    ];
    stdin.end(`${lines.map((line) => (line.conversation === "c" ? line.text : JSON.stringify(line))).join("\n")}\n`);
    const code = await runCli(["converse", "--jsonl"], { stdin, stdout, stderr } as never);
    expect(code).toBe(0);
    const results = output.trim().split("\n").map((line) => JSON.parse(line) as { answer?: string; factIds?: string[]; error?: string });
    expect(results).toHaveLength(5);
    expect(results[2]!.factIds).toEqual(["troop-levels"]);
    expect(results[3]!.factIds).toEqual(["attack-tally"]);
    expect(results[4]!.error).toMatch(/not JSON/);
  });
});

describe("what is put to FactDesk", () => {
  const engine = realEngine();
  it.each([
    ["and in Syria", true],
    ["what about the strikes", true],
    ["ok, did the US strike Iraq", true],
    ["source", true],
    ["check there were 30 attacks in Syria", true],
    ["no, the strikes", true],
    ["is that right?", true],
    ["thanks, that's what I needed", false],
    ["great, I'll use the Syria figure", false],
    ["👍", false],
    ["got it, cheers", false],
  ] as const)("reads %j as a question or request: %s", (message, put) => {
    expect(engine.isPutAsRequest(message)).toBe(put);
  });
});
