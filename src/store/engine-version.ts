// Which engine and which knowledge base gave an answer: the package version and a digest of the
// facts, so the record shows whether a refusal came before or after an editor's fix.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { KnowledgeBase } from "../knowledge/types.js";

const PACKAGE_VERSION = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as { version: string }).version;

export function engineVersion(knowledge: KnowledgeBase): string {
  const digest = createHash("sha256");
  for (const fact of knowledge.facts) digest.update(JSON.stringify(fact));
  return `${PACKAGE_VERSION}+${digest.digest("hex").slice(0, 10)}`;
}
