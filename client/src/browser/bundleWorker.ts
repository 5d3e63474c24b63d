// Starts one of the extension's browser bundles (dist/browser/server.js, dist/browser/pdf.js) in a
// Worker. A Worker cannot be started from the extension's own address (vscode-remote:, https:),
// only from a blob of the bundle's text, read with vscode.workspace.fs.

import * as vscode from 'vscode';

/** The Worker API of the extension host's global scope (the project compiles without the DOM's types). */
export interface BundleWorker {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error', listener: (event: { data?: unknown; message?: string }) => void): void;
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => BundleWorker;

export interface StartedWorker {
  worker: BundleWorker;
  /** Ends the Worker and frees its blob. */
  stop(): void;
}

export async function startBundleWorker(
  context: vscode.ExtensionContext,
  bundle: string,
  name: string,
): Promise<StartedWorker> {
  const bytes = await vscode.workspace.fs.readFile(
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', bundle),
  );
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  const worker = new Worker(url, { name });
  return {
    worker,
    stop: () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    },
  };
}
