// Conflicts between casualty claims, within one document and across a corpus.
//
// Claims are bucketed by (event, category) and, inside a bucket, by day: only claims in the same bucket
// and within a week of each other are ever compared, so the cost of an update is proportional to the
// claims near the changed document's, never to the size of the corpus.

import { DescribedClaim, describeClaim, describeInterval, intervalsOverlap } from './format';
import { sameIncidentDay } from './incidentDay';
import { CasualtyClaim, DocumentMetadata, EngineDiagnostic, RelatedLocation } from './types';

/**
 * What conflict checks read of a claim, and what their diagnostics tell of it. A CasualtyClaim is one;
 * so is its `compactClaim`, for an index that outlives the analyses it was given.
 */
export interface IndexedClaim extends DescribedClaim {
  id: string;
  start: number;
  end: number;
  victims: string;
  victimGroup: string;
  subgroup: boolean;
  totalOfEarlier?: true;
  cumulative: boolean;
  event: string;
  statedPlace: string | null;
  statedTown: string | null;
  incidentDay: string | null;
  lead: boolean;
}

/** What the index reads of a document's analysis. */
export interface DocumentClaims {
  metadata: Pick<DocumentMetadata, 'date'>;
  claims: readonly IndexedClaim[];
}

export interface ClaimRef {
  documentId: string;
  claim: IndexedClaim;
  /** ISO date of the document the claim is in, when known. */
  date: string | null;
}

export interface Conflict {
  a: ClaimRef;
  b: ClaimRef;
  /** Both documents carry dates and they differ: most likely a toll that rose, not a disagreement. */
  datedApart: boolean;
}

function bucketKey(claim: IndexedClaim): string {
  return `${claim.event}\u0000${claim.category}`;
}

/** Reports more than a week apart are about different incidents, or a toll long since revised. */
export const SAME_INCIDENT_DAYS = 7;

function dayNumber(date: string | null): number | null {
  if (!date) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.round(ms / 86400000);
}

/**
 * Whether two claims about the same event and category contradict each other. An event key groups
 * claims by region, which is coarser than an incident; so besides it, two claims are taken to be
 * about one incident only when both state it as their article's main one (in the headline or lead)
 * or both are whole-war tolls, or, within one article, both name the same place in their sentences.
 */
export function claimsConflict(a: IndexedClaim, b: IndexedClaim, sameDocument = true): boolean {
  if (a.event !== b.event || a.category !== b.category) return false;
  // Reports that date their incidents to different days ("on Monday" and "on Tuesday") tell of two.
  if (a.incidentDay && b.incidentDay && !sameIncidentDay(a.incidentDay, b.incidentDay)) return false;
  // Within one article, figures for two named towns are two incidents, whatever the lead says.
  if (sameDocument && a.statedTown && b.statedTown && a.statedTown !== b.statedTown) return false;
  const samePlace = sameDocument && a.statedPlace !== null && a.statedPlace === b.statedPlace;
  const sameIncident = (a.lead && b.lead) || samePlace || (a.cumulative && b.cumulative);
  if (!sameIncident) return false;
  if (!sameVictims(a.victimGroup, b.victimGroup)) return false;
  // A subgroup ("seven children among 71 dead") never contradicts its total.
  if (a.subgroup !== b.subgroup) return false;
  if (sameDocument && (holdsEarlier(a, b) || holdsEarlier(b, a))) return false;
  // A toll of anyone ("At least 45 killed", "20 others") may count others besides the civilians another
  // report counts ("kills 18 civilians"): a named group contradicts it only by outnumbering it.
  if (namesWhom(a) !== namesWhom(b)) {
    const [anyone, named] = namesWhom(a) ? [b, a] : [a, b];
    return anyone.count.max !== null && named.count.min > anyone.count.max;
  }
  return !intervalsOverlap(a.count, b.count);
}

/** "10 dead ... They were among 19 people killed": the later total holds the earlier, smaller figure. */
function holdsEarlier(total: IndexedClaim, part: IndexedClaim): boolean {
  return total.totalOfEarlier === true && part.start < total.start && (total.count.max === null || part.count.min <= total.count.max);
}

