// Folding names and the skeleton key that spelling variants of one Arabic name share.
import * as assert from 'assert';
import { foldDiacritics, KeySpeller, transliterationKey } from '../../server/src/engine/transliteration';
import { loadResources } from '../../server/src/node/resources';

// The folding and key rules as regular expressions, as they were first written: the engine works them
// out character by character, and must give exactly these strings.
function foldByPatterns(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[‘’'`ʻʼʿʾ]/g, '').toLowerCase().replace(/ı/g, 'i').replace(/[-\s]+/g, ' ').trim();
}

function keyByPatterns(name: string): string {
  let s = foldByPatterns(name).replace(/^(?:al|el|ar|as|ad|at|an|ash|az|ath|adh|aş|aţ) /, '');
  s = s.replace(/\b(?:al|el|ez|es|ed|ash|ar|as|at|az|an|ad) /g, '');
  s = s.replace(/ (?:[ae]([dnrstz])\1|el(?=[aeiou]))/g, ' $1');
  s = s.replace(/ /g, '');
  s = s.replace(/ou/g, 'u').replace(/ee/g, 'i').replace(/oo/g, 'u').replace(/aw(?![aeiou])/g, 'u');
  s = s.replace(/[eiouy]/g, (v) => (v === 'e' ? 'a' : v === 'o' ? 'u' : v === 'y' ? 'i' : v));
  s = s.replace(/(.)\1+/g, '$1');
  s = s.replace(/([aiu])h$/, '$1');
  return s.replace(/^(.+?)[aiu]$/, '$1');
}

/** Every name the gazetteer indexes, from the data the tests' analyzer reads. */
function gazetteerNames(): string[] {
  const data = loadResources().gazetteer;
  return [...data.countries.flatMap((c) => [...c.names, ...c.demonyms]), ...data.places.map((p) => p[0])];
}

/** Names of up to twelve pieces drawn from the letters, marks and separators the rules read, from a fixed seed. */
function madeUpNames(count: number): string[] {
  const pieces = ['a', 'e', 'i', 'o', 'u', 'y', 'h', 'w', 'd', 'n', 'r', 's', 't', 'z', 'l', 'k', 'A', 'E', 'Z', '1', '_',
    ' ', ' ', '-', '--', "'", '’', 'ʿ', '\t', '\n', 'ş', 'ţ', 'Ş', 'ı', 'İ', 'ā', 'é', 'Ḩ', 'ß'];
  let seed = 12345;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    let name = '';
    for (let length = 1 + next(12); length > 0; length--) name += pieces[next(pieces.length)];
    names.push(name);
  }
  return names;
}

describe('transliteration', () => {
  it('folds diacritics and transliteration marks', () => {
    assert.strictEqual(foldDiacritics('Ḩamāh'), 'hamah');
    assert.strictEqual(foldDiacritics('Ma‘arrat an Nu‘mān'), 'maarrat an numan');
    assert.strictEqual(foldDiacritics('Deir ez-Zor'), 'deir ez zor');
    assert.strictEqual(foldDiacritics('Diyarbakır'), 'diyarbakir');
  });
  it('gives spelling variants one key', () => {
    assert.strictEqual(transliterationKey('Hama'), transliterationKey('Ḩamāh'));
    assert.strictEqual(transliterationKey('Al-Hasakah'), transliterationKey('Hasaka'));
    assert.strictEqual(transliterationKey('Hassakeh'), transliterationKey('Al Ḩasakah'));
    assert.notStrictEqual(transliterationKey('Homs'), transliterationKey('Hama'));
    // An inner article written onto its noun, and "aw" for "o".
    for (const variant of ['Deir Ezzor', 'Dayr az Zawr', 'Deir al-Zor']) assert.strictEqual(transliterationKey(variant), transliterationKey('Deir ez-Zor'));
    assert.strictEqual(transliterationKey('Ras Elain'), transliterationKey('Ras al-Ain'));
  });
  it('folds and keys every gazetteer name as the rules written as patterns do', () => {
    for (const name of gazetteerNames()) {
      assert.strictEqual(foldDiacritics(name), foldByPatterns(name), name);
      assert.strictEqual(transliterationKey(name), keyByPatterns(name), name);
    }
  });
  it('folds and keys made-up names as the rules written as patterns do', () => {
    const tricky = ['Al ash Zor', 'al al-Bab', 'Ash-Shaddadi', 'aş Şuwayda', 'el Ela', 'Deir  ez-Zor ', ' -Hama- ', 'Aaawwh',
      'Ouooo', 'Eee', 'Zawaw', 'Oou', 'Tell Abyad', 'x_al y', '1al y', 'ah', 'a', '', 'Tal al‘Ādd'];
    for (const name of [...tricky, ...madeUpNames(50000)]) {
      assert.strictEqual(foldDiacritics(name), foldByPatterns(name), JSON.stringify(name));
      assert.strictEqual(transliterationKey(name), keyByPatterns(name), JSON.stringify(name));
    }
  });
  it('hashes equal keys alike', () => {
    const speller = new KeySpeller();
    const hashOf = (name: string) => {
      speller.spell(foldDiacritics(name));
      return speller.hash();
    };
    assert.strictEqual(hashOf('Dayr az Zawr'), hashOf('Deir ez-Zor'));
    assert.notStrictEqual(hashOf('Homs'), hashOf('Hama'));
  });
  it('spells one key after another with one speller, a long name after short ones', () => {
    const speller = new KeySpeller();
    const long = 'Dayr az Zawr '.repeat(20).trim();
    for (const name of ['Hamah', long, 'Idlib']) {
      assert.strictEqual(speller.spell(foldDiacritics(name)), keyByPatterns(name).length);
      assert.strictEqual(speller.text(), keyByPatterns(name));
    }
  });
});
