#!/usr/bin/env node
// Writes the README the .vsix carries (dist/README.vsix.md): README.md with each picture under
// images/ embedded as a data: URI. VS Code's extension details page shows a README's images only
// from https: and data: URIs (its webview's Content-Security-Policy is `img-src https: data:`),
// and an extension installed from a .vsix has no web address to point at; relative links stay as
// they are (`vsce package --no-rewrite-relative-links`). The pictures then need not ship on their
// own: .vscodeignore keeps only the icon.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

let embedded = 0;
const out = readme.replace(/(!\[[^\]]*\]\()(images\/[^)\s]+)(\))/g, (whole, open, file, close) => {
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!type) return whole;
  const data = fs.readFileSync(path.join(root, file)).toString('base64');
  embedded++;
  return `${open}data:${type};base64,${data}${close}`;
});
fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
fs.writeFileSync(path.join(root, 'dist', 'README.vsix.md'), out);
console.log(`vsix-readme: dist/README.vsix.md with ${embedded} picture(s) embedded`);
