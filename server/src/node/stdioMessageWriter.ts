// LSP messages to a byte stream (the server's stdout under `--stdio`, as Neovim, Helix, Emacs and
// the bench start it), each message as one write of its header and body together.
// vscode-jsonrpc's own writer writes the header, waits, then writes the body: two system calls a
// message, and on a pipe two wake-ups of the reader (docs/performance.md, "Language server").

import { AbstractMessageWriter, Message, MessageWriter } from 'vscode-languageserver/node';

const CONTENT_LENGTH = 'Content-Length: ';
const HEADER_END = '\r\n\r\n';

/** One message as the bytes LSP's base protocol sends: `Content-Length` (in bytes), a blank line, the JSON. */
export function frameMessage(msg: Message): Buffer {
  const json = JSON.stringify(msg);
  const bodyBytes = Buffer.byteLength(json, 'utf8');
  const header = CONTENT_LENGTH + bodyBytes + HEADER_END;
  const frame = Buffer.allocUnsafe(header.length + bodyBytes);
  frame.write(header, 0, 'latin1');
  frame.write(json, header.length, 'utf8');
  return frame;
}

export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    // The stream keeps writes in call order, so no lock is needed between messages.
    return new Promise((resolve, reject) => {
      this.stream.write(frameMessage(msg), (error?: Error | null) => {
        if (!error) return resolve();
        this.errorCount++;
        this.fireError(error, msg, this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}
