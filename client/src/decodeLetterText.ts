// A letter file's bytes as text, by the rules of the command-line tool's decodeLetterBytes
// (server/src/cli/analyze.ts, which works on Node's Buffer): a byte order mark says UTF-8 or UTF-16,
// else UTF-8; a zero byte in the first 8 KB of a file without one means it is binary. Written with
// TextDecoder for the extension in VS Code for the Web, where there is no Buffer.

const BINARY_SNIFF_BYTES = 8192;

/** The text, or undefined for a binary file. TextDecoder drops the byte order mark. */
export function decodeLetterText(bytes: Uint8Array): string | undefined {
  const utf8Mark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (!utf8Mark && bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return undefined;
  return new TextDecoder('utf-8').decode(bytes);
}
