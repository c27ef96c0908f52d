// The analyzer remembers the tagger's reading of sentences it has seen (an edit re-tags one sentence,
// not the article); remembering must never change what an analysis says.
import * as assert from 'assert';
import { createAnalyzer } from '../../server/src/engine';
import { loadResources } from '../../server/src/node/resources';

const ARTICLE = [
  'Car bomb hits Jableh market',
  'March 3, 2016',
  'A car bomb exploded in Jableh on Thursday, killing at least 26 people, according to the Syrian Observatory for Human Rights.',
  'Rami Abdulrahman, head of the Observatory, said 12 children were among the dead.',
  'State television said 18 people were killed in Jableh.',
].join('\n');

describe('analyzer: remembered tagger readings', () => {
  it('gives an edited article the same analysis a fresh analyzer gives it', () => {
    const warm = createAnalyzer(loadResources());
    warm.analyze(ARTICLE); // every sentence's reading is remembered now
    const edited = ARTICLE.replace('Rami Abdulrahman', 'Lina Sinjab').replace('18 people', '19 people');
    const fromMemory = warm.analyze(edited);
    const fresh = createAnalyzer(loadResources()).analyze(edited);
    assert.deepStrictEqual(fromMemory, fresh);
    // The edit is seen: the new name is an entity, the old one is gone.
    const names = fromMemory.entities.map((e) => e.name);
    assert.ok(names.includes('Lina Sinjab'), names.join(', '));
    assert.ok(!names.includes('Rami Abdulrahman'), names.join(', '));
  });

  it('gives the same analysis twice', () => {
    const analyzer = createAnalyzer(loadResources());
    assert.deepStrictEqual(analyzer.analyze(ARTICLE), analyzer.analyze(ARTICLE));
  });
});
