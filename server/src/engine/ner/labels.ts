// BILOU labels over the four CoNLL entity types. BILOU rather than BIO because a span's last and only
// tokens get weights of their own ("Corp" ends organisations, a lone "Reuters" is one), which is worth
// about a point of F1 for a linear model, and the transition constraints keep every decoded sequence
// well-formed.

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Token-index span within one sentence, end exclusive. */
export interface EntitySpan {
  start: number;
  end: number;
  label: EntityType;
}

const PARTS = ['B', 'I', 'L', 'U'] as const;

/** "O" first, then B-, I-, L-, U- for each type. The order is stored in the model, never assumed. */
export function bilouLabelNames(types: readonly string[] = ENTITY_TYPES): string[] {
  const names = ['O'];
  for (const t of types) for (const p of PARTS) names.push(`${p}-${t}`);
  return names;
}

/** Parsed form of a label name; type is '' for O. */
export interface LabelParts {
  part: 'O' | 'B' | 'I' | 'L' | 'U';
  type: string;
}

export function parseLabel(name: string): LabelParts {
  if (name === 'O') return { part: 'O', type: '' };
  const part = name[0] as LabelParts['part'];
  return { part, type: name.slice(2) };
}

/**
 * Which label may follow which. Row `from` in [0, n) is a label; row n is the sentence start.
 * The extra column n stands for the sentence end, so the matrix is (n + 1) x (n + 1).
 */
export function allowedTransitions(names: readonly string[]): Uint8Array {
  const n = names.length;
  const parts = names.map(parseLabel);
  const allowed = new Uint8Array((n + 1) * (n + 1));
  const opens = (p: LabelParts) => p.part === 'B' || p.part === 'I';
  for (let from = 0; from <= n; from++) {
    const prev = from < n ? parts[from] : null;
    for (let to = 0; to <= n; to++) {
      const next = to < n ? parts[to] : null;
      let ok: boolean;
      if (prev && opens(prev)) {
        ok = next !== null && (next.part === 'I' || next.part === 'L') && next.type === prev.type;
      } else {
        ok = next === null || next.part === 'O' || next.part === 'B' || next.part === 'U';
      }
      allowed[from * (n + 1) + to] = ok ? 1 : 0;
    }
  }
  return allowed;
}

/** Label ids for a sentence of `length` tokens holding the given (non-overlapping) spans. */
export function spansToLabelIds(length: number, spans: readonly EntitySpan[], names: readonly string[]): number[] {
  const index = new Map(names.map((name, i) => [name, i]));
  const ids = new Array<number>(length).fill(index.get('O')!);
  for (const s of spans) {
    const id = (part: string) => {
      const found = index.get(`${part}-${s.label}`);
      if (found === undefined) throw new Error(`no label ${part}-${s.label}`);
      return found;
    };
    if (s.end - s.start === 1) {
      ids[s.start] = id('U');
      continue;
    }
    ids[s.start] = id('B');
    for (let i = s.start + 1; i < s.end - 1; i++) ids[i] = id('I');
    ids[s.end - 1] = id('L');
  }
  return ids;
}

/**
 * Spans from label ids. Tolerant of ill-formed sequences (which constrained decoding never produces)
 * so that it can also read gold data: a stray I or L starts a span, a B or I not followed by its own
 * type closes one. Reads the first `length` ids (all of them by default).
 */
export function labelIdsToSpans(ids: ArrayLike<number>, parts: readonly LabelParts[], length = ids.length): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let openStart = -1;
  let openType = '';
  const close = (end: number) => {
    if (openStart >= 0) spans.push({ start: openStart, end, label: openType as EntityType });
    openStart = -1;
  };
  for (let i = 0; i < length; i++) {
    const { part, type } = parts[ids[i]];
    if (part === 'O') {
      close(i);
    } else if (part === 'U') {
      close(i);
      spans.push({ start: i, end: i + 1, label: type as EntityType });
    } else if (part === 'B') {
      close(i);
      openStart = i;
      openType = type;
    } else {
      if (openStart < 0 || openType !== type) {
        close(i);
        openStart = i;
        openType = type;
      }
      if (part === 'L') close(i + 1);
    }
  }
  close(length);
  return spans;
}
