// The UTF-8 check the loader runs on every data file, on the byte sequences editors' tools produce.
import { describe, expect, it } from "vitest";
import { invalidUtf8Offset } from "../../src/knowledge/utf8.js";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("invalidUtf8Offset", () => {
  it.each([
    ["plain ASCII", Buffer.from("R\u00e9sum\u00e9 of the attacks", "utf8"), undefined],
    ["a 4-byte character (an emoji)", Buffer.from("ok \u{1F44D}", "utf8"), undefined],
    ["a Latin-1 e-acute", Buffer.from("R\u00e9sum\u00e9", "latin1"), 1],
    ["a Windows-1252 curly quote", bytes(0x61, 0x20, 0x93, 0x71), 2],
    ["an overlong slash", bytes(0x61, 0xc0, 0xaf), 1],
    ["an encoded surrogate", bytes(0x61, 0x62, 0xed, 0xa0, 0x80), 2],
    ["a code point above U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ["a character cut off at the end", bytes(0x61, 0xe2, 0x80), 1],
    ["a stray continuation byte", bytes(0x61, 0x80), 1],
  ])("%s", (_name, input, expected) => {
    expect(invalidUtf8Offset(input)).toBe(expected);
  });
});