function refsConflict(a: IndexedRef, b: IndexedRef): boolean {
  if (a.day !== null && b.day !== null && Math.abs(a.day - b.day) > SAME_INCIDENT_DAYS) return false;
  const sameDocument = a.documentId === b.documentId;
  if (!sameDocument && (a.day === null || b.day === null) && !undatedMayMeet(a, b)) return false;
  return claimsConflict(a.claim, b.claim, sameDocument);
}

/**
 * Across documents, a report without a date meets another only lead to lead: one incident is one
 * incident whenever it is reported, but a whole-war toll grows with the war, and without a date there
 * is no telling which toll it should agree with. (Comparing undated war tolls with every toll in an
 * archive would also make the search, and the diagnostics, grow with the square of the archive.)
 */
function undatedMayMeet(a: IndexedRef, b: IndexedRef): boolean {
  return a.claim.lead && b.claim.lead;
}

/** Groups that are themselves parts of a toll: a figure that names no victims is not taken to count them. */
const PART_GROUPS = new Set(['children', 'women', 'medics', 'teachers', 'journalists', 'protesters', 'prisoners']);

/** An unnamed group ("Kills Five") may be any group of people, but never an added or a partial one. */
function sameVictims(a: string, b: string): boolean {
  if (a === b) return true;
  const open = (g: string) => !PART_GROUPS.has(g) && !g.startsWith('additional') && !g.startsWith('killed or injured');
  if (a === '') return open(b);
  if (b === '') return open(a);
  return false;
}

/** Words for victims that say only that they were people. */
const ANYONE = /(?:^|\s)(?:people|persons|person|others|individuals|casualties|victims|dead)$/i;

/** Whether a claim says who its victims were ("civilians", "soldiers"), beyond that they were people. */
function namesWhom(c: IndexedClaim): boolean {
  return c.victimGroup !== '' && !ANYONE.test(c.victims.trim());
}

interface IndexedRef extends ClaimRef {
  day: number | null;
  /** Insertion order, so that each pair is visited once. */
  seq: number;
}

function pushTo<K>(map: Map<K, IndexedRef[]>, key: K, ref: IndexedRef): void {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
}

/**
 * The claims of one (event, category), sliced by day: a dated claim is compared with the claims of the
 * surrounding days, never with the whole bucket. A claim of an undated report may be about any day, so
 * it is compared with its own report's claims and, if it is a lead, with every lead of another report
 * (kept apart in `leads` so that no one walks the rest of the bucket).
 */
class Bucket {
  readonly byDay = new Map<number, IndexedRef[]>();
  readonly undatedByDocument = new Map<string, IndexedRef[]>();
  /** Leads, dated and undated: what an undated lead of another document may meet. */
  readonly leads = new Set<IndexedRef>();
  /** The undated ones among them: what a dated lead of another document may meet beyond its fortnight. */
  readonly undatedLeads = new Set<IndexedRef>();
  size = 0;

  add(ref: IndexedRef): void {
    this.size++;
    if (ref.day === null) pushTo(this.undatedByDocument, ref.documentId, ref);
    else pushTo(this.byDay, ref.day, ref);
    if (!ref.claim.lead) return;
    this.leads.add(ref);
    if (ref.day === null) this.undatedLeads.add(ref);
  }

  removeDocument(documentId: string, day: number | null): void {
    const list = day === null ? this.undatedByDocument.get(documentId) : this.byDay.get(day);
    if (!list) return;
    const [gone, kept] = [list.filter((r) => r.documentId === documentId), list.filter((r) => r.documentId !== documentId)];
    for (const ref of gone) {
      this.leads.delete(ref);
      this.undatedLeads.delete(ref);
    }
    this.size -= gone.length;
    if (day === null) this.undatedByDocument.delete(documentId);
    else if (kept.length) this.byDay.set(day, kept);
    else this.byDay.delete(day);
  }

