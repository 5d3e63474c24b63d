// Reading one letter file safely: a path that turned into a FIFO, a device or a huge file between
// the folder walk and the read must not block or exhaust the reader. The file is opened without
// blocking (a FIFO with no writer would otherwise wait forever), then checked through its own
// descriptor (no race with a rename) before a byte is read, and never read past its stated size.

import * as fs from 'fs';

/** Opening a FIFO without this blocks until a writer comes; Windows has no FIFOs (and no constant). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** A file not read, and why in words. */
export type Skipped = { kind: 'skipped'; reason: string };

export type RawRead = { kind: 'bytes'; bytes: Buffer; size: number; mtimeMs: number } | Skipped;

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

/** A file's bytes read into the shared buffer: valid until the next such read on this thread. */
export type SharedRead = { kind: 'bytes'; bytes: Buffer } | Skipped;

/** The shared buffer's least size: larger than a letter file (4 KB to 20 KB), so one read takes it whole. */
const SHARED_BUFFER_BYTES = 65536;

/**
 * readRegularFileSync into one buffer reused from call to call, for callers that need the bytes
 * only (not the size and time): decode or copy them before the next call on the same thread.
 * Reading 20,000 letters allocated 20,000 buffers (and the garbage collection after them) where
 * one does. Three system calls a file where it can: a read that leaves the buffer part-filled has
 * reached the end of a regular file, so fstat is asked only when the buffer fills (a large file, or
 * a device that never ends) or nothing comes (an empty file, a FIFO): it then rules as before. Reading
 * 20,000 letters in a bare loop took 229 ms so, 352 ms with fstat. Left possible: a path turned into
 * a FIFO between the walk and the read gives what its writer had written, without blocking.
 */
export function readRegularFileShared(path: string, maxBytes: number): SharedRead {
  return withOpenFile(path, (fd) => {
    const buffer = sharedBufferOf(SHARED_BUFFER_BYTES);
    const first = firstRead(fd, buffer);
    if (first > 0 && first < buffer.length && first <= maxBytes)
      return { kind: 'bytes', bytes: buffer.subarray(0, first) };
    return readOpened(fd, maxBytes, sharedBufferOf);
  });
}

/** What one read from the start gives; 0 when it fails (a FIFO without data: EAGAIN), which fstat then explains. */
function firstRead(fd: number, buffer: Buffer): number {
  try {
    return fs.readSync(fd, buffer, 0, buffer.length, 0);
  } catch {
    return 0;
  }
}

function sharedBufferOf(size: number): Buffer {
  const length = sharedBuffer?.length ?? 0;
  if (!sharedBuffer || length < size)
    sharedBuffer = Buffer.allocUnsafe(Math.max(size, 2 * length, SHARED_BUFFER_BYTES));
  return sharedBuffer;
}

/** Four system calls a file: open (never blocking), fstat (regular? size?), one read, close. */
function readSync(path: string, maxBytes: number, bufferFor: (size: number) => Buffer): RawRead {
  return withOpenFile(path, (fd) => readOpened(fd, maxBytes, bufferFor));
}

/** `read` on the file opened without blocking, closed after; a file that cannot be opened is skipped. */
function withOpenFile<T>(path: string, read: (fd: number) => T): T | Skipped {
  let fd: number;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
  } catch (e) {
    return { kind: 'skipped', reason: errorText(e) };
  }
  try {
    return read(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes of an open file, if fstat says it is a regular file no larger than `maxBytes`. */
function readOpened(fd: number, maxBytes: number, bufferFor: (size: number) => Buffer): RawRead {
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
