// The statistical entity tagger: an averaged structured perceptron with Viterbi decoding over BILOU
// labels. It takes the model as a plain object and never reads files; the caller decides when (and
// whether) to load the weights.

import { Transitions, ViterbiScratch, viterbi } from './decode';
import { PlaceLookup } from './features';
import { EntitySpan, LabelParts, labelIdsToSpans, parseLabel } from './labels';
import { MODEL_FORMAT, NerModelData, casingLexicon, clusterLookup, decodeWeightRows } from './model';
import { EmissionScorer } from './scorer';

export interface NerTaggerOptions {
  /**
   * Gazetteer lookup for capitalised phrases of one to four words. The model was trained with
   * `placeLookupFromGazetteer` over the engine's gazetteer; without a lookup the tagger still works
   * and loses a little on places.
   */
  placeLookup?: PlaceLookup;
  /**
   * Score every token, instead of taking those more than two tokens from any name-like word as
   * outside a name unscored. For checking that the shortcut keeps the labels.
   */
  scoreAll?: boolean;
}

export class NerTagger {
  private readonly scorer: EmissionScorer;
  private readonly transitions: Transitions;
  private readonly labelParts: LabelParts[];
  private readonly scratch = new ViterbiScratch();
  /** Scores of the sentence being tagged, tokens x labels. */
  private emissions = new Float64Array(0);
  private labelIds = new Int32Array(0);
  private nearNames: Uint8Array | undefined;
  /**
   * Whether the scratch holds the transition weights as Viterbi gathers them: the tagger's transitions
   * never change, so once is enough (training, which changes them, gathers per sentence).
   */
  private gathered = false;
  private readonly outside: number;

  constructor(model: NerModelData, options: NerTaggerOptions = {}) {
    if (model.format !== MODEL_FORMAT) throw new Error(`not a NewsLens NER model (format ${model.format})`);
    this.transitions = new Transitions(model.labels, model.transitions);
    this.labelParts = model.labels.map(parseLabel);
    this.outside = this.labelParts.findIndex((p) => p.part === 'O');
    if (!options.scoreAll && this.outside >= 0) this.nearNames = new Uint8Array(0);
    this.scorer = new EmissionScorer(
      model.features,
      decodeWeightRows(model),
      model.labels.length,
      casingLexicon(model),
      clusterLookup(model.clusters),
      options.placeLookup,
      this.outside,
    );
  }

  get labels(): string[] {
    return this.labelParts.map((p) => (p.part === 'O' ? 'O' : `${p.part}-${p.type}`));
  }

  /**
   * Entity spans of ONE sentence as token indices, end exclusive. A span whose last token carries a
   * possessive ("Assad's") includes that token; trim the "'s" from its characters if needed.
   */
  tag(words: readonly string[]): EntitySpan[] {
    if (words.length === 0 || !this.decode(words)) return [];
    return labelIdsToSpans(this.labelIds, this.labelParts, words.length);
  }

  /** The BILOU label of every token, for inspection and tests. */
  tagLabels(words: readonly string[]): string[] {
    const names = this.labels;
    this.decode(words);
    return Array.from(this.labelIds.subarray(0, words.length), (id) => names[id]);
  }

  /**
   * Sets labelIds[0 .. words.length) to the sentence's labels. Returns false when every token was taken
   * as outside a name unscored (no name-like word in the sentence), which is then the whole answer.
   */
  private decode(words: readonly string[]): boolean {
    const n = words.length;
    const labelCount = this.transitions.labelCount;
    if (this.emissions.length < n * labelCount) {
      this.emissions = new Float64Array(n * labelCount * 2);
      this.labelIds = new Int32Array(n * 2);
      if (this.nearNames) this.nearNames = new Uint8Array(n * 2);
    }
    const out = this.labelIds;
    const near = this.nearNames;
    this.scorer.score(words, this.emissions, near);
    if (!near) {
      viterbi(this.emissions, n, this.transitions, out, this.scratch, labelCount, labelCount, 0, this.gathered);
      this.gathered = true;
      return true;
    }
    // Most of a news sentence is lower-case words far from any name: those are O, and each stretch
    // between them decodes on its own, between the O labels around it.
    const outside = this.outside;
    out.fill(outside, 0, n);
    let decoded = false;
    for (let start = 0; start < n; ) {
      if (!near[start]) {
        start++;
        continue;
      }
      let end = start + 1;
      while (end < n && near[end]) end++;
      viterbi(this.emissions, end - start, this.transitions, out, this.scratch, start > 0 ? outside : labelCount, end < n ? outside : labelCount, start, this.gathered);
      this.gathered = decoded = true;
      start = end;
    }
    return decoded;
  }
}
