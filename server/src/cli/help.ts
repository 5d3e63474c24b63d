// --help and --version.

import * as fs from 'fs';
import * as path from 'path';
import { CODE_DESCRIPTIONS, DEFAULT_SEVERITIES, DIAGNOSTIC_CODES } from '../engine/check';

/**
 * The package's version, from the package.json above this script: dist/cli.js in the bundle,
 * out/server/src/cli/help.js in tsc's output. Read at run time rather than required, so the bundler
 * does not have to resolve a path that differs between the two layouts.
 */
export function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'imr-letters' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      /* not here: look further up */
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return 'unknown';
}

export function helpText(): string {
  const width = Math.max(...DIAGNOSTIC_CODES.map((c) => c.length));
  const codes = DIAGNOSTIC_CODES.map(
    (c) => `  ${c.padEnd(width)}  ${DEFAULT_SEVERITIES[c].padEnd(7)}  ${CODE_DESCRIPTIONS[c]}`,
  ).join('\n');
  return `imr-letters: check, outline, export and report on IMR Final Determination Letters, saved as text or as
the PDFs they are issued as.

Usage:
  imr-letters check <files|folders|globs...> [options]
  imr-letters outline <file...> [--format text|json]
  imr-letters export <files|folders|globs...> [--format json|csv|jsonl] [--output file]
  imr-letters report <files|folders|globs...> [--format html|md|json] [--output file]
                     [--status <s>]... [--tag <t>]...
  imr-letters text <file> [--output file.txt]
  imr-letters notes add <letter> [--item <number|name>] [--text <text>] [--tag <t>]... [--status <s>]
  imr-letters notes list <files|folders|globs...> [--format text|json|csv]
  imr-letters --help | --version

Commands:
  check     Report each problem as 'path:line:col severity code message', then a summary line.
            Files that are not letters are skipped and counted, not failed.
  outline   Print a letter's outline: letter > sections > disputed items (with outcome) > parts.
  export    One record per disputed item: file, letter, caseNumber, item (for a partly authorized
            item, the part left for IMR), requested and authorized (its original request and what
            the claims administrator authorized), outcome, outcomeText, line, reviewerSpecialty,
            sources, citations, conclusion, diagnostics; the header's
            dateAssigned, decisionDate, dateOfInjury, urDenialDate, applicationReceived (ISO
            YYYY-MM-DD), priority and daysToDecision; patientAge, patientSex, diagnoses as the case
            summary states them; reviewerLicensure, reviewerSpecialties; the item's category,
            subcategory and drugClass as the DWC counts them (see docs/treatment-categories.md),
            drug and quantity; from the notes file, the item's notes, its letter's letterNotes,
            tags and status, and appealBy (ISO). Missing values are null (CSV: empty); lists in a
            CSV cell are joined with "; ", notes one per line. CSV follows RFC 4180: records end in
            CRLF; a cell holding a comma, a quote or a line break is quoted, quotes doubled.
  report    The decisions report: totals, each category's share, overturn rates by category, drug
            class, guideline source, reviewer specialty, priority and decision month, median days
            to decision, the top drugs, and the items, as a self-contained HTML page (opens
            offline in any browser), Markdown or JSON. Items with notes show their letter's status
            and their tags. --status keeps the items of letters with that status, --tag the items
            with that tag on the item or its letter (case and a leading # ignored, as in the
            editor); each may be repeated (any of its values), and the two together both apply.
            The report then names the filter and the items it kept of all. Filtering needs the
            notes files whole: a damaged one is named and no report is written (exit 2); without
            --status/--tag it is a warning and the report has no notes.
  notes     Notes, tags and a status kept beside the letters in .imr-letters/notes.json (the file
            the editor shows them from; found upward from the letter, else created in the working
            folder). 'notes add' puts a note (Markdown) on an item (--item: its number, 1-based in
            the letter's order, or its name) or, without --item, on the letter as a whole; --tag
            (repeatable) tags the item or letter, --status sets the letter's status; --letter n
            picks a letter in a file of several. Notes are attached by the letter's case number
            (else its path) and the item's name, never a line: a letter's PDF and its text show
            the same notes. 'notes list' prints them; a note whose item is no longer found is
            listed as detached, never dropped. See docs/notes.md.
  text      Write a letter's text: for a PDF, the text of its text layer as the other commands
            read it (a scanned PDF has none: run OCR on it first).

Inputs:
  A file is read whatever its name (one named .pdf through its text layer). A folder is
  searched recursively for .txt, .imr and .pdf files (hidden folders and node_modules are skipped;
  --no-pdf leaves PDFs out). A glob (quote it: 'letters/**/*.txt') may use
  * (within a folder name), ** (any number of folders), ?, {a,b} alternatives and [0-9] or
  [!0-9] ranges. Lines and columns are 1-based.

Options:
  -f, --format <name>      check: text (default), json, sarif. export: json (default), csv, jsonl.
                           report: html (default), md, json. outline: text (default), json.
  -o, --output <file>      Write the report or export to a file instead of standard output.
  -j, --jobs <n>           Worker threads; 1 checks on the main thread. Default: one per core when
                           the files are work enough to pay for starting them, else 1. A worker
                           held by one PDF past its time limit is ended: 'x.pdf: cannot read
                           (timed out after 65 s)', and the other files are checked.
  -c, --config <file>      Settings file; default: the nearest .imr-letters.json from the working
                           folder upward. Shape: {"diagnostics": {"severity": {"<code>": "<level>"}}},
                           level one of error, warning, information, hint, off (as the editor setting
                           imrLetters.diagnostics.severity).
      --max-warnings <n>   check: exit 1 when there are more than n warnings.
  -q, --quiet              check: report errors only.
      --progress           Show the progress bar on stderr even when it is not a terminal.
      --no-progress        Never show it (default: shown on a terminal, not in pipes or when CI is set).
      --bom                export --format csv: start with a UTF-8 byte order mark (for Excel).
      --no-pdf             check, export, report: search folders and globs for .txt and .imr files only.
      --status <s>         report: only the items of letters with status s in the notes file (repeatable).
      --tag <t>            report: only the items tagged t, on the item or its letter (repeatable).
  -h, --help               This help.
  -V, --version            The version.

Exit codes:
  0  check: no errors (and no more warnings than --max-warnings); outline, export, report: done.
  1  check: errors found, or more warnings than --max-warnings.
  2  Usage error (unknown command or option, bad value, bad config file), a path that does not
     exist, a folder with no letter files, a glob that matches nothing, an unreadable file,
     a PDF that gives no text (damaged, truncated, encrypted, empty, too large, or a scan without a
     text layer: one line on stderr names it and why; letters beside it are still checked),
     no letters at all among the inputs, or (outline, text) a file that is not a letter. In check and
     export, files that are not letters are counted as skipped (a binary one is also named on
     stderr: 'path: binary file, skipped') and do not change the exit code.

Diagnostic codes (default severity):
${codes}
`;
}
