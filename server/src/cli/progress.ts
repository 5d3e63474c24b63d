// A one-line progress bar on stderr. Shown only on an interactive terminal outside CI: in a pipe or
// a CI log, carriage-return redraws would turn into thousands of lines of noise.

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

export function progressWanted(stream: ProgressStream, env: NodeJS.ProcessEnv, forced: boolean | undefined): boolean {
  if (forced !== undefined) return forced;
  if (!stream.isTTY) return false;
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return false;
  return env.TERM !== 'dumb';
}

/** Redraws at most this often: drawing per file would cost more than checking a letter. */
const REDRAW_MS = 100;

export class Progress {
  private done = 0;
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const t = this.now();
    if (t - this.lastDraw >= REDRAW_MS || this.done === this.total) {
      this.lastDraw = t;
      this.draw();
    }
  }

  /** The line as drawn: `[#####-----] 120/2000 files 6%`. */
  line(): string {
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - 30));
    const ratio = this.total === 0 ? 1 : this.done / this.total;
    const filled = Math.round(ratio * width);
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total} files ${Math.floor(ratio * 100)}%`;
  }

  private draw(): void {
    this.stream.write('\r\x1b[K' + this.line());
    this.shown = true;
  }

  /** Wipes the line so other output starts at the left margin; a later tick draws it again. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
