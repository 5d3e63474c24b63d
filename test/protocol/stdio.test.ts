// The server under --stdio, as Neovim, Helix and Emacs start it (its own message writer,
// server/src/node/stdioMessageWriter.ts): it still exits when the editor closes its input, and
// what it writes on stdout is only the protocol.

import * as assert from 'assert';
import { spawn } from 'child_process';
import { fixture, openDocument, serverPath, startServer } from './client';

describe('server under --stdio', function () {
  this.timeout(60_000);

  it('exits when the editor closes its input without a shutdown (code 1, as the library does)', async () => {
    const server = await startServer();
    const exited = new Promise<number | null>((resolve) => server.process.on('exit', (code) => resolve(code)));
    server.process.stdin!.end();
    assert.strictEqual(await exited, 1);
  });

  it('writes nothing but framed messages on stdout, and the outline of a letter arrives whole', async () => {
    const server = await startServer();
    const text = fixture('letters', '000_ccd83326e20498fa.txt');
    // Raw bytes as they come: every one must belong to a frame whose length is right.
    const raw: Buffer[] = [];
    server.process.stdout!.on('data', (d: Buffer) => raw.push(d));
    const uri = 'file:///stdio/letter%20\u00e9.txt';
    await openDocument(server, uri, text.replace('Upheld', 'Upheld \u2014 d\u00e9cision'));
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    })) as Array<{ name: string }>;
    assert.ok(symbols.length > 0);
    await server.stop();
    let bytes = Buffer.concat(raw);
    let frames = 0;
    while (bytes.length > 0) {
      const header = /^Content-Length: (\d+)\r\n\r\n/.exec(bytes.subarray(0, 40).toString('latin1'));
      assert.ok(header, `not a frame: ${JSON.stringify(bytes.subarray(0, 60).toString())}`);
      const start = header[0].length;
      const body = bytes.subarray(start, start + Number(header[1]));
      JSON.parse(body.toString('utf8'));
      bytes = bytes.subarray(start + Number(header[1]));
      frames++;
    }
    assert.ok(frames >= 2, `${frames} frames`);
  });

  it('leaves the library its own stdio when not started with --stdio', () => {
    // Under IPC (VS Code) the library's writer is used; the server must not take stdout then.
    const child = spawn(process.execPath, [serverPath(), '--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    return new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.send({ jsonrpc: '2.0', id: 1, method: 'shutdown' });
      child.on('message', (msg: { id?: number; result?: unknown }) => {
        if (msg.id !== 1) return;
        child.kill();
        resolve();
      });
    });
  });
});
