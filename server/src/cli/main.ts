// The tool's commands, from parsed arguments to an exit code. Everything a user can get wrong ends
// here as one line on stderr and exit code 2; nothing below prints a stack trace unless
// IMR_LETTERS_DEBUG is set.

import * as fs from 'fs';
import * as path from 'path';
import type { Writable } from 'stream';
import { isPdfPath } from '../pdf/letterText';
import { FileReport, readAnyLetterFile, treatAsLetter } from './analyze';
import { autoJobs, coreCount, parseArgs, CliOptions, UsageError } from './args';
import { ConfigError, effectiveSeverities, loadConfig } from './config';
import { discover } from './discover';
import { displayPath } from './displayPath';
import { LETTER_AND_PDF_EXTENSIONS, LETTER_EXTENSIONS } from '../workspace/extensions';
import { printablePath } from '../workspace/walk';
import { CsvWriter, FormattedWriter, JsonArrayWriter, JsonLinesWriter } from './export';
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
import { notesCommand } from './notes';
import { outlineOf, renderOutline } from './outline';
import { openOutputFile, Output } from './output';
import { closePool, Pool, PoolSetup, runFiles, startPool, warmPool } from './pool';
import { ReportCollector } from './report';
import type { ReportFormat } from '../report/render';
import { Progress, progressWanted } from './progress';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/**
 * A PDF next to a text letter when choosing how many workers to start: a warm reader takes 30 to
 * 90 ms a letter where the engine checks a text letter in a tenth of a millisecond, but each worker
 * first loads pdf.js and warms it up (half a second on its first letter, more over its first tens
 * of letters): a worker pays for itself from about 32 PDFs (FILES_PER_WORKER / PDF_WEIGHT).
 */
const PDF_WEIGHT = 4;

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  /** The script worker threads run (the entry the process was started with). */
  script: string;
}

/**
 * Workers to start before the folder walk, so that each loads the tool meanwhile: as many as
 * --jobs asks for, or one per core when an input is a folder or a glob (likely many files); the
 * count the files call for (autoJobs) is settled after the walk and the extra workers ended.
 */
function earlyWorkers(options: CliOptions, cwd: string): number {
  if (options.command !== 'check' && options.command !== 'export' && options.command !== 'report') return 0;
  if (options.jobs !== undefined) return options.jobs > 1 ? options.jobs : 0;
  const many = options.inputs.some((input) => {
    try {
      return fs.statSync(path.resolve(cwd, input)).isDirectory();
    } catch {
      return true; // a glob (or a missing path, which discovery reports)
    }
  });
  return many && coreCount() > 1 ? coreCount() : 0;
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
  const early = earlyWorkers(options, io.cwd);
  const pool: Pool | undefined = early > 0 ? startPool(early, io.script, setup) : undefined;
  try {
    return await runCommand(options, io, setup, pool);
  } finally {
    if (pool) closePool(pool);
  }
}

async function runCommand(options: CliOptions, io: Io, setup: PoolSetup, early: Pool | undefined): Promise<number> {
  const say = (line: string) => void io.stderr.write(line + '\n');
  const found = await discover(
    options.inputs,
    io.cwd,
    options.noPdf ? LETTER_EXTENSIONS : LETTER_AND_PDF_EXTENSIONS,
    // Loading pdf.js takes a worker a few hundred milliseconds: it starts as the walk meets a PDF.
    early ? () => warmPool(early) : undefined,
  );
  for (const p of found.problems) say(`${p.input}: ${p.message}`);
  for (const n of found.skipped) say(`${printablePath(displayPath(n.path, io.cwd))}: skipped (${n.reason})`);
  const exit = found.problems.length > 0 ? EXIT_USAGE : EXIT_OK;
  if (found.files.length === 0) return EXIT_USAGE;

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
    const collector = new ReportCollector(out, options.format as ReportFormat);
    onFile = (r) => collector.file(r);
    finish = () => collector.end();
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
  const jobs = options.jobs ?? autoJobs(files.length + (PDF_WEIGHT - 1) * files.filter(isPdfPath).length);
  // One job: this thread does the work, without a worker's start-up; else the workers the files call for.
  let pool = early;
  if (jobs <= 1) {
    if (pool) closePool(pool);
  } else if (!pool) pool = startPool(jobs, io.script, setup);
  else if (pool.workers.length > jobs) closePool(pool, jobs);
  const run = runFiles(files, {
    pool,
    setup,
    onReport: async (report) => {
      addToSummary(summary, report);
      if (report.status === 'binary') notice(`${report.display}: binary file, skipped`);
      else if (report.status === 'unreadable') notice(`${report.display}: cannot read (${report.error})`);
      else if (report.status === 'failed') notice(`${report.display}: ${report.error}`);
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
  await finish();
  await out.close();

  if (options.command === 'export' || options.command === 'report') say(exportSummary(summary, options));
  return Math.max(exit, exitCode(summary, options, say));
}

function exportSummary(s: Summary, options: CliOptions): string {
  const where = options.output !== undefined ? ` to ${options.output}` : '';
  const verb = options.command === 'report' ? 'reported' : 'exported';
  return `imr-letters: ${verb} ${s.items} item${s.items === 1 ? '' : 's'} from ${s.letters} letter${s.letters === 1 ? '' : 's'}${where}; ${s.notLetters + s.binary} file${s.notLetters + s.binary === 1 ? '' : 's'} skipped (not letters)`;
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
    const read = await readAnyLetterFile(abs);
    if (read.kind === 'unreadable') {
      say(`${display}: cannot read (${read.error})`);
      exit = EXIT_USAGE;
    } else if (read.kind === 'binary') {
      say(`${display}: binary file, not a letter`);
      exit = EXIT_USAGE;
    } else if (!treatAsLetter(abs, read.text)) {
      say(`${display}: not an IMR letter`);
      exit = EXIT_USAGE;
    } else {
      results.push({ file: display, letters: outlineOf(read.text, abs) });
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
  const read = await readAnyLetterFile(abs);
  if (read.kind === 'unreadable') {
    say(`${display}: cannot read (${read.error})`);
    return EXIT_USAGE;
  }
  if (read.kind === 'binary') {
    say(`${display}: binary file, not a letter`);
    return EXIT_USAGE;
  }
  await out.write(read.text);
  if (!treatAsLetter(abs, read.text)) {
    say(`${display}: not an IMR letter (its text is written all the same)`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}
