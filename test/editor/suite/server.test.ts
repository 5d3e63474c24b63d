// How the extension starts its language server.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { SERVER_ENVIRONMENT } from '../../../server/src/protocol/requests';
import { activateExtension } from '../helpers';

/** The environment of the language server this extension host started (Linux: read from /proc). */
function serverEnvironment(): Map<string, string> | undefined {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline: string[];
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone, or not ours to read
    }
    if (!cmdline.some((a) => a.endsWith('dist/server.js')) || !cmdline.includes(`--clientProcessId=${process.pid}`))
      continue;
    const env = new Map<string, string>();
    for (const entry of fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
      const eq = entry.indexOf('=');
      if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    return env;
  }
  return undefined;
}

describe('the language server process', () => {
  before(async function () {
    // /proc is Linux's; CI and the editor-test recipe run there.
    if (process.platform !== 'linux') this.skip();
    await activateExtension();
  });

  it('runs with SERVER_ENVIRONMENT added to its environment (malloc gives large blocks back)', () => {
    const env = serverEnvironment();
    assert.ok(env, `no dist/server.js process started by this extension host (pid ${process.pid})`);
    assert.ok(Object.keys(SERVER_ENVIRONMENT).length > 0);
    for (const [name, value] of Object.entries(SERVER_ENVIRONMENT)) assert.equal(env.get(name), value, name);
    // Added to the editor's environment, not in place of it.
    assert.equal(env.get('PATH'), process.env.PATH);
  });
});
