// The tool's commands, from parsed arguments to an exit code. Everything a user can get wrong ends
// here as one line on stderr and exit code 2; nothing below prints a stack trace unless
// IMR_LETTERS_DEBUG is set.

import * as path from 'path';
import type { Writable } from 'stream';
import type { FileReport } from '../export/analyze';
import { isLetterFile } from '../files/fileKinds';
import { readLetterFile } from '../pdf/letterText';
import { parseArgs, CliOptions, UsageError } from './args';
import { ConfigError, effectiveSeverities, loadConfig } from './config';
import { discover } from './discover';
import { displayPath } from './displayPath';
import { LETTER_AND_PDF_EXTENSIONS, LETTER_EXTENSIONS } from '../files/fileKinds';
import { printablePath } from '../files/walk';
import { CsvWriter, FormattedWriter, JsonArrayWriter, JsonLinesWriter } from '../export/writers';
import {
  addToSummary,
  CheckReporter,
  emptySummary,
  JsonReporter,
  SarifReporter,
  Summary,
  TextReporter,
} from './reporters';
import { helpText, packageVersion } from './help';
import { autoJobs, coreCount, idleCores, workOf } from './jobs';
import { notesCommand } from './notes';
import { IdleCores } from '../workers/idleCores';
import { outlineOf, renderOutline } from './outline';
import { openOutputFile, Output } from '../files/output';
import { closePool, PoolSetup, runFiles, startPool } from './pool';
import { damagedNotesFile, ReportCollector } from './report';
import type { ReportFormat } from '../report/render';
import { Progress, progressWanted } from './progress';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  /** The script worker threads run (the entry the process was started with). */
  script: string;
}

function errno(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such folder';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'EISDIR') return 'is a folder';
  return err?.code ?? err?.message ?? String(e);
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // `notes add | list` has arguments of its own (cli/notes.ts).
  if (argv[0] === 'notes') return notesCommand(argv.slice(1), io);
  // The cores other work leaves idle while this thread reads the arguments and walks the folders.
  const idle = new IdleCores();
  const say = (line: string) => void io.stderr.write(line + '\n');
  let options: CliOptions;
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === 'help') {
      io.stdout.write(helpText());
      return EXIT_OK;
    }
    if (parsed.kind === 'version') {
      io.stdout.write(packageVersion() + '\n');
      return EXIT_OK;
    }
    options = parsed.options;
  } catch (e) {
    if (e instanceof UsageError) {
      say(`imr-letters: ${e.message}`);
      return EXIT_USAGE;
    }
    throw e;
  }

  let severities;
  try {
    severities = effectiveSeverities(
      options.command === 'outline' ? { severity: {} } : loadConfig(options.config, io.cwd),
    );
  } catch (e) {
    if (e instanceof ConfigError) {
      say(`imr-letters: ${e.message}`);
      return EXIT_USAGE;
    }
    throw e;
  }

  const setup: PoolSetup = {
    // report: the export's records, gathered on this thread (cli/report.ts).
    mode: options.command === 'check' ? 'check' : 'export',
    severities,
    cwd: io.cwd,
    format: options.command === 'export' ? (options.format as PoolSetup['format']) : undefined,
  };
  return runCommand(options, io, setup, idle);
}

