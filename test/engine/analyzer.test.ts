// The analyzer remembers the entity mentions of sentences it has seen (an edit re-reads one sentence,
// not the article); remembering must never change what an analysis says.
import * as assert from 'assert';
import { createAnalyzer } from '../../server/src/engine';
import { SENTENCES_REMEMBERED } from '../../server/src/engine/entities';
import { seededRandom } from '../../server/src/engine/ner/perceptron';
import { maskSourceTags } from '../../server/src/engine/tags';
import { loadResources } from '../../server/src/node/resources';
import { analyze, corpusArticles } from './support';

const ARTICLE = [
  'Car bomb hits Jableh market',
  'March 3, 2016',
  'A car bomb exploded in Jableh on Thursday, killing at least 26 people, according to the Syrian Observatory for Human Rights.',
  'Rami Abdulrahman, head of the Observatory, said 12 children were among the dead.',
  'State television said 18 people were killed in Jableh.',
].join('\n');

describe('analyzer: remembered sentence readings', () => {
  it('gives an edited article the same analysis a fresh analyzer gives it', () => {
    const warm = createAnalyzer(loadResources());
    warm.analyze(ARTICLE); // every sentence's mentions are remembered now
    const edited = ARTICLE.replace('Rami Abdulrahman', 'Lina Sinjab').replace('18 people', '19 people');
    const fromMemory = warm.analyze(edited);
    const fresh = createAnalyzer(loadResources()).analyze(edited);
    assert.deepStrictEqual(fromMemory, fresh);
    // The edit is seen: the new name is an entity, the old one is gone.
    const names = fromMemory.entities.map((e) => e.name);
    assert.ok(names.includes('Lina Sinjab'), names.join(', '));
    assert.ok(!names.includes('Rami Abdulrahman'), names.join(', '));
  });

  it('places a remembered sentence at its offsets in another article, and twice in one', () => {
    const warm = createAnalyzer(loadResources());
    warm.analyze(ARTICLE);
    const sentence = ARTICLE.split('\n')[3];
    const moved = `Aleppo residents fled on Friday.\n${sentence}\nMore fighting was reported.\n${sentence}`;
    assert.deepStrictEqual(warm.analyze(moved), createAnalyzer(loadResources()).analyze(moved));
  });

  it('reads sentences it no longer remembers as it read them first', () => {
    const analyzer = createAnalyzer(loadResources());
    const first = analyzer.analyze(ARTICLE);
    // More distinct sentences than are remembered push the article's own out.
    const filler = Array.from({ length: SENTENCES_REMEMBERED + 10 }, (_, k) => `Talks resumed in Geneva on day ${k}.`).join('\n');
    analyzer.analyze(filler);
    assert.deepStrictEqual(analyzer.analyze(ARTICLE), first);
  });

  it('gives the same analysis twice', () => {
    const analyzer = createAnalyzer(loadResources());
    assert.deepStrictEqual(analyzer.analyze(ARTICLE), analyzer.analyze(ARTICLE));
  });
});

describe('analyzer: damaged and unusual input', () => {
  /** Every span of the analysis lies in the text and reads what the text holds there, tags blanked. */
  function checkSpans(text: string): void {
    const analysis = analyze(text);
    const read = maskSourceTags(text).text;
    const visit = (value: unknown, where: string): void => {
      if (Array.isArray(value)) return value.forEach((item, k) => visit(item, `${where}[${k}]`));
      if (!value || typeof value !== 'object') return;
      const span = value as { start?: unknown; end?: unknown; text?: unknown };
      if (typeof span.start === 'number' && typeof span.end === 'number') {
        assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${where}: ${span.start}-${span.end} of ${text.length}`);
        // A source tag's own name is read from the tag, which the blanked text no longer holds.
        const source = where.includes('.tags[') ? text : read;
        if (typeof span.text === 'string') assert.strictEqual(span.text, source.slice(span.start, span.end), where);
      }
      for (const [key, item] of Object.entries(value)) visit(item, `${where}.${key}`);
    };
    visit(analysis, 'analysis');
    assert.doesNotThrow(() => JSON.stringify(analysis));
  }

  it('reads articles cut, spliced and sprinkled with odd characters without losing an offset', () => {
    const oddities = ['\uFEFF', '\uD83D', '\uDE00', '😀', '\r', '\r\n', '\t', '"', '“', '”', '—', '0', '1,000', 'at least ', 'killed ', 'said ', '.',
      '\n\n', '# ', '*', 'Ḩamāh', 'ﬁ', '\u200b', '\u202e', 'according to ', '%', '9'.repeat(40), '½ ', '{>>source: x<<}', '{>>', '<<}'];
    const draw = seededRandom(7);
    const random = (below: number) => Math.floor(draw() * below);
    const articles = corpusArticles();
    for (let k = 0; k < 60; k++) {
      let text = articles[random(articles.length)];
      for (let edits = 1 + random(20); edits > 0; edits--) {
        const at = random(text.length + 1);
        const what = random(3);
        if (what === 0) text = text.slice(0, at) + oddities[random(oddities.length)] + text.slice(at);
        else if (what === 1) text = text.slice(0, at) + text.slice(at + random(50));
        else text = text.slice(0, at) + text.slice(random(text.length), random(text.length) + 200) + text.slice(at);
      }
      checkSpans(text);
    }
  });

  it('reads text that is no article: empty, one mark, tags inside words, one long line, one word many times', () => {
    for (const text of ['', ' ', 'Shelling in Alep{>>source: x<<}po and Ho{>>ms killed 5 people, the United N{>>ations said.', '\n', '.', '"', '\uD800', '{>>source: <<}', '{>>'.repeat(500), 'killed', '9'.repeat(5000), 'x'.repeat(50000),
      'he said '.repeat(2000), 'killed at least five people, '.repeat(1000), '"' + 'the man said he was killed and '.repeat(500), 'Killed 5.\n'.repeat(2000)]) {
      checkSpans(text);
    }
  });
});
