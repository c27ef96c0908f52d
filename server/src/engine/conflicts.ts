// Conflicts between casualty claims, within one document and across a corpus.
//
// Claims are bucketed by (event, category): only claims in the same bucket are ever compared, so the
// cost of an update is proportional to the size of the buckets the changed document touches, never to
// the size of the corpus.

import { describeClaim, describeInterval, intervalsOverlap } from './format';
import { CasualtyClaim, DocumentAnalysis, EngineDiagnostic, RelatedLocation } from './types';

export interface ClaimRef {
  documentId: string;
  claim: CasualtyClaim;
  /** ISO date of the document the claim is in, when known. */
  date: string | null;
}

export interface Conflict {
  a: ClaimRef;
  b: ClaimRef;
  /** Both documents carry dates and they differ: most likely a toll that rose, not a disagreement. */
  datedApart: boolean;
}

function bucketKey(claim: CasualtyClaim): string {
  return `${claim.event}\u0000${claim.category}`;
}

/**
 * Whether two claims about the same event and category contradict each other. An event key groups
 * claims by region, which is coarser than an incident; so besides it, two claims are taken to be
 * about one incident only when both state it as their article's main one (in the headline or lead),
 * or both name the same place in their own sentences, or both are whole-war tolls.
 */
export function claimsConflict(a: CasualtyClaim, b: CasualtyClaim): boolean {
  if (a.event !== b.event || a.category !== b.category) return false;
  const sameIncident = (a.lead && b.lead) || (a.statedPlace !== null && a.statedPlace === b.statedPlace) || (a.cumulative && b.cumulative);
  if (!sameIncident) return false;
  if (!sameVictims(a.victimGroup, b.victimGroup)) return false;
  // A subgroup ("seven children among 71 dead") never contradicts its total.
  if (a.subgroup !== b.subgroup) return false;
  return !intervalsOverlap(a.count, b.count);
}

/** Groups that are themselves parts of a toll: a figure that names no victims is not taken to count them. */
const PART_GROUPS = new Set(['children', 'women', 'medics', 'journalists', 'protesters', 'prisoners']);

/** An unnamed group ("Kills Five") may be any group of people, but never an added or a partial one. */
function sameVictims(a: string, b: string): boolean {
  if (a === b) return true;
  const open = (g: string) => !PART_GROUPS.has(g) && !g.startsWith('additional') && !g.startsWith('killed or injured');
  if (a === '') return open(b);
  if (b === '') return open(a);
  return false;
}

export class ConflictIndex {
  private readonly buckets = new Map<string, ClaimRef[]>();
  private readonly keysByDocument = new Map<string, Set<string>>();

  /**
   * Replaces everything known about one document. Returns the ids of the other documents whose
   * conflicts may have changed (they share an event bucket with the old or the new claims).
   */
  setDocument(documentId: string, analysis: DocumentAnalysis): Set<string> {
    const touched = this.removeClaims(documentId);
    const keys = new Set<string>();
    for (const claim of analysis.claims) {
      const key = bucketKey(claim);
      keys.add(key);
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = []));
      bucket.push({ documentId, claim, date: analysis.metadata.date });
    }
    this.keysByDocument.set(documentId, keys);
    for (const key of keys) this.collectDocuments(key, touched);
    touched.delete(documentId);
    return touched;
  }

  /** Forgets a document. Returns the ids of the documents whose conflicts may have changed. */
  removeDocument(documentId: string): Set<string> {
    const touched = this.removeClaims(documentId);
    this.keysByDocument.delete(documentId);
    touched.delete(documentId);
    return touched;
  }

  has(documentId: string): boolean {
    return this.keysByDocument.has(documentId);
  }

  get documentIds(): string[] {
    return [...this.keysByDocument.keys()];
  }

  /** Every conflict that involves a claim of this document; the document's claim is always `a`. */
  conflictsOf(documentId: string): Conflict[] {
    const out: Conflict[] = [];
    for (const key of this.keysByDocument.get(documentId) ?? []) {
      const bucket = this.buckets.get(key) ?? [];
      for (const mine of bucket) {
        if (mine.documentId !== documentId) continue;
        for (const other of bucket) {
          if (other === mine) continue;
          if (claimsConflict(mine.claim, other.claim)) {
            out.push({ a: mine, b: other, datedApart: isDatedApart(mine, other) });
          }
        }
      }
    }
    return out;
  }

  /** All conflicting pairs in the corpus, each pair once. */
  allConflicts(): Conflict[] {
    const out: Conflict[] = [];
    for (const bucket of this.buckets.values()) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          if (claimsConflict(bucket[i].claim, bucket[j].claim)) {
            out.push({ a: bucket[i], b: bucket[j], datedApart: isDatedApart(bucket[i], bucket[j]) });
          }
        }
      }
    }
    return out;
  }

  /** `casualty-conflict` diagnostics for one document: one per conflicting claim, relating all its partners. */
  diagnosticsFor(documentId: string): EngineDiagnostic[] {
    const byClaim = new Map<CasualtyClaim, Conflict[]>();
    for (const conflict of this.conflictsOf(documentId)) {
      const list = byClaim.get(conflict.a.claim);
      if (list) list.push(conflict);
      else byClaim.set(conflict.a.claim, [conflict]);
    }
    const out: EngineDiagnostic[] = [];
    for (const [claim, conflicts] of byClaim) out.push(conflictDiagnostic(documentId, claim, conflicts));
    return out.sort((x, y) => x.start - y.start);
  }

  private removeClaims(documentId: string): Set<string> {
    const touched = new Set<string>();
    for (const key of this.keysByDocument.get(documentId) ?? []) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      const kept = bucket.filter((ref) => ref.documentId !== documentId);
      if (kept.length) this.buckets.set(key, kept);
      else this.buckets.delete(key);
      this.collectDocuments(key, touched);
    }
    return touched;
  }

  private collectDocuments(key: string, into: Set<string>): void {
    for (const ref of this.buckets.get(key) ?? []) into.add(ref.documentId);
  }
}

function isDatedApart(a: ClaimRef, b: ClaimRef): boolean {
  return a.date !== null && b.date !== null && a.date !== b.date;
}

function conflictDiagnostic(documentId: string, claim: CasualtyClaim, conflicts: Conflict[]): EngineDiagnostic {
  const others = conflicts.map((c) => {
    const where = c.b.documentId === documentId ? 'in this article' : `in ${baseName(c.b.documentId)}`;
    const source = c.b.claim.attribution ? ` (${c.b.claim.attribution.source.text})` : '';
    const dated = c.datedApart ? ` dated ${c.b.date} (this report: ${c.a.date})` : '';
    return `${describeInterval(c.b.claim.count)}${source} ${where}${dated}`;
  });
  const related: RelatedLocation[] = conflicts.map((c) => ({
    documentId: c.b.documentId,
    start: c.b.claim.start,
    end: c.b.claim.end,
    message: describeClaim(c.b.claim),
  }));
  const allDatedApart = conflicts.every((c) => c.datedApart);
  const tail = allDatedApart
    ? '; the reports are dated apart, so the toll may have risen rather than the sources disagreeing'
    : '';
  return {
    start: claim.start,
    end: claim.end,
    severity: 'warning',
    code: 'casualty-conflict',
    message: `${describeClaim(claim)} conflicts with ${others.join('; ')}${tail}`,
    related,
    claimId: claim.id,
  };
}

function baseName(documentId: string): string {
  const cut = Math.max(documentId.lastIndexOf('/'), documentId.lastIndexOf('\\'));
  const name = documentId.slice(cut + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // a file name with a stray '%' is not URI-encoded
  }
}
