// The one place where engine offsets become LSP positions and back.
//
// The engine speaks UTF-16 code-unit offsets into the text it analysed (JavaScript string indices).
// LSP speaks (line, character) pairs whose character is, by default and as this server announces in
// `positionEncoding`, also counted in UTF-16 code units. So a position is the offset minus the start of
// its line: no re-encoding, and an emoji before a claim (two code units) moves the claim by two
// characters for both sides alike. Keeping every conversion in this file means there is one place to
// get CRLF, lone CR and astral characters right, and one place to test it.

import { Position, Range } from 'vscode-languageserver';

/** Anything with engine offsets: a Span, a Range of the engine, a claim. */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface LineIndexParts {
  lineStarts: Uint32Array;
  contentEnds: Uint32Array;
  length: number;
}

/**
 * Line starts of one text, so offsets convert in O(log lines) without keeping the text itself: the
 * workspace index holds one of these for every article on disk, and article texts can be large.
 */
export class LineIndex {
  private constructor(
    /** Offset of the first character of each line. */
    private readonly lineStarts: Uint32Array,
    /** Offset just past the last character of each line's content, before its line break. */
    private readonly contentEnds: Uint32Array,
    /** Length of the text in UTF-16 code units. */
    readonly length: number,
  ) {}

  /** LSP line terminators are \n, \r\n and a lone \r; all three end a line here. */
  static of(text: string): LineIndex {
    const starts: number[] = [0];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        ends.push(i);
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        ends.push(i);
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    return new LineIndex(Uint32Array.from(starts), Uint32Array.from(ends), text.length);
  }

  /** The line table as plain data, to send from an indexing worker (see `fromParts`). */
  toParts(): LineIndexParts {
    return { lineStarts: this.lineStarts, contentEnds: this.contentEnds, length: this.length };
  }

  /** A line table made by `toParts`, possibly in another thread: the text itself never travels. */
  static fromParts(parts: LineIndexParts): LineIndex {
    return new LineIndex(parts.lineStarts, parts.contentEnds, parts.length);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /**
   * The position of an offset. Offsets past the end clamp to the end; an offset that falls between the
   * \r and \n of a CRLF clamps to the end of the line's content, since no position lies inside a line break.
   */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(Math.floor(offset), this.length));
    const line = this.lineOf(clamped);
    const character = Math.min(clamped, this.contentEnds[line]) - this.lineStarts[line];
    return { line, character };
  }

  /**
   * The offset of a position. A line past the end clamps to the end of the text; a character past the
   * end of its line clamps to the end of the line's content, as the LSP specification asks.
   */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.length;
    const start = this.lineStarts[position.line];
    const end = this.contentEnds[position.line];
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  /** The LSP range of an engine range. */
  rangeOf(range: OffsetRange): Range {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }

  /** The engine range of an LSP range. */
  offsetsOf(range: Range): OffsetRange {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    return start <= end ? { start, end } : { start: end, end: start };
  }

  /** The 1-based line number of an offset, for people ("line 3"). */
  lineNumberAt(offset: number): number {
    return this.positionAt(offset).line + 1;
  }

  /** Index of the last line that starts at or before the offset. */
  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
