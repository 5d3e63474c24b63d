#!/usr/bin/env node
// The IMR Letters language server for any LSP client: `imr-letters-language-server --stdio`.
// The bundle picks the transport from the command line (--stdio, --node-ipc, --socket=<port>).
require('../dist/server.js');
