// Reading one letter file safely: a path that turned into a FIFO, a device or a huge file between
// the folder walk and the read must not block or exhaust the reader. The file is opened without
// blocking (a FIFO with no writer would otherwise wait forever), then checked through its own
// descriptor (no race with a rename) before a byte is read, and never read past its stated size.

import * as fs from 'fs';

/** Opening a FIFO without this blocks until a writer comes; Windows has no FIFOs (and no constant). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export type RawRead =
  { kind: 'bytes'; bytes: Buffer; size: number; mtimeMs: number } | { kind: 'skipped'; reason: string };

/** What a path is when it is not a regular file, in words for a note. */
export function notRegularFile(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'is a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe), not a regular file';
  if (stat.isSocket()) return 'a socket, not a regular file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a regular file';
  return 'not a regular file';
}

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

export function tooLarge(size: number, maxBytes: number): string {
  return `too large (${sizeText(size)}; the limit is ${sizeText(maxBytes)})`;
}

/** Why a file system call failed, in words. */
export function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file (a dangling link?)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'ENAMETOOLONG':
      return 'name too long';
    default:
      return err?.code ?? err?.message ?? String(e);
  }
}

/** The largest letter file read: an export of thousands of letters is tens of megabytes. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export function readRegularFileSync(path: string, maxBytes: number): RawRead {
  return readSync(path, maxBytes, (size) => Buffer.allocUnsafe(size));
}

/**
 * The buffer readRegularFileShared reads into, grown to the largest file read so far on this thread;
 * made on first use, since the browser build loads this module and has no Buffer.
 */
let sharedBuffer: Buffer | undefined;

/**
 * readRegularFileSync into one buffer reused from call to call: the bytes are valid only until the
 * next call on the same thread, so decode or copy them first. Reading 20,000 letters allocated
 * 20,000 buffers (and the garbage collection after them) where one does.
 */
export function readRegularFileShared(path: string, maxBytes: number): RawRead {
  return readSync(path, maxBytes, (size) => {
    const length = sharedBuffer?.length ?? 0;
    if (!sharedBuffer || length < size) sharedBuffer = Buffer.allocUnsafe(Math.max(size, 2 * length, 65536));
    return sharedBuffer;
  });
}

/** Four system calls a file: open (never blocking), fstat (regular? size?), one read, close. */
function readSync(path: string, maxBytes: number, bufferFor: (size: number) => Buffer): RawRead {
  let fd: number;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
  } catch (e) {
    return { kind: 'skipped', reason: errorText(e) };
  }
  try {
    const stat = fs.fstatSync(fd);
    const odd = notRegularFile(stat);
    if (odd) return { kind: 'skipped', reason: odd };
    if (stat.size > maxBytes) return { kind: 'skipped', reason: tooLarge(stat.size, maxBytes) };
    const bytes = bufferFor(stat.size);
    let filled = 0;
    // A file that shrank while read ends early; one that grew is read to its stated size.
    while (filled < stat.size) {
      const n = fs.readSync(fd, bytes, filled, stat.size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return { kind: 'bytes', bytes: bytes.subarray(0, filled), size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (e) {
    return { kind: 'skipped', reason: errorText(e) };
  } finally {
    fs.closeSync(fd);
  }
}

export async function readRegularFile(path: string, maxBytes: number): Promise<RawRead> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(path, OPEN_FLAGS);
  } catch (e) {
    return { kind: 'skipped', reason: errorText(e) };
  }
  try {
    const stat = await handle.stat();
    const odd = notRegularFile(stat);
    if (odd) return { kind: 'skipped', reason: odd };
    if (stat.size > maxBytes) return { kind: 'skipped', reason: tooLarge(stat.size, maxBytes) };
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { kind: 'bytes', bytes: bytes.subarray(0, filled), size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (e) {
    return { kind: 'skipped', reason: errorText(e) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
