// Our server next to VS Code's Markdown language server on the same letters, the Markdown server
// reading them written as Markdown (its client tokenizing with markdown-it, as VS Code does), in the
// same run (issue 18 item 3):
//
//   1,000 letters   1,000 different letters opened one after another, each followed by its outline
//                   request and closed (as the preview editor closes a file when the next is opened);
//                   the total time of each server, three runs, the servers taking turns
//   10 MB           open -> outline of the 10 MB export, three runs, the servers taking turns
//
// Each ratio is the median of the runs' ratios: each run measures both servers under the same load.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cpuMs } from './lsp.mjs';
import { startOutlineSession } from './servers.mjs';
import { sleep, summarize } from './stats.mjs';

const DRUGS = ['Xanax', 'Klonopin', 'Norco', 'Tramadol', 'Lyrica', 'Ambien', 'Cymbalta', 'Neurontin', 'Soma', 'Valium'];
const NAMES = ['Xanax', 'Lexapro', 'Buspar', 'Norco', 'Tramadol', 'Lyrica', 'Ambien', 'Cymbalta', 'Neurontin'];
const NAMED = new RegExp(`\\b(?:${NAMES.join('|')})\\b`, 'g');

/**
 * `count` different letters: the fixtures in turn, copy k with its drugs named differently and
 * every number moved by k (case numbers, doses, sessions, dates), so that no two texts are the same.
 */
export function variedLetters(texts, count) {
  const out = [];
  for (let k = 0; k < count; k++) {
    const text = texts[k % texts.length]
      .replace(NAMED, (name) => DRUGS[(k + NAMES.indexOf(name)) % DRUGS.length])
      .replace(/\d+/g, (d) => String((Number(d) + k) % 10 ** d.length).padStart(d.length, '0'));
    out.push(text);
  }
  return out;
}

const require = createRequire(import.meta.url);
const median = (xs) => summarize(xs).median;

/**
 * ours/markdown: sessions; `one(session)` -> ms. The servers take turns, the first alternating.
 * Each turn also notes the CPU time the server and this process (the client) spent in it: where
 * the time went, when the machine is busy with other work.
 */
async function taking(ours, markdown, runs, pauseMs, one) {
  const out = [];
  for (let r = 0; r < runs; r++) {
    const order = r % 2 === 0 ? [ours, markdown] : [markdown, ours];
    const turns = new Map();
    for (const session of order) {
      const server0 = cpuMs(session.client.pid);
      const client0 = process.cpuUsage();
      const ms = await one(session);
      const client = process.cpuUsage(client0);
      turns.set(session, {
        ms,
        serverCpuMs: cpuMs(session.client.pid) - server0,
        clientCpuMs: (client.user + client.system) / 1000,
      });
      await sleep(pauseMs);
    }
    const [o, m] = [turns.get(ours), turns.get(markdown)];
    out.push({ ours: o.ms, markdown: m.ms, ratio: o.ms / m.ms, cpu: { ours: o, markdown: m } });
  }
  const cpu = (side, key) => median(out.map((r) => r.cpu[side][key]));
  return {
    runs: out,
    ours: summarize(out.map((r) => r.ours)),
    markdown: summarize(out.map((r) => r.markdown)),
    ratio: median(out.map((r) => r.ratio)),
    cpuMs: {
      ours: { server: cpu('ours', 'serverCpuMs'), client: cpu('ours', 'clientCpuMs') },
      markdown: { server: cpu('markdown', 'serverCpuMs'), client: cpu('markdown', 'clientCpuMs') },
    },
  };
}

async function bothServers(serverArgs, markdownArgs, fn) {
  const ours = await startOutlineSession('ours', serverArgs);
  const markdown = await startOutlineSession('markdown', markdownArgs);
  try {
    return await fn(ours, markdown);
  } finally {
    await ours.stop();
    await markdown.stop();
  }
}

/** A server that answers every outline with nothing: the transport's share (floorServer.mjs). */
const FLOOR_ARGS = [fileURLToPath(new URL('./floorServer.mjs', import.meta.url)), '--stdio'];

/**
 * Our server's own work on each letter, in this process: the model and line index of a fresh
 * version (parse), the outline, and the outline's JSON. CPU µs a letter, best of five passes.
 */
