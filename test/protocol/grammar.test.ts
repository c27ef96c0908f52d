// The TextMate grammar of the article language. VS Code runs it with Oniguruma; the patterns are
// written in the subset JavaScript shares (a leading (?i) becomes the i flag, \A becomes ^), so each
// rule can be checked here on the kind of line it is for.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './client';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  patterns?: Rule[];
  include?: string;
  captures?: Record<string, { name: string }>;
}

const grammar = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes', 'newslens.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
};

function jsRegExp(oniguruma: string): RegExp {
  let source = oniguruma.replace(/\\A/g, '^');
  let flags = 'u';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags += 'i';
  }
  return new RegExp(source, flags);
}

/** The first match of a repository rule (or of its first matching sub-pattern) in a line. */
function firstMatch(ruleName: string, line: string): RegExpExecArray | null {
  const rule = grammar.repository[ruleName];
  for (const r of rule.patterns ?? [rule]) {
    const m = jsRegExp(r.match ?? r.begin!).exec(line);
    if (m) return m;
  }
  return null;
}

describe('grammar: the article language', () => {
  it('compiles every pattern', () => {
    const all: Rule[] = Object.values(grammar.repository).flatMap((r) => [r, ...(r.patterns ?? [])]);
    for (const rule of all) for (const p of [rule.match, rule.begin, rule.end]) if (p) assert.doesNotThrow(() => jsRegExp(p), p);
    assert.strictEqual(grammar.scopeName, 'text.newslens');
    for (const p of grammar.patterns) assert.ok(grammar.repository[p.include!.slice(1)], p.include);
  });

  it('reads the first line as the headline', () => {
    assert.strictEqual(firstMatch('headline', 'Shelling hits Maarat market, activists say')?.[0], 'Shelling hits Maarat market, activists say');
  });

  it('reads datelines with place, country, date and agency', () => {
    const wire = firstMatch('dateline', 'BEIRUT, March 12 (Reuters) - A car packed with explosives');
    assert.deepStrictEqual([wire?.[1], wire?.[3], wire?.[4], wire?.[5]], ['BEIRUT', 'March 12', '(Reuters)', '-']);
    const local = firstMatch('dateline', 'MAARAT AL-NUMAN, Syria, June 4, 2019 — Government shelling');
    assert.deepStrictEqual([local?.[1], local?.[2], local?.[3], local?.[5]], ['MAARAT AL-NUMAN', ', Syria', 'June 4, 2019', '—']);
    assert.strictEqual(firstMatch('dateline', 'The Observatory said - and repeated'), null);
  });

  it('reads figures with their qualifier, bare numbers and number words', () => {
    const figure = firstMatch('figure', 'killing at least 12 people');
    assert.deepStrictEqual([figure?.[1], figure?.[2]], ['at least', '12']);
    assert.strictEqual(firstMatch('figure', 'Around 3,500 people')?.[2], '3,500');
    assert.strictEqual(firstMatch('figure', 'more than twenty-six soldiers')?.[2], 'twenty-six');
    assert.strictEqual(firstMatch('number', 'a toll of 1,300 dead')?.[0], '1,300');
    assert.strictEqual(firstMatch('number', 'Nine civilians')?.[0], 'Nine');
    assert.strictEqual(firstMatch('number', 'dozens of others')?.[0], 'dozens');
  });

  it('reads casualty words and attribution cues', () => {
    assert.strictEqual(firstMatch('casualty-word', 'Four soldiers were killed near')?.[0], 'killed');
    assert.strictEqual(firstMatch('casualty-word', 'raised the death toll to 41')?.[0], 'death toll');
    assert.strictEqual(firstMatch('attribution-cue', 'people, according to activists.')?.[0], 'according to');
    assert.strictEqual(firstMatch('attribution-cue', 'the monitor said.')?.[0], 'said');
    assert.strictEqual(firstMatch('casualty-word', 'skilled workers'), null);
  });

  it('reads source tags, with the name as the tag content', () => {
    const rule = grammar.repository['source-tag'];
    const line = 'near Khan Sheikhoun. {>>source: army medics<<}';
    const begin = jsRegExp(rule.begin!).exec(line);
    assert.deepStrictEqual([begin?.[1], begin?.[2], begin?.[3]], ['{>>', 'source', ':']);
    const end = jsRegExp(rule.end!).exec(line);
    assert.strictEqual(line.slice(begin!.index + begin![0].length, end!.index).trim(), 'army medics');
    assert.strictEqual(jsRegExp(rule.begin!).exec('{>> editor note <<}'), null); // a plain CriticMarkup comment
    assert.ok(jsRegExp(grammar.repository['critic-comment'].begin!).test('{>> editor note <<}'));
  });
});
