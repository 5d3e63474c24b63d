// The workspace index's worker threads (dist/indexWorker.js, or out/server/src/indexWorker.js from
// tsc): each reads and summarizes the batches of letter files the language server sends it
// (workspace/summaryPool.ts). Its own small entry, beside server.ts, so that a worker loads the
// engine and nothing of the server's connection.

import { runSummaryWorker } from './workspace/summaryPool';

runSummaryWorker();
