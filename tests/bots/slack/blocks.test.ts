// Block Kit for replies the desk did not record (no ask id, so no 👍/👎): Slack refuses an actions
// block without elements, so such a reply carries none.
import { describe, expect, it } from "vitest";
import { replyTo } from "../../../src/bots/conversation.js";
import { renderReply } from "../../../src/bots/slack/blocks.js";
import { realEngine } from "../../helpers/engine.js";

const emptyActions = (blocks: Array<{ type: string; elements?: unknown[] }>) => blocks.filter((block) => block.type === "actions" && (block.elements ?? []).length === 0);

describe("renderReply without an ask id", () => {
  it.each([
    ["an answer", "how many attacks on US forces?"],
    ["a fact check", "check There were 61 attacks on US forces."],
  ])("renders %s with no empty actions block, and a shareable one with its Share button only", (_name, text) => {
    const request = text.startsWith("check ") ? ({ kind: "check", claim: text.slice(6) } as const) : ({ kind: "ask", question: text } as const);
    const reply = replyTo(realEngine(), request);
    const plain = renderReply(reply).blocks as Array<{ type: string; elements?: Array<{ action_id?: string }> }>;
    expect(emptyActions(plain)).toEqual([]);
    expect(JSON.stringify(plain)).not.toContain("factdesk_feedback");
    const shareable = renderReply(reply, { shareable: true }).blocks as Array<{ type: string; elements?: Array<{ action_id?: string }> }>;
    expect(emptyActions(shareable)).toEqual([]);
    expect(shareable.flatMap((block) => block.elements ?? []).map((element) => element.action_id)).toContain("factdesk_share");
  });
});