async function runCommand(options: CliOptions, io: Io, setup: PoolSetup, idle: IdleCores): Promise<number> {
  const say = (line: string) => void io.stderr.write(line + '\n');
  const found = await discover(options.inputs, io.cwd, options.noPdf ? LETTER_EXTENSIONS : LETTER_AND_PDF_EXTENSIONS);
  for (const p of found.problems) say(`${p.input}: ${p.message}`);
  for (const n of found.skipped) say(`${printablePath(displayPath(n.path, io.cwd))}: skipped (${n.reason})`);
  const exit = found.problems.length > 0 ? EXIT_USAGE : EXIT_OK;
  if (found.files.length === 0) return EXIT_USAGE;
  // A report kept to some statuses or tags without the notes that give them would be silently wrong.
  const filtering = options.statuses.length + options.tags.length > 0;
  const damaged = filtering ? damagedNotesFile(found.files, io.cwd) : undefined;
  if (damaged !== undefined) {
    say(`imr-letters: ${damaged}; --status and --tag need it: no report written`);
    return EXIT_USAGE;
  }

  let stream: Writable = io.stdout;
  if (options.output !== undefined) {
    try {
      stream = await openOutputFile(path.resolve(io.cwd, options.output));
    } catch (e) {
      say(`imr-letters: ${options.output}: cannot write (${errno(e)})`);
      return EXIT_USAGE;
    }
  }

  if (options.command === 'text') {
    const out = new Output(stream);
    const code = await letterText(found.files[0], io, out, say);
    await out.close();
    return Math.max(exit, code);
  }

  if (options.command === 'outline') {
    const out = new Output(stream);
    const code = await outline(found.files, options, io, out, say);
    await out.close();
    return Math.max(exit, code);
  }

  const progress = new Progress(io.stderr, found.files.length, progressWanted(io.stderr, io.env, options.progress));
  // Output to the same terminal as the progress bar: wipe the bar before each write.
  const out = new Output(stream, stream === io.stdout && io.stdout.isTTY ? () => progress.clear() : undefined);
  const notice = (line: string) => {
    progress.clear();
    say(line);
  };
  const version = packageVersion();
  const summary = emptySummary();

  let onFile: (r: FileReport) => Promise<void>;
  let finish: () => Promise<void>;
  /** report --status/--tag: the items and letters kept, for the summary line. */
  let kept: { items: number; letters: number } | undefined;
  if (options.command === 'check') {
    const reporter: CheckReporter =
      options.format === 'json'
        ? new JsonReporter(out, options.quiet, version)
        : options.format === 'sarif'
          ? new SarifReporter(out, options.quiet, version, setup.severities, io.cwd)
          : new TextReporter(out, options.quiet);
    await reporter.start();
    onFile = (r) => reporter.file(r);
    finish = () => reporter.end(summary);
  } else if (options.command === 'report') {
    const collector = new ReportCollector(out, options.format as ReportFormat, options.inputs, io.cwd, {
      statuses: options.statuses,
      tags: options.tags,
    });
    onFile = (r) => collector.file(r);
    finish = async () => {
      const counts = await collector.end();
      if (filtering) kept = counts;
    };
  } else {
    const writer: FormattedWriter =
      options.format === 'csv'
        ? new CsvWriter(out, options.bom)
        : options.format === 'jsonl'
          ? new JsonLinesWriter(out)
          : new JsonArrayWriter(out);
    await writer.start();
    // Formatted where the file was analysed (pool.ts analyzeForOutput): only written out here.
    onFile = (r) => writer.formatted(r.recordText ?? '', r.recordCount ?? 0);
    finish = () => writer.end();
  }

  const files = found.files;
  // One job: this thread does the work, without a worker's start-up; else the workers the files pay for.
  const work = options.jobs === undefined ? workOf(files) : undefined;
  const jobs = work ? autoJobs(work, coreCount(), await idleCores(work, idle)) : options.jobs!;
  const pool = jobs > 1 ? startPool(jobs, io.script, setup) : undefined;
  const notesWarned = new Set<string>();
  let notesDamaged: string | undefined;
  const run = runFiles(files, {
    pool,
    setup,
    onReport: async (report) => {
      addToSummary(summary, report);
      if (report.status === 'binary') notice(`${report.display}: binary file, skipped`);
      else if (report.status === 'unreadable') notice(`${report.display}: cannot read (${report.error})`);
      else if (report.status === 'failed') notice(`${report.display}: ${report.error}`);
      // A damaged notes file is named once; the letters are exported without its notes.
      if (report.notesError !== undefined && filtering) notesDamaged ??= report.notesError;
      else if (report.notesError !== undefined && !notesWarned.has(report.notesError)) {
        notesWarned.add(report.notesError);
        notice(`imr-letters: warning: ${report.notesError}; ${verb(options)} without notes`);
      }
      await onFile(report);
      progress.tick();
    },
  });
  try {
    await run;
  } finally {
    if (pool) closePool(pool);
  }
  progress.clear();
  if (notesDamaged !== undefined) {
    // Damaged while the letters were read (checked before): still no report.
    await out.close();
    say(`imr-letters: ${notesDamaged}; --status and --tag need it: no report written`);
    return EXIT_USAGE;
  }
  await finish();
  await out.close();

  if (options.command === 'export' || options.command === 'report') say(exportSummary(summary, options, kept));
  return Math.max(exit, exitCode(summary, options, say));
}

