// User ids and conversation keys never reach the database as they are: each is replaced by an
// HMAC-SHA256 under the secret salt (FACTDESK_SALT). The same person hashes the same way in every
// process that shares the salt, so votes, rate limits and context still line up, and without the
// salt a hash can't be matched to a Slack or Discord id.
import { createHmac } from "node:crypto";

export type Hasher = (platform: string, rawId: string) => string;

export function saltedHasher(salt: string): Hasher {
  return (platform, rawId) => createHmac("sha256", salt).update(`${platform}\u0000${rawId}`).digest("base64url").slice(0, 27);
}
