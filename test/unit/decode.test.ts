// The one decoder of letter files (server/src/files/decode.ts), on Node's Buffer (the command line,
// the index) and on a plain Uint8Array (the client in VS Code for the Web, where there is no Buffer).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { decodeLetterBytes } from '../../server/src/files/decode';

function decodeLetterText(bytes: Uint8Array): string | undefined {
  const d = decodeLetterBytes(bytes);
  return d.kind === 'text' ? d.text : undefined;
}

const LETTER = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'letters', '001_95d645f4881bb0c4.txt');

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + i * 2 + (bigEndian ? 1 : 0)] = unit & 0xff;
    bytes[2 + i * 2 + (bigEndian ? 0 : 1)] = unit >> 8;
  }
  return bytes;
}

describe('decodeLetterBytes (a letter file as text, with or without Buffer)', () => {
  const text = fs.readFileSync(LETTER, 'utf8');
  const utf8 = new TextEncoder().encode(text);

  it('reads letter 001 saved as UTF-8, with or without a byte order mark, and as UTF-16 either way round', () => {
    assert.ok(text.includes('Xanax 2mg, 1 twice a day as needed for 12 months: Upheld'));
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    for (const bytes of [utf8, withMark, utf16(text, false), utf16(text, true)]) {
      assert.strictEqual(decodeLetterText(bytes), text);
      const cli = decodeLetterBytes(Buffer.from(bytes));
      assert.strictEqual(cli.kind === 'text' ? cli.text : undefined, text, 'the command-line tool reads the same');
    }
  });

  it('takes a file with a zero byte in its first 8 KB for binary, as the command-line tool does', () => {
    // Letter 001 twice: an export of two letters, longer than 8 KB.
    const twice = new TextEncoder().encode(text + text);
    const zeroAt = (at: number) => {
      const bytes = new Uint8Array(twice);
      bytes[at] = 0;
      return bytes;
    };
    assert.strictEqual(decodeLetterText(zeroAt(100)), undefined);
    assert.strictEqual(decodeLetterBytes(Buffer.from(zeroAt(100))).kind, 'binary');
    // Past the first 8 KB a zero byte is taken for text.
    assert.ok(twice.length > 8192 + 10);
    assert.strictEqual(typeof decodeLetterText(zeroAt(8192 + 10)), 'string');
    assert.strictEqual(decodeLetterBytes(Buffer.from(zeroAt(8192 + 10))).kind, 'text');
  });

  it('reads an odd trailing byte of UTF-16 as U+FFFD with and without Buffer, as an editor shows it', () => {
    for (const bigEndian of [false, true]) {
      const odd = new Uint8Array([...utf16('Upheld', bigEndian), 0x41]);
      assert.strictEqual(decodeLetterText(odd), 'Upheld\uFFFD');
      assert.strictEqual(decodeLetterText(Buffer.from(odd)), 'Upheld\uFFFD');
    }
  });
});