function verb(options: CliOptions): string {
  return options.command === 'report' ? 'reported' : 'exported';
}

/** `reported 84 items from 39 letters`; filtered, `reported 12 of 84 items from 5 of 39 letters`. */
function exportSummary(s: Summary, options: CliOptions, kept?: { items: number; letters: number }): string {
  const where = options.output !== undefined ? ` to ${options.output}` : '';
  const items = `${kept ? `${kept.items} of ` : ''}${s.items} item${s.items === 1 ? '' : 's'}`;
  const letters = `${kept ? `${kept.letters} of ` : ''}${s.letters} letter${s.letters === 1 ? '' : 's'}`;
  return `imr-letters: ${verb(options)} ${items} from ${letters}${where}; ${s.notLetters + s.binary} file${s.notLetters + s.binary === 1 ? '' : 's'} skipped (not letters)`;
}

function exitCode(s: Summary, options: CliOptions, say: (line: string) => void): number {
  if (s.unreadable + s.failed > 0) return EXIT_USAGE;
  if (s.letterFiles === 0) {
    say(`imr-letters: no letters found (${s.files} file${s.files === 1 ? '' : 's'} read, none of them an IMR letter)`);
    return EXIT_USAGE;
  }
  if (options.command !== 'check') return EXIT_OK;
  if (s.errors > 0) return EXIT_PROBLEMS;
  if (options.maxWarnings !== undefined && s.warnings > options.maxWarnings) {
    say(`imr-letters: too many warnings: ${s.warnings} (--max-warnings ${options.maxWarnings})`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

async function outline(
  files: readonly string[],
  options: CliOptions,
  io: Io,
  out: Output,
  say: (line: string) => void,
): Promise<number> {
  let exit = EXIT_OK;
  const results: Array<{ file: string; letters: ReturnType<typeof outlineOf> }> = [];
  for (const abs of files) {
    const display = displayPath(abs, io.cwd);
    const read = await readLetterFile(abs);
    if (read.kind === 'unreadable') {
      say(`${display}: cannot read (${read.error})`);
      exit = EXIT_USAGE;
    } else if (read.kind === 'binary') {
      say(`${display}: binary file, not a letter`);
      exit = EXIT_USAGE;
    } else if (!isLetterFile(abs, read.text)) {
      say(`${display}: not an IMR letter`);
      exit = EXIT_USAGE;
    } else {
      results.push({ file: display, letters: outlineOf(read.text) });
    }
  }
  if (options.format === 'json') {
    await out.write(JSON.stringify(results, null, 2) + '\n');
  } else {
    for (const r of results) {
      // With several files, each tree sits under its file's name.
      if (files.length > 1) await out.write(r.file + '\n' + renderOutline(r.letters, 1));
      else await out.write(renderOutline(r.letters));
    }
  }
  return exit;
}

/** `text`: the letter text of one file (a PDF's text layer), as the other commands read it. */
async function letterText(abs: string, io: Io, out: Output, say: (line: string) => void): Promise<number> {
  const display = displayPath(abs, io.cwd);
  const read = await readLetterFile(abs);
  if (read.kind === 'unreadable') {
    say(`${display}: cannot read (${read.error})`);
    return EXIT_USAGE;
  }
  if (read.kind === 'binary') {
    say(`${display}: binary file, not a letter`);
    return EXIT_USAGE;
  }
  await out.write(read.text);
  if (!isLetterFile(abs, read.text)) {
    say(`${display}: not an IMR letter (its text is written all the same)`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}
