// Headline, date, dateline and page furniture.
import * as assert from 'assert';
import { readMetadata } from '../../server/src/engine/metadata';

describe('metadata', () => {
  it('reads the headline, the date and the dateline', () => {
    const text = 'Shelling hits Homs\n\nMarch 12, 2015\n\nHOMS, Syria, March 12 (Reuters) - Shelling hit the city.';
    const m = readMetadata(text);
    assert.deepStrictEqual(m.headline, { start: 0, end: 18 });
    assert.strictEqual(m.date, '2015-03-12');
    assert.strictEqual(text.slice(m.dateline!.start, m.dateline!.end), 'HOMS, Syria, March 12 (Reuters) -');
  });
  it('reads "Date of publication 18 November 2017"', () => {
    assert.strictEqual(readMetadata('Headline\nDate of publication 18 November 2017 Heavy bombing...').date, '2017-11-18');
  });
  it('finds furniture after the article, not look-alikes inside it', () => {
    const body = 'The town was quiet on Sunday after two days of clashes between the army and rebels. '.repeat(5);
    const text = `Follow us on Twitter for updates\n${body}\nLeave a Reply\nYour email address will not be published.`;
    assert.strictEqual(readMetadata(text).furnitureStart, text.indexOf('Leave a Reply'));
  });
  it('reads no dateline from a caption line', () => {
    assert.strictEqual(readMetadata('Headline\nPHOTO: mourners in Homs\nBody.').dateline, null);
  });
});
