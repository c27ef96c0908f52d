// The JSON report's document bodies between the two passes over a corpus: written in the first pass,
// when each document's analysis is at hand, and handed out in the second, once its conflicts are
// known. Without them, every analysis the second pass needs would have to be kept or made again.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Where a body is: in memory, or at a place in the spill file. */
export type BodyRef = { text: string } | { offset: number; bytes: number };

/** Characters of bodies held in memory before the rest go to a temporary file. */
export const MEMORY_BUDGET_CHARS = 64 * 1024 * 1024;

export class ReportBodies {
  private held = 0;
  private spill: Spill | undefined;

  constructor(private readonly budgetChars = MEMORY_BUDGET_CHARS) {}

  /** Keeps a body; past the budget it goes to the spill file. */
  add(text: string): BodyRef {
    if (this.held + text.length <= this.budgetChars) {
      this.held += text.length;
      return { text };
    }
    const spill = (this.spill ??= openSpill());
    const buffer = Buffer.from(text, 'utf8');
    let written = 0;
    try {
      while (written < buffer.length) written += fs.writeSync(spill.fd, buffer, written, buffer.length - written, spill.size + written);
    } catch (err) {
      throw new SpillError(`cannot write the report's temporary file: ${(err as Error).message}`);
    }
    const ref = { offset: spill.size, bytes: buffer.length };
    spill.size += buffer.length;
    return ref;
  }

  /** The body a ref stands for; one in memory is let go by its holder when it drops the ref. */
  take(ref: BodyRef): string {
    if ('text' in ref) {
      this.held -= ref.text.length;
      return ref.text;
    }
    const buffer = Buffer.alloc(ref.bytes);
    let read = 0;
    while (read < ref.bytes) {
      const n = fs.readSync(this.spill!.fd, buffer, read, ref.bytes - read, ref.offset + read);
      if (n === 0) throw new Error('the report spill file ended early');
      read += n;
    }
    return buffer.toString('utf8');
  }

  /** Whether any body went to the spill file (for tests). */
  get spilled(): boolean {
    return this.spill !== undefined;
  }

  close(): void {
    const spill = this.spill;
    this.spill = undefined;
    if (!spill) return;
    fs.closeSync(spill.fd);
    if (spill.leftFolder !== null) fs.rmSync(spill.leftFolder, { recursive: true, force: true });
  }
}

/**
 * A new temporary file, open for reading and writing. Where the system allows it, the file is removed
 * at once and lives on only through its descriptor, so that nothing is left behind however the
 * process ends.
 */
interface Spill {
  fd: number;
  /** Bytes written so far: where the next body goes. */
  size: number;
  /** The file's folder when it could not be removed at once (Windows), to remove on close. */
  leftFolder: string | null;
}

function openSpill(): Spill {
  let dir: string;
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-report-'));
  } catch (err) {
    throw new SpillError(`cannot make a temporary folder in ${os.tmpdir()} for the report: ${(err as Error).message}`);
  }
  const file = path.join(dir, 'bodies');
  let fd: number;
  try {
    fd = fs.openSync(file, 'w+', 0o600);
  } catch (err) {
    throw new SpillError(`cannot make the report's temporary file in ${dir}: ${(err as Error).message}`);
  }
  try {
    fs.unlinkSync(file);
    fs.rmdirSync(dir);
    return { fd, size: 0, leftFolder: null };
  } catch {
    return { fd, size: 0, leftFolder: dir }; // Windows keeps an open file: removed on close
  }
}

/** The temporary file could not be made or written (no space, no permission): a one-line error. */
export class SpillError extends Error {}
