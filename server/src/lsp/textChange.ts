// Where two versions of a text differ, as one changed region: what a hover needs to answer from the
// analysis of the version before an edit while the edited version waits for its own.
//
// One region (common prefix, common suffix) rather than a real diff: typing, pasting and a quick fix
// change one place at a time, and finding the region costs one pass over the text.

export interface TextChange {
  /** First offset that differs (the same in both versions). */
  start: number;
  /** End of the replaced text in the earlier version. */
  oldEnd: number;
  /** End of the replacing text in the later version. */
  newEnd: number;
  /** Whether the replaced or the replacing text holds a line break (line numbers after it moved). */
  linesMoved: boolean;
}

const LINE_BREAK = /[\r\n]/;

/** The region where `before` and `after` differ, or null when they are the same text. */
export function changeBetween(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  const linesMoved = LINE_BREAK.test(before.slice(start, oldEnd)) || LINE_BREAK.test(after.slice(start, newEnd));
  return { start, oldEnd, newEnd, linesMoved };
}

/**
 * The offset in the earlier version of an offset of the later one, or null when it lies in the
 * changed region (the earlier version has nothing there to say about it).
 */
export function offsetBefore(change: TextChange, offset: number): number | null {
  if (offset < change.start) return offset;
  // After a deletion (newEnd === start) the character at `start` is one the earlier version had too.
  if (offset >= change.newEnd) return offset - (change.newEnd - change.oldEnd);
  return null;
}

/** The offset in the later version of an offset of the earlier one that lies outside the changed region. */
export function offsetAfter(change: TextChange, offset: number): number {
  return offset < change.start ? offset : offset + (change.newEnd - change.oldEnd);
}

/** Whether an earlier-version span overlaps or touches the changed region (then it may read differently now). */
export function touchesChange(change: TextChange, span: { start: number; end: number }): boolean {
  return span.start <= change.oldEnd && span.end >= change.start;
}
