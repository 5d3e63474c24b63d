#!/usr/bin/env node
// The IMR Letters command-line tool (`imr-letters --help`); the bundle runs on load.
require('../dist/cli.js');
