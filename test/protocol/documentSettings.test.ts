// What opening and closing many letters costs in messages: VS Code reads a file's settings from its
// workspace folder, so the server asks once per folder, not once per document; and a letter closed
// with no problems shown needs no message clearing them.

import * as assert from 'assert';
import { fixture, openDocument, startServer, TestServer } from './client';

const LETTER_001 = '001_95d645f4881bb0c4.txt';
const LETTER_004 = '004_b9c7ee4c5df882e9.txt';

describe('language server: settings per workspace folder, and closing clean letters', function () {
  let server: TestServer;
  const folders = ['file:///claims/2016', 'file:///claims/2017'];
  before(async () => {
    server = await startServer({
      workspaceFolders: folders,
      settings: { diagnostics: { severity: { 'unknown-decision': 'hint' } } },
    });
  });
  after(() => server.stop());

  const configurationRequests = () => server.serverRequests.filter((m) => m === 'workspace/configuration').length;

  it('asks for settings once per workspace folder, and applies them to every letter in it', async () => {
    const typo = fixture('letters', LETTER_004).replace('Upheld', 'Uphled');
    const uris = [
      `${folders[0]}/a.txt`,
      `${folders[0]}/sub/b.txt`,
      `${folders[1]}/c.txt`,
      `${folders[1]}/d.txt`,
      // Outside every folder, and in a folder whose name only begins like one.
      'file:///elsewhere/e.txt',
      'file:///claims/2016-old/f.txt',
    ];
    // The server's own request for the workspace's settings (the folder walk) is made by now.
    await server.connection.sendRequest('imrLetters/indexStats', {});
    const before = configurationRequests();
    for (const uri of uris) {
      const published = server.nextDiagnostics(uri);
      await openDocument(server, uri, typo);
      // Each letter's misspelled outcome at the configured severity (4: hint), whichever request it came from.
      assert.deepStrictEqual(
        (await published).map((d) => [d.code, d.severity]),
        [['unknown-decision', 4]],
        uri,
      );
    }
    // One for each folder, one for the letters outside them (e and f).
    assert.strictEqual(configurationRequests() - before, 3);
  });

  it('clears the problems of a closed letter that had some, and sends nothing for one that had none', async () => {
    const clean = `${folders[0]}/clean.txt`;
    const opened = server.nextDiagnostics(clean);
    await openDocument(server, clean, fixture('letters', LETTER_001));
    assert.deepStrictEqual(await opened, []);
    const withProblem = `${folders[0]}/problem.txt`;
    const problem = server.nextDiagnostics(withProblem);
    await openDocument(server, withProblem, fixture('letters', LETTER_001).replace('Upheld', 'Uphled'));
    assert.strictEqual((await problem).length, 1);

    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: clean } });
    const cleared = server.nextDiagnostics(withProblem);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: withProblem } });
    assert.deepStrictEqual(await cleared, []);
    // Messages come in order: the clean letter's close, handled first, published nothing.
    assert.strictEqual(server.published.filter((p) => p.uri === clean).length, 1);
  });
});
