// Entry point of the window reload's second half (extensionTestsPath of the workbench that
// test/editor/run-browser.mjs loads again): afterReload.test.js only, whatever IMR_EDITOR_GREP
// says, since it also removes the notes the first half left.
import * as path from 'node:path';
import { runMocha } from '../index';

export function run(): Promise<void> {
  return runMocha([path.join(__dirname, 'afterReload.test.js')], { grep: undefined });
}
