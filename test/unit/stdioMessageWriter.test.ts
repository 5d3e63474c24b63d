// The server's messages under --stdio (server/src/node/stdioMessageWriter.ts): one write a message,
// framed as LSP's base protocol frames it, so that vscode-jsonrpc's own reader reads back exactly
// what was sent, whatever the text holds.

import * as assert from 'assert';
import { PassThrough, Writable } from 'stream';
import { Message, StreamMessageReader } from 'vscode-languageserver/node';
import { frameMessage, StdioMessageWriter } from '../../server/src/node/stdioMessageWriter';

/** A hover's answer with text outside ASCII: Content-Length counts bytes, not characters. */
const HOVER: Message & Record<string, unknown> = {
  jsonrpc: '2.0',
  id: 7,
  result: { contents: { kind: 'markdown', value: 'Décision: **Upheld** \u2014 MTUS \u00a7 9792.24.2 \ud83d\udcc4' } },
};

describe('StdioMessageWriter', () => {
  it('frames a message with its length in bytes', () => {
    const frame = frameMessage(HOVER).toString('utf8');
    const json = JSON.stringify(HOVER);
    assert.strictEqual(frame, `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
    assert.ok(Buffer.byteLength(json) > json.length, 'the sample holds characters of more than one byte');
  });

  it('writes each message once, and the library reads back what was sent', async () => {
    const chunks: Buffer[] = [];
    const pipe = new PassThrough();
    const counting = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        pipe.write(chunk, done);
      },
    });
    const writer = new StdioMessageWriter(counting);
    const reader = new StreamMessageReader(pipe);
    const received: Message[] = [];
    const all = new Promise<void>((resolve) =>
      reader.listen((msg) => {
        received.push(msg);
        if (received.length === 3) resolve();
      }),
    );
    const notification = {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'file:///a b.txt', diagnostics: [] },
    };
    const request = {
      jsonrpc: '2.0',
      id: 'x',
      method: 'workspace/configuration',
      params: { items: [{ section: 'imrLetters' }] },
    };
    await Promise.all([writer.write(HOVER), writer.write(notification), writer.write(request)]);
    await all;
    assert.strictEqual(chunks.length, 3, 'one write a message');
    assert.deepStrictEqual(received, [HOVER, notification, request]);
    reader.dispose();
    writer.dispose();
  });

  it('reports a failed write to the connection and rejects', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('EPIPE'));
      },
    });
    broken.on('error', () => undefined);
    const writer = new StdioMessageWriter(broken);
    const errors: unknown[] = [];
    writer.onError((e) => errors.push(e));
    await assert.rejects(writer.write(HOVER), /EPIPE/);
    assert.ok(errors.length >= 1);
  });
});
