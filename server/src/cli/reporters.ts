// Reports of `check`: text (one line per diagnostic, `path:line:col severity code message`, the
// form editors and CI logs turn into links), JSON, and SARIF 2.1.0 for code-scanning tools. Each
// writes a file's results as soon as the file is done; JSON and SARIF are written as one document
// whose arrays are streamed, so the output is valid JSON without the run being held in memory.

import * as path from 'path';
import { pathToFileURL } from 'url';
import { CODE_DESCRIPTIONS, DIAGNOSTIC_CODES, DiagnosticCode, Severity } from '../engine/check';
import { ruleDocUri } from '../node/ruleDocs';
import type { FileDiagnostic, FileReport } from '../export/analyze';
import type { Output } from '../files/output';

export interface Summary {
  /** Files read (letters, skipped and failed). */
  files: number;
  /** Files that hold letters. */
  letterFiles: number;
  letters: number;
  items: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  /** Files that are not letters (text that isLetter() rejects). */
  notLetters: number;
  binary: number;
  unreadable: number;
  failed: number;
}

export function emptySummary(): Summary {
  return {
    files: 0,
    letterFiles: 0,
    letters: 0,
    items: 0,
    errors: 0,
    warnings: 0,
    information: 0,
    hints: 0,
    notLetters: 0,
    binary: 0,
    unreadable: 0,
    failed: 0,
  };
}

/** Diagnostics a report shows: all of them, or errors only with --quiet. */
export function shown(report: FileReport, quiet: boolean): FileDiagnostic[] {
  return quiet ? report.diagnostics.filter((d) => d.severity === 'error') : report.diagnostics;
}

