// Node's fs in the browser build: there is no disk to read in VS Code for the Web. The modules that
// import fs (the folder walker, the file reader, the saved index, the export's output file) are in
// the bundle but not reached there: the client lists and reads the workspace's files for the
// server. A call that gets here anyway fails saying so.

import { unavailable } from '../unavailable';

export const constants: Record<string, number> = {};
export const promises = new Proxy({}, { get: (_target, name) => unavailable(`fs.promises.${String(name)}`) });
export const openSync = unavailable('fs.openSync');
export const fstatSync = unavailable('fs.fstatSync');
export const readSync = unavailable('fs.readSync');
export const closeSync = unavailable('fs.closeSync');
export const statSync = unavailable('fs.statSync');
export const createWriteStream = unavailable('fs.createWriteStream');
export const existsSync = unavailable('fs.existsSync');
export const readdirSync = unavailable('fs.readdirSync');
export const lstatSync = unavailable('fs.lstatSync');
