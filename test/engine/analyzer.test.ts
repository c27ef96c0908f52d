// The analyzer remembers the entity mentions of sentences it has seen (an edit re-reads one sentence,
// not the article); remembering must never change what an analysis says.
import * as assert from 'assert';
import { createAnalyzer } from '../../server/src/engine';
import { SENTENCES_REMEMBERED } from '../../server/src/engine/entities';
import { loadResources } from '../../server/src/node/resources';

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
