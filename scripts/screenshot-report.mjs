// The command line's HTML decisions report, opened in headless chromium (file://, offline) and
// photographed for the README: `node scripts/screenshot-report.mjs [report.html] [out.png]`.
// Without a report it writes one from the posted letters (test/fixtures/letters-pdf) first.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../test/editor/vscode-web.mjs';

const root = path.resolve(import.meta.dirname, '..');
let report = process.argv[2];
if (!report) {
  report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'imr-report-')), 'decisions.html');
  execFileSync(process.execPath, ['dist/cli.js', 'report', 'test/fixtures/letters-pdf', '-o', report], {
    cwd: root,
    stdio: 'inherit',
  });
}
const out = path.resolve(process.argv[3] ?? path.join(root, 'images', 'report-html.png'));

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 }, colorScheme: 'light' });
  // Nothing may come from the network: the page is self-contained.
  const remote = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) remote.push(r.url());
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(report).href);
  // The table sorted by outcome (overturned first) shows the sort arrow in the picture.
  await page.click('#items thead th:nth-child(6)');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: out });
  if (remote.length > 0 || errors.length > 0) {
    console.error(`remote requests: ${remote.join(', ') || 'none'}; script errors: ${errors.join('; ') || 'none'}`);
    process.exitCode = 1;
  }
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
}