export function addToSummary(s: Summary, report: FileReport): void {
  s.files++;
  switch (report.status) {
    case 'letter':
      s.letterFiles++;
      s.letters += report.letters;
      s.items += report.items;
      for (const d of report.diagnostics) {
        if (d.severity === 'error') s.errors++;
        else if (d.severity === 'warning') s.warnings++;
        else if (d.severity === 'information') s.information++;
        else s.hints++;
      }
      break;
    case 'not-letter':
      s.notLetters++;
      break;
    case 'binary':
      s.binary++;
      break;
    case 'unreadable':
      s.unreadable++;
      break;
    case 'failed':
      s.failed++;
      break;
  }
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `4 letters checked, 0 errors, 0 warnings; 2 files skipped (not letters)`, with rarer counts added only when not zero. */
export function summaryLine(s: Summary): string {
  let line = `${plural(s.letters, 'letter')} checked`;
  if (s.letters !== s.letterFiles) line += ` (in ${plural(s.letterFiles, 'file')})`;
  line += `, ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`;
  if (s.information > 0) line += `, ${s.information} information`;
  if (s.hints > 0) line += `, ${plural(s.hints, 'hint')}`;
  line += `; ${plural(s.notLetters + s.binary, 'file')} skipped (not letters)`;
  if (s.unreadable + s.failed > 0) line += `; ${plural(s.unreadable + s.failed, 'file')} could not be checked`;
  return line;
}

export function diagnosticLine(display: string, d: FileDiagnostic): string {
  return `${display}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

export interface CheckReporter {
  start(): Promise<void>;
  file(report: FileReport): Promise<void>;
  end(summary: Summary): Promise<void>;
}

export class TextReporter implements CheckReporter {
  constructor(
    private readonly out: Output,
    private readonly quiet: boolean,
  ) {}
  async start(): Promise<void> {}
  async file(report: FileReport): Promise<void> {
    const lines = shown(report, this.quiet).map((d) => diagnosticLine(report.display, d) + '\n');
    await this.out.write(lines.join(''));
  }
  async end(summary: Summary): Promise<void> {
    await this.out.write(summaryLine(summary) + '\n');
  }
}

export class JsonReporter implements CheckReporter {
  private count = 0;
  constructor(
    private readonly out: Output,
    private readonly quiet: boolean,
    private readonly version: string,
  ) {}
  async start(): Promise<void> {
    await this.out.write(`{"tool":{"name":"imr-letters","version":${JSON.stringify(this.version)}},"files":[`);
  }
  async file(report: FileReport): Promise<void> {
    const entry: Record<string, unknown> = { path: report.display, status: report.status };
    if (report.error) entry.error = report.error;
    if (report.status === 'letter') {
      entry.letters = report.letters;
      entry.items = report.items;
      entry.diagnostics = shown(report, this.quiet);
    }
    await this.out.write((this.count++ === 0 ? '\n' : ',\n') + JSON.stringify(entry));
  }
  async end(summary: Summary): Promise<void> {
    await this.out.write(`\n],"summary":${JSON.stringify(summary)}}\n`);
  }
}

const SARIF_LEVEL: Record<Exclude<Severity, 'off'>, string> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

function ruleName(code: string): string {
  return code.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
}

/** A relative URI for a path under the working folder, an absolute file URI otherwise. */
export function sarifArtifact(report: FileReport, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, report.path);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(report.path).href };
}

export class SarifReporter implements CheckReporter {
  private count = 0;
  private readonly notifications: object[] = [];
  constructor(
    private readonly out: Output,
    private readonly quiet: boolean,
    private readonly version: string,
    private readonly severities: Readonly<Record<DiagnosticCode, Severity>>,
    private readonly cwd: string,
  ) {}

  async start(): Promise<void> {
    const rules = DIAGNOSTIC_CODES.map((code) => {
      const level = this.severities[code];
      const helpUri = ruleDocUri(code);
      return {
        id: code,
        name: ruleName(code),
        shortDescription: { text: CODE_DESCRIPTIONS[code] },
        // The rule's page as shipped with the tool (docs/rules/<code>.md), when it is there.
        ...(helpUri ? { helpUri } : {}),
        defaultConfiguration: level === 'off' ? { enabled: false } : { level: SARIF_LEVEL[level] },
      };
    });
    const head = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
    };
    const run = {
      tool: { driver: { name: 'imr-letters', version: this.version, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(this.cwd).href.replace(/\/?$/, '/') } },
      columnKind: 'utf16CodeUnits',
    };
    const headJson = JSON.stringify(head);
    const runJson = JSON.stringify(run);
    // Open the document by hand so results can be streamed into it.
    await this.out.write(`${headJson.slice(0, -1)},"runs":[${runJson.slice(0, -1)},"results":[`);
  }

  async file(report: FileReport): Promise<void> {
    const artifactLocation = sarifArtifact(report, this.cwd);
    if (report.status === 'binary' || report.status === 'unreadable' || report.status === 'failed') {
      this.notifications.push({
        level: report.status === 'binary' ? 'note' : 'error',
        message: {
          text:
            report.status === 'binary'
              ? `${report.display}: binary file, skipped`
              : `${report.display}: ${report.error ?? 'cannot read'}`,
        },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
    }
    let chunk = '';
    for (const d of shown(report, this.quiet)) {
      const result: Record<string, unknown> = {
        ruleId: d.code,
        ruleIndex: DIAGNOSTIC_CODES.indexOf(d.code),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
            },
          },
        ],
      };
      if (d.related) {
        result.relatedLocations = [
          {
            id: 1,
            message: { text: d.related.message },
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: d.related.line,
                startColumn: d.related.column,
                endLine: d.related.endLine,
                endColumn: d.related.endColumn,
              },
            },
          },
        ];
      }
      chunk += (this.count++ === 0 ? '\n' : ',\n') + JSON.stringify(result);
    }
    await this.out.write(chunk);
  }

  async end(summary: Summary): Promise<void> {
    const invocation = {
      executionSuccessful: summary.unreadable + summary.failed === 0,
      toolExecutionNotifications: this.notifications,
    };
    await this.out.write(`\n],"invocations":[${JSON.stringify(invocation)}]}]}\n`);
  }
}
