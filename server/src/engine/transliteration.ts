// How the gazetteer compares names: folded (no diacritics, transliteration marks or case), and reduced
// to a skeleton key that the many English spellings of one Arabic name share ("Hama" / "Hamah" /
// "Ḩamāh", "Deir ez-Zor" / "Dayr az Zawr" / "Deir Ezzor").

// The patterns of foldDiacritics, made once (a regex literal in a function is a new RegExp each time it
// is evaluated). Global patterns are only given to replace, which starts them from the beginning every
// time.
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const TRANSLITERATION_MARKS = /[‘’'`ʻʼʿʾ]/g;
/** Turkish dotless i, which no decomposition turns into "i": "Adıyaman" is written "Adiyaman" in news. */
const DOTLESS_I = /ı/g;
const SEPARATORS = /[-\s]+/g;

/** Strips diacritics and Arabic transliteration marks, lower-cases, unifies separators. */
export function foldDiacritics(name: string): string {
  const plain = plainAsciiSeparators(name);
  if (plain === 0) return name.toLowerCase();
  if (plain === 1) return name.toLowerCase().replaceAll('-', ' ');
  return name
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(TRANSLITERATION_MARKS, '')
    .toLowerCase()
    .replace(DOTLESS_I, 'i')
    .replace(SEPARATORS, ' ')
    .trim();
}

/**
 * 0 when a name is ASCII without transliteration marks and with single spaces between its words, 1
 * when some of those are single hyphens, -1 otherwise. Folding the first two only lower-cases them and
 * turns hyphens into spaces: most names in news are such, and looking at their characters costs less
 * than normalising and four replaces.
 */
function plainAsciiSeparators(name: string): -1 | 0 | 1 {
  let hyphens = false;
  let afterSeparator = true; // no separator may start a name
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x20 || c === 0x2d) {
      if (afterSeparator) return -1;
      afterSeparator = true;
      if (c === 0x2d) hyphens = true;
    } else {
      // Above ASCII, an apostrophe or backtick, or a tab, line break or other ASCII space.
      if (c > 0x7e || c === 0x27 || c === 0x60 || (c >= 0x09 && c <= 0x0d)) return -1;
      afterSeparator = false;
    }
  }
  if (afterSeparator && name.length > 0) return -1; // nor end it
  return hyphens ? 1 : 0;
}

/**
 * A skeleton key for transliteration variants: folded, leading Arabic article dropped, vowels
 * unified, doubled letters collapsed and a final "h" after a vowel dropped. Different spellings of the
 * same Arabic name usually share it; different names rarely do.
 */
export function transliterationKey(name: string): string {
  keyOfName.spell(foldDiacritics(name));
  return keyOfName.text();
}

// Character codes the key's rules read.
const SPACE = 0x20;
const A = 0x61;
const D = 0x64;
const E = 0x65;
const H = 0x68;
const I = 0x69;
const L = 0x6c;
const N = 0x6e;
const O = 0x6f;
const R = 0x72;
const S = 0x73;
const T = 0x74;
const U = 0x75;
const W = 0x77;
const Y = 0x79;
const Z = 0x7a;
const S_CEDILLA = 0x15f;
const T_CEDILLA = 0x163;

/**
 * Works out the transliteration key of one folded name at a time, as letters rewritten in place by
 * each rule: a dozen regex replaces cost more than all the rest of a lookup. The rules are passes in
 * the order they apply; the tests check them against the rules written as regular expressions. The
 * key's string is made only when asked for: the gazetteer first asks whether its index can hold the
 * key's hash at all.
 */
export class KeySpeller {
  private letters = new Uint16Array(64);
  private length = 0;

