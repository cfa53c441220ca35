// Data files are UTF-8. Node's decoder turns any other byte into "�" without a word, so the
// loader checks first and names the byte an editor has to fix.
import { isUtf8 } from "node:buffer";

/** The offset of the first byte that starts no well-formed UTF-8 sequence, or undefined if none does. */
export function invalidUtf8Offset(bytes: Uint8Array): number | undefined {
  if (isUtf8(bytes)) return undefined;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return undefined;
}

/** The length of the well-formed sequence at `at` (Unicode table 3-7), or 0 if there is none. */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  const continuation = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[at + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const [low, high] = lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

/** The text of a UTF-8 file's bytes, or the problem an editor sees: where the first bad byte is. */
export function decodeUtf8(bytes: Buffer): { ok: true; text: string } | { ok: false; message: string } {
  const offset = invalidUtf8Offset(bytes);
  if (offset === undefined) return { ok: true, text: bytes.toString("utf8") };
  const byte = bytes[offset]!.toString(16).padStart(2, "0");
  return { ok: false, message: `is not UTF-8: byte ${offset} (0x${byte}) starts no UTF-8 character; save the file as UTF-8` };
}
