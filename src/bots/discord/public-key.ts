// Discord's application Public Key: 64 hex digits, the raw 32-byte Ed25519 key. OpenSSL imports
// any 32 bytes without checking them (and verifies signatures against the all-zero key), so the
// key is checked here as RFC 8032 decodes it: a point on the curve, and not one of small order.
import { createPublicKey, type KeyObject } from "node:crypto";

/** The DER header that turns Discord's raw 32-byte Ed25519 key into a key node can read. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

const P = 2n ** 255n - 19n;
const mod = (a: bigint) => ((a % P) + P) % P;
function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}
const inverse = (a: bigint) => power(a, P - 2n);
const D = mod(-121665n * inverse(121666n));
const SQRT_MINUS_ONE = power(2n, (P - 1n) / 4n);

type Point = { x: bigint; y: bigint };

/** RFC 8032 section 5.1.3: the point a 32-byte encoding names, or undefined if it names none. */
function decodePoint(bytes: Buffer): Point | undefined {
  const last = bytes[31]!;
  const sign = BigInt(last >> 7);
  const y = BigInt(`0x${Buffer.from([...bytes.subarray(0, 31)].reverse()).toString("hex").padStart(62, "0")}`) | (BigInt(last & 0x7f) << 248n);
  if (y >= P) return undefined;
  const u = mod(y * y - 1n);
  const v = mod(D * y * y + 1n);
  let x = mod(u * power(v, 3n) * power(u * power(v, 7n), (P - 5n) / 8n));
  const vx2 = mod(v * x * x);
  if (vx2 === mod(-u)) x = mod(x * SQRT_MINUS_ONE);
  else if (vx2 !== u) return undefined;
  if (x === 0n && sign === 1n) return undefined;
  if ((x & 1n) !== sign) x = mod(-x);
  return { x, y };
}

/** Twisted Edwards addition (a = -1), used only to double a point three times. */
function add(a: Point, b: Point): Point {
  const t = mod(D * a.x * b.x * a.y * b.y);
  return { x: mod((a.x * b.y + a.y * b.x) * inverse(1n + t)), y: mod((a.y * b.y + a.x * b.x) * inverse(1n - t)) };
}

/** A key Discord could have issued: 64 hex digits naming a curve point of large order. */
export function isEd25519PublicKey(hex: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return false;
  const point = decodePoint(Buffer.from(hex, "hex"));
  if (!point) return false;
  let eight = point;
  for (let i = 0; i < 3; i++) eight = add(eight, eight);
  return !(eight.x === 0n && eight.y === 1n); // 8P is the identity only for the 8 small-order points
}

export function publicKeyFrom(hex: string): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]), format: "der", type: "spki" });
}
