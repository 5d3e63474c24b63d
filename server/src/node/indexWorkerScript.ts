// Where the workspace index's worker threads start from: the bundle beside the server's
// (dist/indexWorker.js). The browser build has no worker threads (browser/indexWorkerScript.ts).

import * as path from 'path';

export function indexWorkerScript(): string | undefined {
  return path.join(__dirname, 'indexWorker.js');
}
