// The editor features over the protocol: hovers (entity cards, numbers, claims), code lenses, quick
// fixes and the source tags they insert, document and workspace symbols, references across articles.

import * as assert from 'assert';
import { CodeAction, Diagnostic, DocumentSymbol, Hover, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol/node';
import { LspTestClient, positionAt, rangeOf } from './client';
import { MARKET_SHELLING, NO_CLAIMS, STATE_TV_ROCKET } from './fixtures';

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.strictEqual(contents.kind, 'markdown');
  return contents.value;
}

const WORKSPACE = { 'alpha.news': MARKET_SHELLING, 'beta.txt': STATE_TV_ROCKET, 'notes/gamma.md': NO_CLAIMS };

describe('protocol: hovers, lenses, symbols and references', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ files: WORKSPACE });
    await client.ready();
    await client.open('alpha.news');
    await client.diagnostics('alpha.news');
  });
  after(() => client.stop());

  it('shows an entity card for an organisation, with workspace mentions and the claims it sources', async () => {
    const hover = await client.hoverOn('alpha.news', 'Syrian Observatory');
    assert.deepStrictEqual(hover?.range, rangeOf(MARKET_SHELLING, 'Syrian Observatory for Human Rights'));
    assert.strictEqual(
      markdown(hover),
      [
        '**Syrian Observatory for Human Rights** · organization',
        'Mentions: 1 in this article · 2 in 2 articles of the workspace',
        'Source of: Injured: 30 (The Syrian Observatory for Human Rights) (line 5)',
      ].join('  \n'),
    );
  });

  it('shows a person with the title and the appositive as roles and the short name as an alias, on every mention', async () => {
    const card = [
      '**Hassan Barakeh** · person',
      'Colonel; head of the civil defence in Idlib',
      'Also: Barakeh',
      'Mentions: 2 in this article · 2 in 1 article of the workspace',
    ].join('  \n');
    const full = await client.hoverOn('alpha.news', 'Hassan Barakeh');
    assert.deepStrictEqual(full?.range, rangeOf(MARKET_SHELLING, 'Hassan Barakeh'));
    assert.strictEqual(markdown(full), card);
    const short = await client.hoverOn('alpha.news', 'Barakeh said');
    assert.deepStrictEqual(short?.range, rangeOf(MARKET_SHELLING, 'Barakeh', 1));
    assert.strictEqual(markdown(short), card);
  });

  it('shows a place with its region, country, coordinates and a map link', async () => {
    const hover = await client.hoverOn('alpha.news', 'Khan Sheikhoun');
    assert.strictEqual(
      markdown(hover),
      [
        '**Khan Sheikhoun** · place (city)',
        'Mentions: 1 in this article · 1 in 1 article of the workspace',
        'Idlib region, Syria · 35.4421, 36.6510 · [OpenStreetMap](https://www.openstreetmap.org/?mlat=35.4421&mlon=36.6510#map=10/35.4421/36.6510)',
      ].join('  \n'),
    );
  });

  it('shows a region as a region of its country, placed at its biggest town', async () => {
    const text = 'Floods in Hatay\n\nRescuers searched villages in Hatay province on Monday.\n';
    await client.open('delta.md', text);
    const hover = await client.hoverOn('delta.md', 'Hatay province');
    assert.match(markdown(hover), /^\*\*Hatay province\*\* · place \(region\)  \n/);
    assert.match(markdown(hover), /  \na region of Türkiye; its biggest town \S+ · [\d.]+, [\d.]+ · \[OpenStreetMap\]/);
    await client.close('delta.md');
  });

  it('shows the interval, category, source and conflicts of a claim figure', async () => {
    const hover = await client.hoverOn('alpha.news', 'at least 12');
    assert.deepStrictEqual(hover?.range, rangeOf(MARKET_SHELLING, 'at least 12'));
    const lines = markdown(hover).split('  \n');
    assert.strictEqual(lines.length, 5);
    assert.strictEqual(lines[0], '**at least 12** · 12..∞');
    assert.match(lines[1], /^Casualty claim: Killed · people/);
    assert.match(lines[2], /^Event: `[^`]+`$/);
    assert.strictEqual(lines[3], 'Source: activists (according to)');
    assert.strictEqual(lines[4], 'Conflicts with: Killed: 5 (Syrian state television) in beta.txt');
  });

  it('shows an unattributed claim as such, and a date as no count', async () => {
    const four = markdown(await client.hoverOn('alpha.news', 'Four'));
    assert.strictEqual(four.split('  \n')[0], '**Four** · 4..4');
    assert.strictEqual(four.split('  \n')[3], 'No source: unattributed');
    const june4 = rangeOf(MARKET_SHELLING, 'June 4').start;
    const date = markdown(await client.hover('alpha.news', { line: june4.line, character: june4.character + 5 }));
    assert.strictEqual(date, '**4** · 4..4  \ndate, not a casualty count');
  });

  it('has no hover on plain words', async () => {
    assert.strictEqual(await client.hoverOn('alpha.news', 'crowded'), null);
  });

  it('puts a summary lens at the top and a source lens above every claim', async () => {
    const lenses = await client.codeLenses('alpha.news');
    const uri = client.uri('alpha.news');
    assert.deepStrictEqual(lenses, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        command: { title: '3 claims - 2 sourced - 1 conflict', command: 'newslens.showProblems' },
      },
      {
        range: rangeOf(MARKET_SHELLING, 'killing at least 12 people'),
        command: {
          title: 'Source: activists (according to)',
          command: 'newslens.revealRange',
          arguments: [uri, rangeOf(MARKET_SHELLING, 'activists', 1)],
        },
      },
      {
        range: rangeOf(MARKET_SHELLING, '30 people were wounded'),
        command: {
          title: 'Source: The Syrian Observatory for Human Rights (said)',
          command: 'newslens.revealRange',
          arguments: [uri, rangeOf(MARKET_SHELLING, 'The Syrian Observatory for Human Rights')],
        },
      },
      {
        range: rangeOf(MARKET_SHELLING, 'Four soldiers were killed'),
        command: {
          title: 'Unattributed - tag a source',
          command: 'newslens.showSourceFixes',
          arguments: [uri, rangeOf(MARKET_SHELLING, 'Four soldiers were killed')],
        },
      },
    ]);
  });

  it('outlines claims, actors and places', async () => {
    const symbols = (await client.documentSymbols('alpha.news')) as DocumentSymbol[];
    assert.deepStrictEqual(
      symbols.map((s) => [s.name, s.kind, s.children?.map((c) => c.name)]),
      [
        ['Casualty claims', 2, ['Killed: at least 12 (activists)', 'Injured: 30 (The Syrian Observatory for Human Rights)', 'Killed: 4']],
        ['Actors', 2, ['Syrian Observatory for Human Rights', 'Hassan Barakeh']],
        ['Places', 2, ['Maarat', 'MAARAT AL-NUMAN', 'Syria', 'Idlib province', 'Idlib', 'Khan Sheikhoun']],
      ],
    );
    const firstClaim = symbols[0].children![0];
    assert.deepStrictEqual(firstClaim, {
      name: 'Killed: at least 12 (activists)',
      detail: 'people',
      kind: 24, // Event
      range: rangeOf(MARKET_SHELLING, 'killing at least 12 people'),
      selectionRange: rangeOf(MARKET_SHELLING, 'at least 12'),
    });
    const person = symbols[1].children![1];
    assert.deepStrictEqual([person.kind, person.detail, person.range], [13 /* Variable */, 'Colonel; head of the civil defence in Idlib · 2 mentions', rangeOf(MARKET_SHELLING, 'Hassan Barakeh')]);
  });

  it('finds actors across every indexed article, open or not', async () => {
    const symbols = await client.workspaceSymbols('observatory');
    assert.deepStrictEqual(symbols, [
      {
        name: 'Syrian Observatory for Human Rights',
        kind: 5, // Class
        containerName: 'alpha.news',
        location: { uri: client.uri('alpha.news'), range: rangeOf(MARKET_SHELLING, 'Syrian Observatory for Human Rights') },
      },
      {
        name: 'Syrian Observatory for Human Rights',
        kind: 5,
        containerName: 'beta.txt',
        location: { uri: client.uri('beta.txt'), range: rangeOf(STATE_TV_ROCKET, 'Syrian Observatory for Human Rights') },
      },
    ] satisfies SymbolInformation[]);
    const united = await client.workspaceSymbols('united nations');
    assert.deepStrictEqual(united.map((s) => [s.name, s.containerName]), [['United Nations', 'gamma.md']]);
  });

  it('finds all references of an actor across the workspace', async () => {
    const at = rangeOf(MARKET_SHELLING, 'Syrian Observatory').start;
    const locations = await client.references('alpha.news', { line: at.line, character: at.character + 3 });
    assert.deepStrictEqual(locations, [
      { uri: client.uri('alpha.news'), range: rangeOf(MARKET_SHELLING, 'Syrian Observatory for Human Rights') },
      { uri: client.uri('beta.txt'), range: rangeOf(STATE_TV_ROCKET, 'Syrian Observatory for Human Rights') },
    ]);
    const place = rangeOf(MARKET_SHELLING, 'Maarat al-Numan').start;
    const maarat = await client.references('alpha.news', place);
    assert.deepStrictEqual(
      maarat.map((l) => [l.uri, l.range]),
      [
        [client.uri('alpha.news'), rangeOf(MARKET_SHELLING, 'MAARAT AL-NUMAN')],
        [client.uri('alpha.news'), rangeOf(MARKET_SHELLING, 'Maarat al-Numan')],
        [client.uri('beta.txt'), rangeOf(STATE_TV_ROCKET, 'Maarat al-Numan')],
        [client.uri('beta.txt'), rangeOf(STATE_TV_ROCKET, 'MAARAT AL-NUMAN')],
        [client.uri('beta.txt'), rangeOf(STATE_TV_ROCKET, 'Maarat al-Numan', 1)],
      ],
    );
  });

  it('has no references on a word that is not an entity', async () => {
    assert.deepStrictEqual(await client.references('alpha.news', rangeOf(MARKET_SHELLING, 'crowded').start), []);
  });
});

describe('protocol: quick fixes that tag a source', () => {
  let client: LspTestClient;
  let unattributed: Diagnostic;
  beforeEach(async () => {
    client = await LspTestClient.start({ files: WORKSPACE, settings: { analysis: { debounceMs: 10 } } });
    await client.ready();
    await client.open('alpha.news');
    const diagnostics = await client.diagnostics('alpha.news');
    unattributed = diagnostics.find((d) => d.code === 'unattributed-claim')!;
  });
  afterEach(() => client.stop());

  async function fixes(): Promise<CodeAction[]> {
    return (await client.codeActions('alpha.news', unattributed.range, [unattributed])) as CodeAction[];
  }

  it('offers "Tag source: <candidate>" for every source of the article, then "Tag source..."', async () => {
    const actions = await fixes();
    assert.deepStrictEqual(
      actions.map((a) => a.title),
      [
        'Tag source: activists',
        'Tag source: Syrian Observatory for Human Rights',
        'Tag source: Hassan Barakeh',
        'Tag source...',
      ],
    );
    const sentenceEnd = positionAt(MARKET_SHELLING, MARKET_SHELLING.indexOf('Khan Sheikhoun.') + 'Khan Sheikhoun.'.length);
    assert.deepStrictEqual(actions[0], {
      title: 'Tag source: activists',
      kind: 'quickfix',
      diagnostics: [unattributed],
      edit: {
        documentChanges: [
          {
            textDocument: { uri: client.uri('alpha.news'), version: 1 },
            edits: [{ range: { start: sentenceEnd, end: sentenceEnd }, newText: ' {>>source: activists<<}' }],
          },
        ],
      },
    });
    assert.deepStrictEqual(actions[3], {
      title: 'Tag source...',
      kind: 'quickfix',
      diagnostics: [unattributed],
      command: {
        title: 'Tag source...',
        command: 'newslens.tagSourcePrompt',
        arguments: [{ uri: client.uri('alpha.news'), version: 1, claimId: 'c3', claimText: 'Four soldiers were killed' }],
      },
    });
  });

  it('offers nothing where no claim is unattributed, nor when only other kinds are asked for', async () => {
    assert.deepStrictEqual(await client.codeActions('alpha.news', rangeOf(MARKET_SHELLING, 'killing at least 12 people')), []);
    assert.deepStrictEqual(await client.codeActions('alpha.news', unattributed.range, [unattributed], ['refactor']), []);
  });

  it('applies a tag: the claim becomes attributed and its lens says "(tagged)"', async () => {
    const since = client.mark();
    await client.applyCodeAction((await fixes())[0]);
    const tagged = MARKET_SHELLING.replace('near Khan Sheikhoun.', 'near Khan Sheikhoun. {>>source: activists<<}');
    assert.strictEqual(client.text('alpha.news'), tagged);
    const diagnostics = await client.diagnostics('alpha.news', () => true, since);
    assert.deepStrictEqual(
      diagnostics.map((d) => d.code),
      ['casualty-conflict'],
    );
    const lenses = await client.codeLenses('alpha.news');
    assert.deepStrictEqual(
      lenses.map((l) => l.command?.title),
      ['3 claims - 3 sourced - 1 conflict', 'Source: activists (according to)', 'Source: The Syrian Observatory for Human Rights (said)', 'Source: activists (tagged)'],
    );
    // The tagged lens reveals the name inside the tag.
    assert.deepStrictEqual(lenses[3].command?.arguments, [client.uri('alpha.news'), rangeOf(tagged, 'activists', 2)]);
    // Hover on the figure names the tagged source too.
    assert.strictEqual(markdown(await client.hoverOn('alpha.news', 'Four')).split('  \n')[3], 'Source: activists (tagged)');
  });

  it('"Tag source..." ends in newslens.insertSourceTag, which asks the client to apply the edit', async () => {
    const prompt = (await fixes()).at(-1)!;
    const ref = prompt.command!.arguments![0] as Record<string, unknown>;
    const since = client.mark();
    // What the VS Code client does after the input box: run the server command with the typed name.
    const applied = await client.executeCommand('newslens.insertSourceTag', [{ ...ref, source: '  army\nmedics {>>' }]);
    assert.strictEqual(applied, true);
    const request = await client.waitFor<{ label: string }>('workspace/applyEdit', () => true, since);
    assert.strictEqual(request.label, 'Tag source: army medics');
    assert.strictEqual(
      client.text('alpha.news'),
      MARKET_SHELLING.replace('near Khan Sheikhoun.', 'near Khan Sheikhoun. {>>source: army medics<<}'),
    );
    const diagnostics = await client.diagnostics('alpha.news', () => true, since);
    assert.ok(!diagnostics.some((d) => d.code === 'unattributed-claim'));
    const lenses = await client.codeLenses('alpha.news');
    assert.strictEqual(lenses.at(-1)?.command?.title, 'Source: army medics (tagged)');
  });

  it('refuses to tag a claim that is gone, or with an empty name', async () => {
    const prompt = (await fixes()).at(-1)!;
    const ref = prompt.command!.arguments![0] as Record<string, unknown>;
    assert.strictEqual(await client.executeCommand('newslens.insertSourceTag', [{ ...ref, source: '   ' }]), false);
    await client.replace('alpha.news', MARKET_SHELLING.replace('Four soldiers were killed', 'Soldiers were hurt'));
    const since = client.mark();
    assert.strictEqual(await client.executeCommand('newslens.insertSourceTag', [{ ...ref, source: 'medics' }]), false);
    const warning = await client.waitFor<{ message: string }>('window/showMessage', () => true, since);
    assert.strictEqual(warning.message, 'NewsLens: the claim changed since the quick fix was offered; run it again.');
    assert.strictEqual(await client.executeCommand('newslens.insertSourceTag', [{ nonsense: true }]), false);
  });
});
