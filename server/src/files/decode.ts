// A letter file's bytes as text, as an editor opens it: a byte order mark says UTF-8 or UTF-16 (and
// is dropped), else UTF-8; a zero byte in the first 8 KB of a file without a mark means it is binary,
// as git and grep decide. The one decoder of the command line, the index and the client (which has no
// Buffer in VS Code for the Web).

/** How much of a file to look at for NUL bytes, as git and grep do. */
const BINARY_SNIFF_BYTES = 8192;

export type DecodedBytes = { kind: 'text'; text: string } | { kind: 'binary' };

const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');
const utf8 = new TextDecoder('utf-8');

export function decodeLetterBytes(bytes: Uint8Array): DecodedBytes {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { kind: 'text', text: utf8Of(bytes, 3) };
  // An odd trailing byte of UTF-16 reads as U+FFFD, as an editor shows it.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: utf16le.decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', text: utf16be.decode(bytes.subarray(2)) };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  return { kind: 'text', text: utf8Of(bytes, 0) };
}

/** Node's Buffer decodes UTF-8 faster than TextDecoder; the browser has only the latter. */
function utf8Of(bytes: Uint8Array, start: number): string {
  if (typeof Buffer !== 'undefined' && Buffer.isBuffer(bytes)) return bytes.toString('utf8', start);
  return utf8.decode(bytes.subarray(start));
}
