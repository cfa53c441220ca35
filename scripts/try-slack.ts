// `npm run try:slack`: FactDesk's Slack app end to end without a Slack workspace. Starts the local
// fake of Slack's Web API that the tests use, starts FactDesk (src/main.ts, as `npm start` does) in
// HTTP mode against it, sends one signed @mention the way Slack would, and prints the answer
// FactDesk posted. Nothing leaves the machine.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { BOT_USER_ID, eventEnvelope, sendToApp, SIGNING_SECRET, startFakeSlack, waitFor } from "../tests/helpers/fake-slack.js";

const question = process.argv.slice(2).join(" ") || "how many attacks on US forces?";

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
const fake = await startFakeSlack();
console.log(`Fake Slack Web API at ${fake.apiUrl}; starting FactDesk in HTTP mode on port ${port}...`);
let output = "";
const factdesk = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  env: { ...process.env, DOTENV_CONFIG_PATH: "/dev/null", SLACK_BOT_TOKEN: "xoxb-0000-0000-trylocally", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) },
});
factdesk.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
factdesk.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
try {
  await waitFor(() => (output.includes("FactDesk is serving") ? true : undefined), "FactDesk to start", 30_000);
  console.log(`Sending a signed app_mention: "@FactDesk ${question}"`);
  const ts = `${Math.floor(Date.now() / 1000)}.000100`;
  const event = { type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> ${question}`, ts, channel: "CNEWSDESK", event_ts: ts };
  const response = await sendToApp(`http://127.0.0.1:${port}/slack/events`, eventEnvelope(event), "application/json");
  console.log(`FactDesk acknowledged with HTTP ${response.status}. It posted to chat.postMessage:\n`);
  const post = await waitFor(() => fake.calls.find((call) => call.method === "chat.postMessage"), "the answer");
  const blocks = post.args["blocks"] as Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string | { text: string } }> }>;
  for (const block of blocks) {
    if (block.text) console.log(block.text.text, "\n");
    else if (block.type === "context") console.log(block.elements!.map((e) => (typeof e.text === "string" ? e.text : e.text.text)).join(" "), "\n");
    else if (block.type === "actions") console.log(`[buttons] ${block.elements!.map((e) => (typeof e.text === "string" ? e.text : e.text.text)).join(" | ")}\n`);
  }
  console.log(`(in thread ${String(post.args["thread_ts"])} of channel ${String(post.args["channel"])})`);
} finally {
  const stopped = new Promise((resolve) => factdesk.once("exit", resolve));
  factdesk.kill("SIGTERM");
  await stopped;
  await fake.close();
}
