// How many cores sat idle while the main thread was busy on its own (reading the command line,
// walking the folders): workers pay only on cores nothing else keeps busy, and on a machine other
// jobs load, one thread finishes first. The machine's idle time per core, read twice.

import * as os from 'os';

interface Sample {
  ms: number;
  idleMs: number;
}

function sample(): Sample | undefined {
  const cpus = os.cpus();
  if (cpus.length === 0) return undefined;
  let idleMs = 0;
  for (const c of cpus) idleMs += c.times.idle;
  return { ms: performance.now(), idleMs };
}

export class IdleCores {
  private readonly start = sample();

  /**
   * Cores idle on average since this was made, over `minMs` at least (the system counts idle time
   * in ticks of 10 ms: a shorter span says little); undefined where the system does not tell.
   */
  async measure(minMs: number): Promise<number | undefined> {
    if (!this.start) return undefined;
    const wait = this.start.ms + minMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const end = sample();
    if (!end || end.ms <= this.start.ms) return undefined;
    return Math.max(0, (end.idleMs - this.start.idleMs) / (end.ms - this.start.ms));
  }
}
