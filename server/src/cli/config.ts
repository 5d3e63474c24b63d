// The tool's settings: the same severities per diagnostic code as the extension's
// `imrLetters.diagnostics.severity` setting, read from `.imr-letters.json` (found upward from the
// working folder) or from the file named by --config. Unlike the editor, which falls back to the
// default for a value it does not know, the tool refuses a config with a mistake in it: a typo in
// CI would otherwise silently change what fails the build.

import * as fs from 'fs';
import * as path from 'path';
import { DIAGNOSTIC_CODES, DiagnosticCode, Severity } from '../engine/check';
import { severityFor } from '../engine/check';

export const CONFIG_FILE_NAME = '.imr-letters.json';

export interface CliConfig {
  /** Where it came from; undefined when no file was found (all defaults). */
  file?: string;
  /** The user's levels by code, as the editor setting holds them. */
  severity: Record<string, string>;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

export function findConfig(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* keep looking */
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseConfig(text: string, file: string): CliConfig {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(json)) throw new ConfigError(`${file}: expected an object like {"diagnostics": {"severity": {...}}}`);
  for (const key of Object.keys(json)) {
    if (key !== 'diagnostics' && key !== '$schema')
      throw new ConfigError(`${file}: unknown key '${key}' (expected "diagnostics")`);
  }
  const severity: Record<string, string> = {};
  const diagnostics = json.diagnostics;
  if (diagnostics === undefined) return { file, severity };
  if (!isObject(diagnostics)) throw new ConfigError(`${file}: "diagnostics" must be an object`);
  for (const key of Object.keys(diagnostics)) {
    if (key !== 'severity') throw new ConfigError(`${file}: unknown key 'diagnostics.${key}' (expected "severity")`);
  }
  const levels = diagnostics.severity;
  if (levels === undefined) return { file, severity };
  if (!isObject(levels)) throw new ConfigError(`${file}: "diagnostics.severity" must be an object of code: level`);
  for (const [code, level] of Object.entries(levels)) {
    if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code)) {
      throw new ConfigError(
        `${file}: unknown diagnostic code '${code}' in diagnostics.severity (known: ${DIAGNOSTIC_CODES.join(', ')})`,
      );
    }
    if (typeof level !== 'string' || !(LEVELS.includes(level.toLowerCase()) || level.toLowerCase() === 'info')) {
      throw new ConfigError(
        `${file}: diagnostics.severity.${code} must be one of ${LEVELS.join(', ')}; got ${JSON.stringify(level)}`,
      );
    }
    severity[code] = level;
  }
  return { file, severity };
}

/** The config in force: --config when given (it must exist), else the nearest `.imr-letters.json`, else none. */
export function loadConfig(explicit: string | undefined, cwd: string): CliConfig {
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : findConfig(cwd);
  if (file === undefined) return { severity: {} };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const shown = explicit ?? file;
    throw new ConfigError(
      `${shown}: cannot read config file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (code ?? String(e))})`,
    );
  }
  return parseConfig(text, explicit ?? path.relative(cwd, file));
}

/** The levels in force for every code, with the editor's own rule (severityFor). */
export function effectiveSeverities(config: CliConfig): Record<DiagnosticCode, Severity> {
  const out = {} as Record<DiagnosticCode, Severity>;
  for (const code of DIAGNOSTIC_CODES) out[code] = severityFor(code, config.severity);
  return out;
}
