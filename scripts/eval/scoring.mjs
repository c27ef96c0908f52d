// Matching and P/R/F1 shared by every data set, so that each one applies the rules of
// "How readings are scored" (../shared/annotation-guidelines.md) the same way.

/** Counts from which precision, recall and F1 follow. */
export function counts(tp = 0, fp = 0, fn = 0) {
  return { tp, fp, fn };
}

export function addCounts(a, b) {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/**
 * P/R/F1 from counts. An empty denominator gives null rather than 0 or 1: "no predictions" and
 * "no gold" are different situations from "all wrong", and the table shows them as a dash.
 */
export function prf({ tp, fp, fn }) {
  const p = tp + fp === 0 ? null : tp / (tp + fp);
  const r = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 = p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1, tp, fp, fn };
}

export function ratio(right, total) {
  return { acc: total === 0 ? null : right / total, right, total };
}

/**
 * A span is either {start, end} or {fragments: [{start, end}, ...]} (brat discontinuous spans).
 * Half-open intervals: they overlap when they share at least one character.
 */
function fragmentsOf(span) {
  return span.fragments ?? [span];
}

export function overlaps(a, b) {
  if (!a || !b) return false;
  for (const x of fragmentsOf(a)) {
    for (const y of fragmentsOf(b)) {
      if (x.start < y.end && y.start < x.end) return true;
    }
  }
  return false;
}

/** Sorting by position makes every matching independent of the order the tool emits things in. */
export function byPosition(a, b) {
  const sa = fragmentsOf(a)[0];
  const sb = fragmentsOf(b)[0];
  return sa.start - sb.start || sa.end - sb.end;
}

/**
 * One-to-one matching between gold and predicted items: a maximum bipartite matching found with
 * augmenting paths (Kuhn), so a greedy choice can never cost a match that another pairing would
 * have made. Gold items are tried in the order given and candidates in the order given, which
 * makes the pairing deterministic; callers pass position-sorted lists.
 *
 * @returns {{pairs: Array<[number, number]>, goldMatched: boolean[], predMatched: boolean[]}}
 *   pairs are [goldIndex, predIndex], sorted by gold index.
 */
export function matchOneToOne(gold, pred, compatible) {
  const candidates = gold.map((g) => {
    const c = [];
    for (let j = 0; j < pred.length; j++) if (compatible(g, pred[j])) c.push(j);
    return c;
  });
  const predOwner = new Array(pred.length).fill(-1);
  const tryAssign = (gi, seen) => {
    for (const pj of candidates[gi]) {
      if (seen[pj]) continue;
      seen[pj] = true;
      if (predOwner[pj] === -1 || tryAssign(predOwner[pj], seen)) {
        predOwner[pj] = gi;
        return true;
      }
    }
    return false;
  };
  for (let gi = 0; gi < gold.length; gi++) {
    if (candidates[gi].length) tryAssign(gi, new Array(pred.length).fill(false));
  }
  const pairs = [];
  const goldMatched = new Array(gold.length).fill(false);
  const predMatched = new Array(pred.length).fill(false);
  predOwner.forEach((gi, pj) => {
    if (gi === -1) return;
    pairs.push([gi, pj]);
    goldMatched[gi] = true;
    predMatched[pj] = true;
  });
  pairs.sort((a, b) => a[0] - b[0]);
  return { pairs, goldMatched, predMatched };
}

/**
 * Overlap matching of spans (attribution sources and cues): one-to-one, at least one shared
 * character. Returns counts plus the unmatched items so --verbose can list them.
 */
export function scoreOverlapSpans(goldSpans, predSpans) {
  const gold = [...goldSpans].sort(byPosition);
  const pred = [...predSpans].sort(byPosition);
  const m = matchOneToOne(gold, pred, overlaps);
  return {
    counts: counts(m.pairs.length, pred.length - m.pairs.length, gold.length - m.pairs.length),
    missed: gold.filter((_, i) => !m.goldMatched[i]),
    spurious: pred.filter((_, j) => !m.predMatched[j]),
  };
}

// Entities ----------------------------------------------------------------------------------

export const KIND_TO_TYPE = { person: 'PER', organization: 'ORG', place: 'LOC' };
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC'];

/** Every mention of every entity, typed PER/ORG/LOC; other kinds are not scored. */
export function predictedMentions(doc) {
  const out = [];
  for (const e of doc?.entities ?? []) {
    const type = KIND_TO_TYPE[e.kind];
    if (!type) continue;
    for (const m of e.mentions ?? []) out.push({ start: m.start, end: m.end, text: m.text, type });
  }
  return out;
}

/**
 * Exact-span entity scoring for one document. Gold spans have type PER/ORG/LOC/MISC.
 * A prediction is right when start, end and type equal a gold PER/ORG/LOC span; a prediction
 * exactly covering a MISC span is ignored (neither right nor wrong), whatever its type.
 * A span predicted twice (two entities claiming the same mention) counts once, so duplicates
 * cannot both be right; the second copy is a false positive.
 *
 * @returns {{byType: Record<string, {tp, fp, fn}>, fp: object[], fn: object[]}}
 */
export function scoreEntities(goldSpans, predMentionsList) {
  const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, counts()]));
  const key = (s) => `${s.start}:${s.end}`;
  const goldByKey = new Map();
  const miscKeys = new Set();
  for (const g of goldSpans) {
    if (g.type === 'MISC') miscKeys.add(key(g));
    else if (byType[g.type]) goldByKey.set(key(g), g);
  }
  const fp = [];
  const found = new Set();
  for (const p of [...predMentionsList].sort(byPosition)) {
    const k = key(p);
    const g = goldByKey.get(k);
    if (g && g.type === p.type && !found.has(k)) {
      found.add(k);
      byType[p.type].tp++;
    } else if (!g && miscKeys.has(k)) {
      continue;
    } else {
      byType[p.type].fp++;
      fp.push({ ...p, goldType: g ? g.type : null });
    }
  }
  const fn = [];
  for (const [k, g] of goldByKey) {
    if (!found.has(k)) {
      byType[g.type].fn++;
      fn.push(g);
    }
  }
  return { byType, fp, fn };
}