function inProcess(letters) {
  const features = (name) => require(`../../out/server/src/features/${name}.js`);
  const { createContext } = features('context');
  const { documentSymbols } = features('symbols');
  const cpuOf = (fn) => {
    let best = Infinity;
    for (let pass = 0; pass < 5; pass++) {
      const before = process.cpuUsage();
      for (const text of letters) fn(text);
      const used = process.cpuUsage(before);
      best = Math.min(best, (used.user + used.system) / letters.length);
    }
    return best;
  };
  const context = (text) => createContext('file:///bench/letter.txt', 1, text, 'imr-letter');
  const parse = cpuOf(context);
  const outline = cpuOf((text) => documentSymbols(context(text))) - parse;
  const json = cpuOf((text) => JSON.stringify(documentSymbols(context(text)))) - parse - outline;
  return { parseUs: parse, outlineUs: outline, jsonUs: json };
}

/** Letters each server has opened before the steady-state runs. */
const STEADY_AFTER = 6000;

/** `letters` and `markdownLetters`: the same letters, as text and as Markdown. */
export function measureManyLetters(
  serverArgs,
  markdownArgs,
  letters,
  markdownLetters,
  { runs = 3, warmup = letters.length } = {},
) {
  return bothServers(serverArgs, markdownArgs, async (ours, markdown) => {
    const texts = new Map([
      [ours, letters],
      [markdown, markdownLetters],
    ]);
    let fewestSymbols = Infinity;
    const counted = new Set([ours, markdown]);
    const all = async (session, count = letters.length) => {
      const t0 = performance.now();
      for (const text of texts.get(session).slice(0, count)) {
        const { symbols } = await session.openToOutline('many', text);
        if (counted.has(session)) fewestSymbols = Math.min(fewestSymbols, symbols);
      }
      return performance.now() - t0;
    };
    await all(ours, warmup);
    await all(markdown, warmup);
    const result = await taking(ours, markdown, runs, 500, all);
    // The same after each server has seen STEADY_AFTER letters: V8 on Node 20 takes several
    // thousand letters to finish optimizing our server's code (its CPU a letter falls about
    // fourfold from the first thousand to the sixth), the Markdown server's far fewer. Shown beside
    // the target figure, which stays the one after a thousand.
    for (let seen = warmup + runs * letters.length; seen < STEADY_AFTER; seen += letters.length) {
      await all(ours);
      await all(markdown);
    }
    const steady = await taking(ours, markdown, runs, 500, all);
    // The transport alone, on the same letters, after the comparison.
    const floor = await startOutlineSession('ours', FLOOR_ARGS);
    let floorMs;
    try {
      texts.set(floor, letters);
      await all(floor, warmup);
      floorMs = median([await all(floor), await all(floor), await all(floor)]);
    } finally {
      await floor.stop();
    }
    return {
      letters: letters.length,
      ...result,
      floorPerLetterMs: floorMs / letters.length,
      inProcess: inProcess(letters),
      steady: {
        after: STEADY_AFTER,
        oursPerLetterMs: steady.ours.median / letters.length,
        markdownPerLetterMs: steady.markdown.median / letters.length,
        ratio: steady.ratio,
        runs: steady.runs.map((r) => r.ratio),
      },
      oursPerLetterMs: result.ours.median / letters.length,
      markdownPerLetterMs: result.markdown.median / letters.length,
      // Every outline had something in it (an empty answer would be a fast wrong one).
      fewestSymbols,
    };
  });
}

/** Open -> outline of one large text (`big`, and `markdownBig` the same as Markdown). */
export function measureBigPeer(serverArgs, markdownArgs, big, markdownBig, { runs = 3, pauseMs = 1500 } = {}) {
  return bothServers(serverArgs, markdownArgs, async (ours, markdown) => {
    const texts = new Map([
      [ours, big],
      [markdown, markdownBig],
    ]);
    const once = async (session) => (await session.openToOutline('big', texts.get(session))).elapsed;
    for (const session of [ours, markdown]) {
      await once(session);
      await sleep(pauseMs);
    }
    return taking(ours, markdown, runs, pauseMs, once);
  });
}
