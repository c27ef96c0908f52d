// Every interval rule of the annotation guidelines, and the numbers that are never casualty counts.
import * as assert from 'assert';
import { findNumbers, withoutFinalFullStop } from '../../server/src/engine/numbers';
import { tokenize } from '../../server/src/engine/text';
import { NumberKind } from '../../server/src/engine';
import { offsetOf } from './support';

/** Finds `figure` in `sentence` and checks its interval, kind and offsets. */
function check(sentence: string, figure: string, min: number, max: number | null, kind: NumberKind = 'count'): void {
  const found = findNumbers(sentence, tokenize(sentence));
  const start = offsetOf(sentence, figure);
  const hit = found.find((n) => n.start === start && n.end === start + figure.length);
  assert.ok(hit, `no number "${figure}" in "${sentence}"; found ${JSON.stringify(found.map((n) => n.text))}`);
  assert.deepStrictEqual({ text: hit.text, min: hit.min, max: hit.max, kind: hit.kind }, { text: figure, min, max, kind });
}

describe('numbers: interval rules', () => {
  it('reads a bare figure as exactly that figure', () => check('Bombs killed 16 people.', '16', 16, 16));
  it('reads a word that names a built-in of every object ("constructor") as a word, not a number', () => {
    check('twenty constructor workers were hurt', 'twenty', 20, 20);
    check('forty toString boxes', 'forty', 40, 40);
  });
  it('reads "at least" and "or more" as open above', () => {
    check('killing at least 16 people', 'at least 16', 16, null);
    check('16 or more people died', '16 or more', 16, null);
  });
  it('reads "more than" and "over" as one above, open', () => {
    check('more than 460 corpses', 'more than 460', 461, null);
    check('over 16 people died', 'over 16', 17, null);
  });
  it('reads "up to", "as many as", "at most", "no more than" as 0..n', () => {
    check('up to 16 people were hurt', 'up to 16', 0, 16);
    check('as many as 16 people died', 'as many as 16', 0, 16);
    check('at most 16 people died', 'at most 16', 0, 16);
    check('no more than 16 people died', 'no more than 16', 0, 16);
  });
  it('reads "nearly" and "almost" as round(0.9n)..n', () => {
    check('nearly 16 people died', 'nearly 16', 14, 16);
    check('almost 50 were wounded', 'almost 50', 45, 50);
  });
  it('reads "about", "around", "some", "approximately", "roughly" as floor(0.9n)..ceil(1.1n)', () => {
    check('about 16 people died', 'about 16', 14, 18);
    check('Around 3,500 people have been killed', 'Around 3,500', 3150, 3850);
    check('some 16 people died', 'some 16', 14, 18);
    check('approximately 200 were held', 'approximately 200', 180, 220);
    check('roughly 16 people died', 'roughly 16', 14, 18);
  });
  it('reads ranges', () => {
    check('16 to 20 people died', '16 to 20', 16, 20);
    check('between 16 and 20 people died', 'between 16 and 20', 16, 20);
    check('16-20 people died', '16-20', 16, 20);
  });
  it('reads vague quantities', () => {
    check('several people died', 'several', 3, 9);
    check('a few people died', 'a few', 2, 5);
    check('dozens of protestor deaths', 'dozens', 24, 99);
    check('scores were hurt', 'scores', 40, 199);
    check('hundreds were arrested', 'hundreds', 200, 999);
    check('claimed thousands of lives', 'thousands', 2000, 9999);
    check('tens of thousands have died', 'tens of thousands', 20000, 99999);
    check('a dozen people died', 'a dozen', 12, 12);
    check('two dozen people died', 'two dozen', 24, 24);
  });
  it('reads fractions of a million, not the million they end with', () => {
    check('more than a quarter of a million people have died', 'more than a quarter of a million', 250001, null);
    check('nearly half a million were displaced', 'nearly half a million', 450000, 500000);
    check('three quarters of a million people fled', 'three quarters of a million', 750000, 750000);
    check('a million people fled', 'a million', 1000000, 1000000);
  });
  it('reads number words, separators and scales', () => {
    check('eight soldiers died', 'eight', 8, 8);
    check('twenty-six people died', 'twenty-six', 26, 26);
    check('one hundred and fifty people died', 'one hundred and fifty', 150, 150);
    check('1.2 million people have fled', '1.2 million', 1200000, 1200000);
    check('killed 1,180 people', '1,180', 1180, 1180);
  });
  it('keeps working where commas were stripped', () => {
    check('killed 1300 people', '1300', 1300, 1300);
    check('putting the death toll at at least 70', 'at least 70', 70, null);
  });
});

describe('numbers: figures that are never counts', () => {
  it('knows ordinals', () => check('the first serious strikes', 'first', 0, 0, 'ordinal'));
  it('knows ages', () => {
    check('a 26-year-old man', '26', 26, 26, 'age');
    check('three girls between the ages of 12-14 were hurt', '12-14', 12, 14, 'age');
    check('two boys aged 15 were hurt', '15', 15, 15, 'age');
  });
  it('knows frequencies and letter codes, which are never counts', () => {
    check('the driver was hit 6 times in the chest', '6', 6, 6, 'other');
    check('a cyclist on I-80 was wounded', '80', 80, 80, 'other');
    check('a man armed with an AK-47 was shot', '47', 47, 47, 'other');
  });
  it('knows dates and years', () => {
    check('on January 6, 2012', '6', 6, 6, 'date');
    check('in March 2011 protests began', '2011', 2011, 2011, 'year');
    // A month written short, with or without its full stop.
    check('on 14 Jan. the town fell', '14', 14, 14, 'date');
    check('since Sept 3 the town was shelled', '3', 3, 3, 'date');
  });
  it('reads an abbreviated month without its one final full stop', () => {
    assert.strictEqual(withoutFinalFullStop('jan.'), 'jan');
    assert.strictEqual(withoutFinalFullStop('jan'), 'jan');
    // Only the last full stop goes, as /\.$/ replaced with nothing would take it.
    assert.strictEqual(withoutFinalFullStop('a.m..'), 'a.m.');
    assert.strictEqual(withoutFinalFullStop('.'), '');
  });
  it('knows times', () => check('at 10:30 a.m. on Monday', '10:30', 0, 0, 'time'));
  it('knows distances, money, percentages and durations', () => {
    check('40 km from the border', '40', 40, 40, 'distance');
    check('based in Isra, 40km from the border', '40', 40, 40, 'distance');
    check('$2 million in aid', '2 million', 2000000, 2000000, 'money');
    check('turnout was 60 percent', '60', 60, 60, 'percent');
    check('the ten-month crackdown', 'ten', 10, 10, 'duration');
    check('for four days the town was shelled', 'four', 4, 4, 'duration');
  });
});
