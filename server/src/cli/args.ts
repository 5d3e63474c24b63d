// Command-line arguments: from argv to a typed request, or a UsageError that names the argument.
// Node's parseArgs splits argv into tokens, leniently (strict mode would throw its own messages);
// every mistake is found here in the tokens and comes back as one line that says what is wrong and
// which argument, never as a library's stack trace.

import { parseArgs as tokenize } from 'node:util';

export type Command = 'check' | 'outline' | 'export' | 'report' | 'text';

export const FORMATS: Readonly<Record<Command, readonly string[]>> = {
  check: ['text', 'json', 'sarif'],
  outline: ['text', 'json'],
  export: ['json', 'csv', 'jsonl'],
  report: ['html', 'md', 'json'],
  text: ['text'],
};

export interface CliOptions {
  command: Command;
  inputs: string[];
  format: string;
  /** Worker threads as given by --jobs (1: everything on the main thread); undefined: chosen by the run's size. */
  jobs?: number;
  maxWarnings?: number;
  config?: string;
  output?: string;
  /** Report errors only (as ESLint's --quiet). */
  quiet: boolean;
  /** undefined: automatic (a TTY on stderr and not CI). */
  progress?: boolean;
  /** Put a UTF-8 byte order mark before CSV output, for spreadsheet programs that need one. */
  bom: boolean;
  /** Leave .pdf files out of folder and glob searches (`--no-pdf`). */
  noPdf: boolean;
  /** report: only the items of letters with one of these statuses in the notes file (`--status`, repeatable). */
  statuses: string[];
  /** report: only the items with one of these tags, on the item or its letter (`--tag`, repeatable). */
  tags: string[];
}

export type ParsedArgs = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: CliOptions };

/** A mistake in how the tool was called: exit code 2, one line on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface OptionSpec {
  name: string;
  short?: string;
  /** Takes a value (`--format json` or `--format=json`). */
  value: boolean;
  /** May be given several times, each value kept. */
  repeatable?: boolean;
  commands: readonly Command[];
}

const ALL: readonly Command[] = ['check', 'outline', 'export', 'report', 'text'];

const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', value: true, commands: ['check', 'outline', 'export', 'report'] },
  { name: 'jobs', short: 'j', value: true, commands: ['check', 'export', 'report'] },
  { name: 'max-warnings', value: true, commands: ['check'] },
  { name: 'config', short: 'c', value: true, commands: ['check', 'export', 'report'] },
  { name: 'output', short: 'o', value: true, commands: ['check', 'export', 'report', 'outline', 'text'] },
  { name: 'quiet', short: 'q', value: false, commands: ['check'] },
  { name: 'progress', value: false, commands: ['check', 'export', 'report'] },
  { name: 'no-progress', value: false, commands: ['check', 'export', 'report'] },
  { name: 'bom', value: false, commands: ['export'] },
  { name: 'no-pdf', value: false, commands: ['check', 'export', 'report'] },
  { name: 'status', value: true, repeatable: true, commands: ['report'] },
  { name: 'tag', value: true, repeatable: true, commands: ['report'] },
  { name: 'help', short: 'h', value: false, commands: ALL },
  { name: 'version', short: 'V', value: false, commands: ALL },
];

function where(index: number): string {
  return `argument ${index + 1}`;
}

function parseCount(name: string, raw: string, index: number, min: number): number {
  if (!/^\d+$/.test(raw))
    throw new UsageError(`option '--${name}' needs a whole number, got '${raw}' (${where(index)})`);
  const n = Number(raw);
  if (n < min || !Number.isSafeInteger(n))
    throw new UsageError(`option '--${name}' must be at least ${min}, got '${raw}' (${where(index)})`);
  return n;
}

