import type { ConsoleCapture } from './types.ts';

/** Collects console output up to a byte budget; past it, output is dropped and marked truncated. */
export class ConsoleBuffer {
  private readonly parts: string[] = [];
  private bytes = 0;
  private truncated = false;

  private readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  write(level: string, text: string): void {
    if (this.truncated) return;
    const line = `${level === 'log' || level === 'info' ? '' : `[${level}] `}${text}\n`;
    const size = Buffer.byteLength(line);
    if (this.bytes + size > this.maxBytes) {
      const room = this.maxBytes - this.bytes;
      if (room > 0) this.parts.push(Buffer.from(line).subarray(0, room).toString('utf8'));
      this.bytes = this.maxBytes;
      this.truncated = true;
      return;
    }
    this.parts.push(line);
    this.bytes += size;
  }

  /** Appends raw text (a process's stdout), keeping the same budget. */
  writeRaw(text: string): void {
    if (this.truncated || text.length === 0) return;
    const size = Buffer.byteLength(text);
    if (this.bytes + size > this.maxBytes) {
      const room = this.maxBytes - this.bytes;
      if (room > 0) this.parts.push(Buffer.from(text).subarray(0, room).toString('utf8'));
      this.bytes = this.maxBytes;
      this.truncated = true;
      return;
    }
    this.parts.push(text);
    this.bytes += size;
  }

  snapshot(): ConsoleCapture {
    const text = this.parts.join('');
    return { text: this.truncated ? `${text}\n[console output truncated at ${this.maxBytes} bytes]` : text, truncated: this.truncated };
  }
}