  /**
   * Spells the key of a name already folded (a lookup needs both and folds once) and returns its
   * length. A folded name has no line breaks, which would stop the doubled-letter and final-vowel rules.
   */
  spell(folded: string): number {
    if (this.letters.length < folded.length) this.letters = new Uint16Array(2 * folded.length);
    const letters = this.letters;
    // The leading article ("Al Hasakah"), then the articles at the start of a word inside the name
    // ("Deir ez-Zor", "Jisr ash-Shughur"), each with the space after it.
    let length = 0;
    let afterWordCharacter = false;
    for (let i = leadingArticleLength(folded); i < folded.length; ) {
      const skipped = afterWordCharacter ? 0 : innerArticleLength(folded, i);
      if (skipped > 0) {
        i += skipped;
        continue;
      }
      const c = folded.charCodeAt(i++);
      letters[length++] = c;
      afterWordCharacter = isWordCharacter(c);
    }
    // An inner article written onto its assimilated noun: "Deir Ezzor", "Ras Elain" -> Zor, Ain. The
    // words are then run together.
    let kept = 0;
    for (let i = 0; i < length; ) {
      const c = letters[i];
      if (c !== SPACE) {
        letters[kept++] = c;
        i++;
        continue;
      }
      const first = i + 1 < length ? letters[i + 1] : -1;
      const second = i + 2 < length ? letters[i + 2] : -1;
      const third = i + 3 < length ? letters[i + 3] : -1;
      if ((first === A || first === E) && isSunLetter(second) && third === second) {
        letters[kept++] = second;
        i += 4;
      } else if (first === E && second === L && isVowel(third)) {
        i += 3;
      } else {
        i++;
      }
    }
    length = kept;
    length = replacePairs(letters, length, O, U, U);
    length = replacePairs(letters, length, E, E, I);
    length = replacePairs(letters, length, O, O, U);
    // "aw" before a consonant or at the end is an "o" (Zawr, Zor), vowels are unified, and a letter
    // written twice counts once.
    kept = 0;
    let previous = -1;
    for (let i = 0; i < length; ) {
      let c = letters[i];
      if (c === A && i + 1 < length && letters[i + 1] === W && !(i + 2 < length && isVowel(letters[i + 2]))) {
        c = U;
        i += 2;
      } else {
        i++;
        if (c === E) c = A;
        else if (c === O) c = U;
        else if (c === Y) c = I;
      }
      if (c !== previous) letters[kept++] = previous = c;
    }
    length = kept;
    if (length >= 2 && letters[length - 1] === H && isKeyVowel(letters[length - 2])) length--;
    if (length >= 2 && isKeyVowel(letters[length - 1])) length--; // the least stable letter of all
    this.length = length;
    return length;
  }

  /** The key last spelled. */
  text(): string {
    // One character at a time: faster for keys this short than fromCharCode over a subarray.
    let key = '';
    for (let i = 0; i < this.length; i++) key += String.fromCharCode(this.letters[i]);
    return key;
  }

  /** A 32-bit hash of the key last spelled: equal keys, equal hashes. */
  hash(): number {
    let h = this.length;
    for (let i = 0; i < this.length; i++) h = (Math.imul(h, 31) + this.letters[i]) | 0;
    return h;
  }
}

/** For transliterationKey, which callers ask one name at a time. */
const keyOfName = new KeySpeller();

/** The character at i, or -1 past the end: charCodeAt past the end is NaN, which V8's compiled code does not expect. */
function codeAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1;
}

/** How long the Arabic article opening a folded name is, with its space: "al ", "ash ", "aş ". */
function leadingArticleLength(folded: string): number {
  const first = codeAt(folded, 0);
  const second = codeAt(folded, 1);
  const third = codeAt(folded, 2);
  if (first === E) return second === L && third === SPACE ? 3 : 0;
  if (first !== A) return 0;
  if (third === SPACE) {
    return second === L || second === R || second === S || second === D || second === T || second === N || second === Z ||
      second === S_CEDILLA || second === T_CEDILLA ? 3 : 0;
  }
  return third === H && (second === S || second === T || second === D) && codeAt(folded, 3) === SPACE ? 4 : 0;
}

/** How long the article at i inside a folded name is, with its space ("ez ", "ash "), or 0. */
function innerArticleLength(folded: string, i: number): number {
  const first = codeAt(folded, i);
  const second = codeAt(folded, i + 1);
  const third = codeAt(folded, i + 2);
  if (first === A) {
    if (third === SPACE) return second === L || second === R || second === S || second === T || second === Z || second === N || second === D ? 3 : 0;
    return second === S && third === H && codeAt(folded, i + 3) === SPACE ? 4 : 0;
  }
  if (first === E) return third === SPACE && (second === L || second === Z || second === S || second === D) ? 3 : 0;
  return 0;
}

/** Replaces each pair first-second, read from the left, by one letter; returns the new length. */
function replacePairs(letters: Uint16Array, length: number, first: number, second: number, by: number): number {
  let kept = 0;
  for (let i = 0; i < length; ) {
    if (letters[i] === first && i + 1 < length && letters[i + 1] === second) {
      letters[kept++] = by;
      i += 2;
    } else {
      letters[kept++] = letters[i++];
    }
  }
  return kept;
}

/** A regex word character (\w): an article inside a name starts after none. */
function isWordCharacter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

function isVowel(c: number): boolean {
  return c === A || c === E || c === I || c === O || c === U;
}

/** The vowels a key keeps once the others are unified into them. */
function isKeyVowel(c: number): boolean {
  return c === A || c === I || c === U;
}

/** The letters an article's l is assimilated to in "ad-Dawr", "ar-Raqqa", "az-Zor". */
function isSunLetter(c: number): boolean {
  return c === D || c === N || c === R || c === S || c === T || c === Z;
}