  /**
   * Every claim that could be about the same incident as `ref`. Symmetric: b is near a exactly when a
   * is near b, for every pair that can conflict, which the running count relies on.
   */
  *near(ref: IndexedRef): Generator<IndexedRef> {
    if (ref.day === null) {
      yield* this.undatedByDocument.get(ref.documentId) ?? [];
      if (ref.claim.lead) for (const other of this.leads) if (other.documentId !== ref.documentId) yield other;
      return;
    }
    if (ref.claim.lead) yield* this.undatedLeads;
    for (let d = ref.day - SAME_INCIDENT_DAYS; d <= ref.day + SAME_INCIDENT_DAYS; d++) {
      const list = this.byDay.get(d);
      if (list) yield* list;
    }
  }

  /** The claims of one document in this bucket, found without walking the days around it. */
  own(documentId: string, day: number | null): IndexedRef[] {
    const list = day === null ? this.undatedByDocument.get(documentId) : this.byDay.get(day);
    return list?.filter((r) => r.documentId === documentId) ?? [];
  }

  *all(): Generator<IndexedRef> {
    for (const list of this.undatedByDocument.values()) yield* list;
    for (const list of this.byDay.values()) yield* list;
  }
}

export class ConflictIndex {
  private readonly buckets = new Map<string, Bucket>();
  private readonly keysByDocument = new Map<string, Set<string>>();
  private readonly dayByDocument = new Map<string, number | null>();
  private seq = 0;
  /** Conflicting pairs in the whole index, kept up to date by every update (see `conflictCount`). */
  private pairs = 0;

  /**
   * Replaces everything known about one document. Returns the ids of the other documents whose
   * conflicts may have changed (they have claims near the old or the new claims of this one). The
   * claims are kept as given, and are what conflicts name: hand in `compactClaim`s when the analysis
   * itself is not kept.
   */
  setDocument(documentId: string, analysis: DocumentClaims): Set<string> {
    const touched = this.removeClaims(documentId);
    this.dayByDocument.set(documentId, dayNumber(analysis.metadata.date));
    const keys = new Set<string>();
    const day = dayNumber(analysis.metadata.date);
    for (const claim of analysis.claims) {
      const key = bucketKey(claim);
      keys.add(key);
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = new Bucket()));
      bucket.add({ documentId, claim, date: analysis.metadata.date, day, seq: this.seq++ });
    }
    this.keysByDocument.set(documentId, keys);
    this.pairs += this.pairsInvolving(documentId);
    this.collectDocuments(documentId, keys, day, touched);
    touched.delete(documentId);
    return touched;
  }

  /** Forgets a document. Returns the ids of the documents whose conflicts may have changed. */
  removeDocument(documentId: string): Set<string> {
    const touched = this.removeClaims(documentId);
    this.keysByDocument.delete(documentId);
    this.dayByDocument.delete(documentId);
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
    const day = this.dayByDocument.get(documentId) ?? null;
    for (const key of this.keysByDocument.get(documentId) ?? []) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      for (const a of bucket.own(documentId, day)) {
        for (const b of bucket.near(a)) {
          if (b === a || !refsConflict(a, b)) continue;
          out.push({ a: strip(a), b: strip(b), datedApart: isDatedApart(a, b) });
        }
      }
    }
    return out;
  }

  /**
   * How many conflicting pairs the corpus holds: what `allConflicts().length` would say, without walking
   * every bucket. Each update adds and subtracts the pairs of the one document it changes.
   */
  get conflictCount(): number {
    return this.pairs;
  }

  /** All conflicting pairs in the corpus, each pair once. */
  allConflicts(): Conflict[] {
    const out: Conflict[] = [];
    for (const bucket of this.buckets.values()) {
      for (const a of bucket.all()) {
        for (const b of bucket.near(a)) {
          if (b.seq <= a.seq || !refsConflict(a, b)) continue;
          out.push({ a: strip(a), b: strip(b), datedApart: isDatedApart(a, b) });
        }
      }
    }
    return out;
  }

  /** `casualty-conflict` diagnostics for one document: one per conflicting claim, relating all its partners. */
  diagnosticsFor(documentId: string): EngineDiagnostic[] {
    const byClaim = new Map<IndexedClaim, Conflict[]>();
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
    const keys = this.keysByDocument.get(documentId);
    if (!keys) return touched;
    const day = this.dayByDocument.get(documentId) ?? null;
    this.collectDocuments(documentId, keys, day, touched);
    this.pairs -= this.pairsInvolving(documentId);
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      bucket.removeDocument(documentId, day);
      if (bucket.size === 0) this.buckets.delete(key);
    }
    return touched;
  }

  /**
   * Conflicting pairs with at least one claim of this document, each pair once: a pair inside the
   * document is counted from its earlier claim only. Conflicts are symmetric and `near` is too, so the
   * count matches `allConflicts`.
   */
  private pairsInvolving(documentId: string): number {
    let n = 0;
    const day = this.dayByDocument.get(documentId) ?? null;
    for (const key of this.keysByDocument.get(documentId) ?? []) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      for (const a of bucket.own(documentId, day)) {
        for (const b of bucket.near(a)) {
          if (b === a || (b.documentId === documentId && b.seq < a.seq)) continue;
          if (refsConflict(a, b)) n++;
        }
      }
    }
    return n;
  }

  private collectDocuments(documentId: string, keys: Set<string>, day: number | null, into: Set<string>): void {
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      for (const mine of bucket.own(documentId, day)) for (const ref of bucket.near(mine)) into.add(ref.documentId);
    }
  }
}

