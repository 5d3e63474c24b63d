// Keystrokes into a 10 MB export (issue 18 item 2): 300 one-character edits sent back to back, then
// the outline, against one edit then the outline, on the same open document in the same run. The
// server records edits without applying them (server/src/documents) and builds one model for the
// version the outline asks for, so the burst should cost about what one edit costs.

import { BenchClient, residentMB } from './lsp.mjs';
import { editPosition, OUR_ENVIRONMENT, ourAnswers } from './servers.mjs';
import { sleep, summarize } from './stats.mjs';

/** Longer than the server's wait before it brings an open document's index entry up to date (1 s). */
const PAUSE_MS = 2500;

/**
 * @param big { text, model, lines } the 10 MB text and its model (where to type)
 * @returns per run: edit(s) -> a request that reads no document (the edits' own cost), and -> outline
 */
export async function measureKeystrokes(serverArgs, big, { runs = 5, edits = 300 } = {}) {
  const client = new BenchClient(serverArgs, ourAnswers, OUR_ENVIRONMENT);
  await client.start({ pushDiagnostics: true });
  try {
    const uri = 'file:///bench/keystrokes.txt';
    const opened = client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    client.open(uri, 'imr-letter', big.text);
    await opened;
    await client.timed('textDocument/documentSymbol', { textDocument: { uri } });
    const at = editPosition(big.model, big.lines);
    let version = 1;
    const outline = () => client.timed('textDocument/documentSymbol', { textDocument: { uri } });

    /** `count` characters typed at `at`, back to back; then a request that reads no document, then the outline. */
    const type = async (count) => {
      await sleep(PAUSE_MS);
      const t0 = performance.now();
      for (let i = 0; i < count; i++) {
        const p = { line: at.line, character: at.character + i };
        client.notify('textDocument/didChange', {
          textDocument: { uri, version: ++version },
          contentChanges: [{ range: { start: p, end: p }, text: 'abcdefghij'[i % 10] }],
        });
      }
      await client.timed('imrLetters/indexStats', {});
      const recorded = performance.now() - t0;
      await outline();
      const total = performance.now() - t0;
      const memoryMB = residentMB(client.pid);
      // Typed away again in one edit, so that every run types into the same text.
      const end = { line: at.line, character: at.character + count };
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: at, end }, text: '' }],
      });
      await outline();
      return { recorded, total, memoryMB };
    };

    const one = [];
    const burst = [];
    for (let r = 0; r < runs; r++) {
      one.push(await type(1));
      burst.push(await type(edits));
    }
    await sleep(PAUSE_MS);
    const idleMB = residentMB(client.pid);
    const oneTotal = summarize(one.map((x) => x.total));
    const burstTotal = summarize(burst.map((x) => x.total));
    // The edits' own cost: the burst's edits and a request that reads no document, less one edit's.
    const perEdit = summarize(burst.map((b, i) => (b.recorded - one[i].recorded) / (edits - 1)));
    return {
      edits,
      runs,
      pauseMs: PAUSE_MS,
      oneEditThenOutline: oneTotal,
      burstThenOutline: burstTotal,
      ratio: burstTotal.median / oneTotal.median,
      perEditMs: perEdit,
      memoryAfterBurstMB: summarize(burst.map((x) => x.memoryMB)),
      memoryIdleMB: idleMB,
    };
  } finally {
    await client.stop();
  }
}
