/**
 * A response body as it arrives, held to the size limit. A body cut at the limit can only be
 * evidence, never checked: it keeps its first `keptWhenCut` bytes (what the exchange's excerpt
 * reads) and lets go of the rest at once, so an oversize answer costs its excerpt, not the limit.
 */
export class BodyBuffer {
  private chunks: Buffer[] = [];
  /** Bytes received, up to the limit. */
  bytes = 0;
  /** True once the body crossed the limit, or was refused before it came. */
  cut = false;

  constructor(
    private readonly maxBytes: number,
    private readonly keptWhenCut: number,
  ) {}

  /** Adds a chunk; false when it takes the body over the limit, which cuts it there. */
  add(chunk: Buffer): boolean {
    if (this.cut) return false;
    if (this.bytes + chunk.length <= this.maxBytes) {
      this.chunks.push(chunk);
      this.bytes += chunk.length;
      return true;
    }
    this.chunks.push(chunk.subarray(0, this.maxBytes - this.bytes));
    this.bytes = this.maxBytes;
    this.cutHere();
    return false;
  }

  /** Cuts the body where it stands: only its start is kept, copied out of the chunks it came in. */
  cutHere(): void {
    this.cut = true;
    const kept = Math.min(this.keptWhenCut, this.bytes);
    this.chunks = kept === 0 ? [] : [Buffer.concat(this.chunks, kept)];
  }

  /** The body (of a cut one, its start); the buffer holds it no longer. */
  take(): Buffer {
    const chunks = this.chunks;
    this.chunks = [];
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  }
}
