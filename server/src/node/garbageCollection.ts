// Giving memory back once work on a large document pauses (one of the memory measures listed in
// engine/memory.ts).
//
// V8 collects garbage only when the program allocates, and lets the heap grow well past what is
// live before a full collection. A language server is idle once a 10 MB letter export is closed,
// or between bursts of typing in one (each version's model is garbage once the next is built), so
// that memory would stay resident until the next burst of work (docs/performance.md, "Memory").
// Closing a large document, or a pause after editing one, therefore asks for one full collection;
// a new request for one postpones it, so it runs only when the server is idle.
//
// That collection frees the garbage but not the pages it lived in: V8 keeps the young generation
// at the size the parse grew it to and old-space pages it emptied. A collection gives them back
// only when V8 finds the allocation rate low, which it judges over the last 5 s, and its own
// memory reducer gets there much later. So after a close, a second collection follows once the
// server has been idle that long. Not after a pause in typing: the document is still open, and the
// next edit's parse would first have to grow the young generation again.
//
// Out of reach from here: what glibc's malloc keeps for reuse once the large blocks of each parse
// are freed; only malloc_trim() gives it back, which Node does not offer, or a fixed
// MALLOC_MMAP_THRESHOLD_ in the environment the server starts with (SERVER_ENVIRONMENT in
// protocol.ts, which the extension sets).

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Longer than the 5 s over which V8 measures the allocation rate, so that it reads as idle. */
const IDLE_RATE_WINDOW_MS = 5500;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return (collect = exposed);
  try {
    // Node's documented way to reach gc() without starting node with --expose-gc: the flag set at
    // run time gives the next new context a gc function.
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

function after(delayMs: number, run: () => void): void {
  timer = setTimeout(() => {
    timer = undefined;
    run();
  }, delayMs);
  timer.unref?.();
}

/**
 * One full collection after `delayMs` without a new request for one; with `release` (a large
 * document closed), a second once the server has been idle long enough for V8 to give pages back.
 */
export function collectSoon(delayMs = 1000, { release = false } = {}): void {
  if (timer) clearTimeout(timer);
  after(delayMs, () => {
    // gc({ type: 'major' }) would read better, but Node 20's V8 runs a young-generation
    // collection for any options object: only the bare call is a full one.
    collector()?.();
    if (release) after(IDLE_RATE_WINDOW_MS, () => collector()?.());
  });
}
