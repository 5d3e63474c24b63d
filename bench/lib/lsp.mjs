// A language client over stdio for the benchmark: spawns a server, speaks JSON-RPC with
// vscode-jsonrpc (as vscode-languageclient does), answers the server's requests, and times
// requests and notifications with performance.now() on the client side, which is what a user
// waits for: the server's work, the transport and reading the answer.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import * as rpc from 'vscode-jsonrpc/node.js';
import { sleep } from './stats.mjs';

export const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    foldingRange: { lineFoldingOnly: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
      resolveSupport: { properties: ['edit'] },
    },
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    diagnostic: { dynamicRegistration: false },
  },
  window: { workDoneProgress: true },
};

const PUSH_CLIENT_CAPABILITIES = {
  ...CLIENT_CAPABILITIES,
  textDocument: Object.fromEntries(
    Object.entries(CLIENT_CAPABILITIES.textDocument).filter(([k]) => k !== 'diagnostic'),
  ),
};

/** Resident memory of a process in MB, from /proc (Linux). */
export function residentMB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time of a process so far (all its threads, user + system, ms), from /proc on Linux; undefined elsewhere. */
export function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100;

export class BenchClient {
  /**
   * @param {string[]} args node arguments (script and its flags)
   * @param {(method: string, params: any) => any} answer the client's answers to server requests; undefined -> null
   * @param {Record<string, string>} [env] added to this process's environment for the server
   */
  constructor(args, answer = () => undefined, env = undefined) {
    this.args = args;
    this.env = env;
    this.answer = answer;
    this.diagnosticWaiters = [];
    this.stderr = '';
  }

  /** Spawns the server and initializes it; returns the time from spawn to the initialize answer (ms). */
  /**
   * `pushDiagnostics`: leave out the pull-diagnostics capability, so that a server that can do
   * both publishes (the open -> diagnostics figures time publishDiagnostics).
   */
  async start({ initializationOptions, rootUri = null, pushDiagnostics = false } = {}) {
    const t0 = performance.now();
    // IMR_BENCH_PROFILE=<dir>: every server the bench starts writes a CPU profile there.
    const profile = process.env.IMR_BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.IMR_BENCH_PROFILE}`]
      : [];
    this.proc = spawn(process.execPath, [...profile, ...this.args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: this.env ? { ...process.env, ...this.env } : process.env,
    });
    this.proc.stderr.on('data', (d) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    this.conn = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.proc.stdout),
      new rpc.StreamMessageWriter(this.proc.stdin),
    );
    this.conn.onRequest(async (method, params) => {
      const r = await this.answer(method, params);
      return r === undefined ? null : r;
    });
    this.conn.onNotification('textDocument/publishDiagnostics', (params) => {
      const at = performance.now();
      this.diagnosticWaiters = this.diagnosticWaiters.filter((w) => {
        if (w.uri !== params.uri || !w.accept(params)) return true;
        w.resolve({ at, params });
        return false;
      });
    });
    this.conn.onNotification(() => undefined);
    this.conn.listen();
    this.initializeResult = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'imr-letters-bench' },
      rootUri,
      workspaceFolders: null,
      capabilities: pushDiagnostics ? PUSH_CLIENT_CAPABILITIES : CLIENT_CAPABILITIES,
      initializationOptions,
    });
    const startup = performance.now() - t0;
    this.conn.sendNotification('initialized', {});
    return startup;
  }

  get capabilities() {
    return this.initializeResult?.capabilities ?? {};
  }

  get pid() {
    return this.proc.pid;
  }

  notify(method, params) {
    this.conn.sendNotification(method, params);
  }

  /** Sends a request and returns [elapsed ms, result]. */
  async timed(method, params) {
    const t0 = performance.now();
    const result = await this.conn.sendRequest(method, params);
    return [performance.now() - t0, result];
  }

  /** Resolves with {at, params} when diagnostics for `uri` arrive that `accept` approves. */
  waitForDiagnostics(uri, accept = () => true, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
      const waiter = { uri, accept, resolve };
      this.diagnosticWaiters.push(waiter);
      setTimeout(() => {
        if (!this.diagnosticWaiters.includes(waiter)) return;
        this.diagnosticWaiters = this.diagnosticWaiters.filter((w) => w !== waiter);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs).unref();
    });
  }

  open(uri, languageId, text, version = 1) {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  close(uri) {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async stop() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), sleep(3000)]);
      this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    await Promise.race([exited, sleep(3000)]);
    if (this.proc.exitCode === null) this.proc.kill();
    this.conn.dispose();
  }
}
