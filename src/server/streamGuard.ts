import { Transform, type TransformCallback } from 'node:stream';

// Checks the framing of the LSP messages an editor sends over stdio (a `Content-Length`
// header, a blank line, that many bytes of body) before vscode-jsonrpc reads them, passing
// every byte through unchanged. vscode-jsonrpc, given a header that is not a number, reports
// the error to no one and reads nothing more; given a length longer than the body, it waits
// for ever, buffering whatever comes. Either way the server went deaf without a word, and an
// editor saw a hang, not a crash it could restart. Here a broken frame, a declared length
// over the limit, or a body that stops coming is an error the server ends on, with a message.

/**
 * The largest message accepted, in bytes. An opened document travels in one message; VS Code
 * hands extensions no file over 50 MB, and a string over 512 MB cannot exist in V8 at all, so
 * a length above this is a broken stream rather than a document.
 */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** How long a message's body may stop coming before the stream is taken as broken. */
export const STALLED_BODY_MS = 30_000;
/** Headers longer than this are not LSP headers (they are a line or two). */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

export class StreamGuard extends Transform {
  private header = Buffer.alloc(0);
  /** Bytes of the current body still to come; -1 while reading a header. */
  private bodyLeft = -1;
  private stallTimer: NodeJS.Timeout | null = null;
  private lastData = 0;

  constructor(private readonly stalledBodyMs = STALLED_BODY_MS) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.lastData = Date.now();
    const problem = this.check(chunk);
    if (problem) {
      this.clearStall();
      done(new Error(problem));
      return;
    }
    this.watchStall();
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.clearStall();
    done();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.clearStall();
    done(error);
  }

  /** Follows the frames through `chunk`; returns what is wrong with them, or null. */
  private check(chunk: Buffer): string | null {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft > 0) {
        const taken = Math.min(this.bodyLeft, chunk.length - at);
        this.bodyLeft -= taken;
        at += taken;
        continue;
      }
      this.bodyLeft = -1;
      this.header = Buffer.concat([this.header, chunk.subarray(at)]);
      const end = this.header.indexOf(HEADER_END);
      if (end < 0) {
        return this.header.length > MAX_HEADER_BYTES ? `a message header over ${MAX_HEADER_BYTES} bytes without its end` : null;
      }
      const length = contentLength(this.header.toString('ascii', 0, end));
      if (typeof length === 'string') return length;
      // What followed the header in this chunk is body (and maybe further messages).
      const rest = this.header.subarray(end + HEADER_END.length);
      this.header = Buffer.alloc(0);
      this.bodyLeft = length;
      chunk = rest;
      at = 0;
      if (length === 0) this.bodyLeft = -1;
    }
    return null;
  }

  /** While a body is incomplete, a stream that goes quiet is broken. */
  private watchStall(): void {
    this.clearStall();
    if (this.bodyLeft <= 0) return;
    this.stallTimer = setTimeout(() => {
      // A thread that was busy may have data waiting: look once the pending input is read.
      setImmediate(() => {
        if (this.bodyLeft > 0 && Date.now() - this.lastData >= this.stalledBodyMs) {
          this.destroy(new Error(`a message's body stopped coming with ${this.bodyLeft} of its bytes still to come (its Content-Length is longer than what was sent)`));
        } else this.watchStall();
      });
    }, this.stalledBodyMs);
    this.stallTimer.unref();
  }

  private clearStall(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
  }
}

/** The Content-Length of a header block, or what is wrong with it. */
function contentLength(header: string): number | string {
  const line = header.split('\r\n').find((l) => /^content-length\s*:/i.test(l));
  if (line === undefined) return 'a message header without a Content-Length';
  const value = line.slice(line.indexOf(':') + 1).trim();
  if (!/^\d+$/.test(value)) return `a Content-Length that is not a number (${JSON.stringify(value.slice(0, 40))})`;
  const length = Number(value);
  if (length > MAX_MESSAGE_BYTES) return `a Content-Length of ${length} bytes, over the ${MAX_MESSAGE_BYTES / (1024 * 1024)} MB a message may have`;
  return length;
}
