// Node's path in the browser build: only the disk code (the folder walker, the saved index, reading
// a letter file) joins paths, and it is not reached in VS Code for the Web.

import { unavailable } from '../unavailable';

export const join = unavailable('path.join');
export const extname = unavailable('path.extname');
export const normalize = unavailable('path.normalize');
/** A constant in Node; the walker reads it only after normalize, so it never matters here. */
export const sep = '/';
