// Source tags in the CriticMarkup comment convention, masked out of the text the engine reads.
import * as assert from 'assert';
import { formatSourceTag, maskSourceTags } from '../../server/src/engine/tags';

describe('tags', () => {
  it('blanks a tag to spaces of the same length and reads its source', () => {
    const text = 'Ten died. {>>source: activists<<} Later.';
    const masked = maskSourceTags(text);
    assert.strictEqual(masked.text.length, text.length);
    assert.strictEqual(masked.text, `Ten died. ${' '.repeat('{>>source: activists<<}'.length)} Later.`);
    assert.deepStrictEqual(masked.tags, [
      { start: 10, end: 33, source: { start: 21, end: 30, text: 'activists' }, error: null },
    ]);
  });
  it('reports an empty source and a tag without "source:"', () => {
    const empty = maskSourceTags('x {>>source: <<} y').tags[0];
    assert.strictEqual(empty.source, null);
    assert.match(empty.error ?? '', /^Empty source tag/);
    const noColon = maskSourceTags('x {>>source activists<<} y').tags[0];
    assert.match(noColon.error ?? '', /^Malformed source tag/);
  });
  it('reports an unterminated tag and blanks only its opener', () => {
    const masked = maskSourceTags('Ten died {>>source: activists');
    assert.strictEqual(masked.text, 'Ten died    source: activists');
    assert.match(masked.tags[0].error ?? '', /^Unterminated source tag/);
  });
  it('blanks other CriticMarkup comments without making them tags', () => {
    const masked = maskSourceTags('a {>>check this<<} b');
    assert.strictEqual(masked.tags.length, 0);
    assert.strictEqual(masked.text, `a ${' '.repeat(16)} b`);
  });
  it('keeps line breaks inside a blanked comment', () => {
    assert.strictEqual(maskSourceTags('{>>a\nb<<}').text, '    \n    ');
  });
  it('formats a tag and keeps the closer out of the name', () => {
    assert.strictEqual(formatSourceTag(' state   TV '), '{>>source: state TV<<}');
    assert.strictEqual(formatSourceTag('a<<}b'), '{>>source: ab<<}');
  });
});
