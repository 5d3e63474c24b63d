// No worker threads in a Web Worker: the indexer reads the files the client hands it on its own
// thread (see node/indexWorkerScript.ts).

export function indexWorkerScript(): string | undefined {
  return undefined;
}