/** Node's parseArgs options for OPTIONS: it only splits argv; what applies where is checked here. */
const TOKEN_OPTIONS = Object.fromEntries(
  OPTIONS.map((o) => [
    o.name,
    { type: o.value ? ('string' as const) : ('boolean' as const), ...(o.short ? { short: o.short } : {}) },
  ]),
);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let command: Command | undefined;
  const inputs: string[] = [];
  const values = new Map<string, { value: string | true; index: number }>();
  const repeated = new Map<string, string[]>();
  let onlyInputs = false;
  const { tokens } = tokenize({
    args: [...argv],
    options: TOKEN_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  for (const token of tokens) {
    const i = token.index;
    if (token.kind === 'option-terminator') {
      onlyInputs = true;
      continue;
    }
    if (token.kind === 'positional') {
      const arg = token.value;
      if (command === undefined && !onlyInputs) {
        if (arg === 'help') return { kind: 'help' };
        if (arg === 'version') return { kind: 'version' };
        if (arg !== 'check' && arg !== 'outline' && arg !== 'export' && arg !== 'report' && arg !== 'text') {
          throw new UsageError(
            `unknown command '${arg}' (${where(i)}): expected check, outline, export, report or text`,
          );
        }
        command = arg;
      } else {
        if (arg === '-')
          throw new UsageError(
            `reading a letter from standard input is not supported ('-', ${where(i)}): pass a file or folder`,
          );
        inputs.push(arg);
      }
      continue;
    }
    const spec = OPTIONS.find((o) => o.name === token.name);
    // Unknown: named as written, `-xyz` whole (parseArgs splits a group of short letters).
    if (!spec) throw new UsageError(`unknown option '${argv[i]}' (${where(i)}); see 'imr-letters --help'`);
    if (spec.name === 'help') return { kind: 'help' };
    if (spec.name === 'version') return { kind: 'version' };
    let value: string | true = true;
    if (spec.value) {
      // parseArgs takes the next argument whatever it is: an option there means this one has no value.
      const v = token.value;
      if (v === undefined || v === '' || (!token.inlineValue && v.startsWith('-') && v !== '-'))
        throw new UsageError(`option '--${spec.name}' needs a value (${where(i)})`);
      value = v;
    } else if (token.value !== undefined || argv[i] !== token.rawName) {
      // `--quiet=x`, or `-qx`: letters after a flag's are no other flags.
      throw new UsageError(`option '--${spec.name}' takes no value (${where(i)})`);
    }
    if (values.has(spec.name) && !spec.repeatable)
      throw new UsageError(`option '--${spec.name}' is given twice (${where(i)})`);
    if (spec.repeatable && typeof value === 'string') {
      if (value.trim() === '') throw new UsageError(`option '--${spec.name}' needs a value (${where(i)})`);
      repeated.set(spec.name, [...(repeated.get(spec.name) ?? []), value.trim()]);
    }
    values.set(spec.name, { value, index: i });
  }

  if (command === undefined)
    throw new UsageError(`missing command: expected check, outline, export, report or text; see 'imr-letters --help'`);
  for (const [name, v] of values) {
    const spec = OPTIONS.find((o) => o.name === name)!;
    if (!spec.commands.includes(command))
      throw new UsageError(`option '--${name}' does not apply to '${command}' (${where(v.index)})`);
  }
  if (inputs.length === 0) {
    throw new UsageError(
      command === 'outline' || command === 'text'
        ? `'${command}' needs a letter file`
        : `'${command}' needs at least one file, folder or glob`,
    );
  }
  if (command === 'text' && inputs.length > 1)
    throw new UsageError(`'text' takes one letter file, got ${inputs.length}: write each to its own --output`);

  const str = (name: string) => {
    const v = values.get(name);
    return v && typeof v.value === 'string' ? v.value : undefined;
  };
  const format = str('format') ?? FORMATS[command][0];
  if (!FORMATS[command].includes(format)) {
    throw new UsageError(
      `option '--format' for '${command}' must be ${FORMATS[command].join(', ')}; got '${format}' (${where(values.get('format')!.index)})`,
    );
  }
  const jobsRaw = values.get('jobs');
  const jobs = jobsRaw ? parseCount('jobs', jobsRaw.value as string, jobsRaw.index, 1) : undefined;
  const mw = values.get('max-warnings');
  const maxWarnings = mw ? parseCount('max-warnings', mw.value as string, mw.index, 0) : undefined;
  if (values.has('progress') && values.has('no-progress')) {
    throw new UsageError(
      `options '--progress' and '--no-progress' contradict each other (${where(values.get('no-progress')!.index)})`,
    );
  }
  if (values.has('bom') && format !== 'csv')
    throw new UsageError(`option '--bom' only applies to '--format csv' (${where(values.get('bom')!.index)})`);
  return {
    kind: 'run',
    options: {
      command,
      inputs,
      format,
      jobs,
      maxWarnings,
      config: str('config'),
      output: str('output'),
      quiet: values.has('quiet'),
      progress: values.has('progress') ? true : values.has('no-progress') ? false : undefined,
      bom: values.has('bom'),
      noPdf: values.has('no-pdf'),
      statuses: repeated.get('status') ?? [],
      tags: repeated.get('tag') ?? [],
    },
  };
}
