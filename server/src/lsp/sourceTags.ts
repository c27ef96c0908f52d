// Inserting source tags: the only way the server ever changes an article, and only through an edit the
// editor applies. A tag is the CriticMarkup comment `{>>source: NAME<<}` placed right after the
// sentence that holds the claim; the engine reads it back and marks the sentence's claims as attributed
// (`tagged: true`).

import { OptionalVersionedTextDocumentIdentifier, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CasualtyClaim, DocumentAnalysis } from '../engine';
import { formatSourceTag } from '../engine/tags';
import { entityById } from './lookup';
import { ClaimRef } from './protocol';
import { IndexedDocument } from './workspaceIndex';

/** How many sources the quick fixes propose at most; the "Tag source..." prompt covers the rest. */
const MAX_CANDIDATES = 15;

/** Sources that name nobody on their own; an attribution the engine resolved to an actor is used instead. */
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them']);

/** Cleans what an editor typed into a source name: one line, no CriticMarkup delimiters. */
export function cleanSourceName(raw: string): string {
  return raw
    .replace(/\{>>|<<\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The edit that tags the sentence of a claim with a source, or null when the name is empty. */
export function sourceTagEdit(document: IndexedDocument, claim: CasualtyClaim, rawName: string): TextEdit | null {
  const name = cleanSourceName(rawName);
  if (!name) return null;
  const at = document.lines.positionAt(claim.sentence.end);
  return TextEdit.insert(at, ` ${formatSourceTag(name)}`);
}

const NEGATED_CUE = /\b(?:not|never|cannot)\b|n['’]t\b/i;

/**
 * Sources worth proposing for an unattributed claim: first whoever the article already cites (in the
 * order it cites them), then its other people and organisations in order of first mention.
 */
export function sourceCandidates(analysis: DocumentAnalysis): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    const clean = cleanSourceName(name);
    const key = clean.toLowerCase().replace(/^the\s+/, '');
    if (!clean || PRONOUNS.has(key) || seen.has(key)) return;
    seen.add(key);
    out.push(clean);
  };
  // "State television did not report the shelling" names an outlet, not a source of anything.
  const cited = [...analysis.attributions].filter((a) => !NEGATED_CUE.test(a.cue.text)).sort((a, b) => a.source.start - b.source.start);
  for (const attribution of cited) add(entityById(analysis, attribution.entityId)?.name ?? attribution.source.text);
  const actors = analysis.entities
    .filter((e) => e.kind === 'person' || e.kind === 'organization')
    .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  for (const actor of actors) add(actor.name);
  return out.slice(0, MAX_CANDIDATES);
}

/**
 * Finds a claim again in the current analysis: by id when the document is unchanged, otherwise by its
 * text (ids are positional and shift when claims are added above).
 */
export function findClaim(document: IndexedDocument, ref: ClaimRef): CasualtyClaim | undefined {
  const claims = document.analysis.claims;
  const byId = claims.find((c) => c.id === ref.claimId && c.text === ref.claimText);
  if (byId) return byId;
  const byText = claims.filter((c) => c.text === ref.claimText);
  return byText.length === 1 ? byText[0] : undefined;
}

/** Wraps edits to one document, versioned when the client can check versions. */
export function workspaceEdit(document: IndexedDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  if (!versioned) return { changes: { [document.uri]: edits } };
  const textDocument: OptionalVersionedTextDocumentIdentifier = { uri: document.uri, version: document.version };
  return { documentChanges: [{ textDocument, edits }] };
}