/**
 * A copy of a claim with the fields of IndexedClaim alone, in strings of their own: what an index
 * should hold of a claim whose analysis is let go. V8 keeps a substring as a view of the string it was
 * cut from, so a claim's victims or source kept as they came would keep the whole article alive as
 * long as the index holds the claim: the index of an archive would hold every article's text. A JSON
 * round trip makes every string anew.
 */
export function compactClaim(c: CasualtyClaim): IndexedClaim {
  const kept: IndexedClaim = {
    id: c.id,
    start: c.start,
    end: c.end,
    category: c.category,
    count: { min: c.count.min, max: c.count.max },
    victims: c.victims,
    victimGroup: c.victimGroup,
    subgroup: c.subgroup,
    cumulative: c.cumulative,
    event: c.event,
    statedPlace: c.statedPlace,
    statedTown: c.statedTown,
    incidentDay: c.incidentDay,
    lead: c.lead,
    attribution: c.attribution ? { source: { text: c.attribution.source.text } } : null,
  };
  if (c.totalOfEarlier) kept.totalOfEarlier = true;
  return JSON.parse(JSON.stringify(kept)) as IndexedClaim;
}

function strip(ref: IndexedRef): ClaimRef {
  return { documentId: ref.documentId, claim: ref.claim, date: ref.date };
}

function isDatedApart(a: ClaimRef, b: ClaimRef): boolean {
  return a.date !== null && b.date !== null && a.date !== b.date;
}

/**
 * How many conflicting claims one diagnostic names in its message and relates. A claim can contradict
 * hundreds of reports in a large archive; the editor needs the first few and the count, not a message
 * the size of the archive.
 */
export const MAX_NAMED_CONFLICTS = 5;
export const MAX_RELATED_CONFLICTS = 50;

function conflictDiagnostic(documentId: string, claim: IndexedClaim, all: Conflict[]): EngineDiagnostic {
  const conflicts = all.slice(0, MAX_NAMED_CONFLICTS);
  const others = conflicts.map((c) => {
    const where = c.b.documentId === documentId ? 'in this article' : `in ${baseName(c.b.documentId)}`;
    const source = c.b.claim.attribution ? ` (${c.b.claim.attribution.source.text})` : '';
    const dated = c.datedApart ? ` dated ${c.b.date} (this report: ${c.a.date})` : '';
    return `${describeInterval(c.b.claim.count)}${source} ${where}${dated}`;
  });
  const more = all.length - conflicts.length;
  if (more > 0) others.push(`${more} more report${more === 1 ? '' : 's'}`);
  const related: RelatedLocation[] = all.slice(0, MAX_RELATED_CONFLICTS).map((c) => ({
    documentId: c.b.documentId,
    start: c.b.claim.start,
    end: c.b.claim.end,
    message: describeClaim(c.b.claim),
  }));
  const allDatedApart = all.every((c) => c.datedApart);
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