// Claims ------------------------------------------------------------------------------------

/** The gold interval [min, max] (max null = unbounded) equals the predicted count's. */
export function sameInterval(gold, count) {
  if (!count) return false;
  const gMax = gold.max ?? null;
  const pMax = count.max ?? null;
  return gold.min === count.min && gMax === pMax;
}

/** The claim's span, or its count's span, shares a character with the range. */
export function claimTouches(predClaim, range) {
  return overlaps(predClaim, range) || (predClaim.count ? overlaps(predClaim.count, range) : false);
}

/**
 * Claim scoring for one document. Gold claims: {quote: {start, end}, category, min, max,
 * uncertain?, ...}. Predicted claims are the tool's `claims` as printed.
 *
 * Matching first pairs certain gold claims with predictions; only then are leftover predictions
 * that touch an uncertain gold claim set aside, so an uncertain claim nearby cannot shield a
 * prediction from matching (or competing for) a certain one.
 */
export function scoreClaims(goldClaims, predClaims) {
  const certain = goldClaims.filter((g) => !g.uncertain).sort((a, b) => byPosition(a.quote, b.quote));
  const uncertain = goldClaims.filter((g) => g.uncertain);
  const pred = [...predClaims].sort(byPosition);
  const m = matchOneToOne(certain, pred, (g, p) =>
    p.category === g.category && sameInterval(g, p.count) && claimTouches(p, g.quote),
  );
  const spurious = [];
  let ignored = 0;
  pred.forEach((p, j) => {
    if (m.predMatched[j]) return;
    if (uncertain.some((u) => claimTouches(p, u.quote))) ignored++;
    else spurious.push(p);
  });
  return {
    counts: counts(m.pairs.length, spurious.length, certain.length - m.pairs.length),
    pairs: m.pairs.map(([gi, pj]) => [certain[gi], pred[pj]]),
    missed: certain.filter((_, i) => !m.goldMatched[i]),
    spurious,
    ignored,
  };
}

const STOPWORDS = new Set(
  `a an the of and or in on at to for by with from as into about over after before its it
  his her their they he she we you i our this that these those who which whose s is are was were
  be been has have had not no mr mrs ms said says according`.split(/\s+/),
);

/** Lower-cased words of the text without stopwords; apostrophes split ("Assad’s" -> assad). */
export function contentWords(text) {
  const words = (text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => !STOPWORDS.has(w)));
}

export function sharesContentWord(a, b) {
  const wa = contentWords(a);
  for (const w of contentWords(b)) if (wa.has(w)) return true;
  return false;
}

/**
 * Attribution of a matched claim: right when neither gold nor prediction has a source, or when
 * the predicted source text shares a content word with the gold source text.
 * goldSource is the gold source text, '' or null when the gold gives none.
 */
export function attributionRight(goldSource, predClaim) {
  const predSource = predClaim.attribution?.source?.text ?? null;
  if (!goldSource) return predClaim.attribution == null;
  if (predSource == null) return false;
  return sharesContentWord(goldSource, predSource);
}

// Conflicts ---------------------------------------------------------------------------------

/**
 * Conflict scoring for one cluster.
 *
 * gold: {claims: Map<key, {file, quote}>, partners: Map<key, Set<key>>} where key = "file#claimId";
 * diagnostics: [{file, start, end, related: [{file, start, end}]}] — only `casualty-conflict`
 * diagnostics, with related paths already reduced to the cluster's file names.
 *
 * Recall: a gold claim with partners is flagged when a diagnostic in its file overlaps its quote
 * and one of that diagnostic's related locations overlaps a partner's quote.
 * Precision: a diagnostic is right when, for some gold conflicting claim its range overlaps, one
 * of its related locations overlaps one of that claim's partners.
 */
export function scoreConflicts(gold, diagnostics) {
  const relatedHitsPartner = (diag, key) =>
    diag.related.some((r) =>
      [...gold.partners.get(key)].some((pk) => {
        const partner = gold.claims.get(pk);
        return partner && r.file === partner.file && overlaps(r, partner.quote);
      }),
    );
  const conflicting = [...gold.partners.keys()].filter((k) => gold.partners.get(k).size > 0).sort();
  const flagged = [];
  const unflagged = [];
  for (const key of conflicting) {
    const claim = gold.claims.get(key);
    const hit =
      claim &&
      diagnostics.some((d) => d.file === claim.file && overlaps(d, claim.quote) && relatedHitsPartner(d, key));
    (hit ? flagged : unflagged).push(key);
  }
  const right = [];
  const wrong = [];
  for (const d of diagnostics) {
    const ok = conflicting.some((key) => {
      const claim = gold.claims.get(key);
      return claim && d.file === claim.file && overlaps(d, claim.quote) && relatedHitsPartner(d, key);
    });
    (ok ? right : wrong).push(d);
  }
  return {
    recall: ratio(flagged.length, conflicting.length),
    precision: ratio(right.length, diagnostics.length),
    unflagged,
    wrong,
  };
}

/** The article-level count: the largest count.min among claims of the category, 0 when none. */
export function articleCount(doc, category) {
  let best = 0;
  for (const c of doc?.claims ?? []) {
    if (c.category === category && c.count && typeof c.count.min === 'number') best = Math.max(best, c.count.min);
  }
  return best;
}
