// What the e2e test opens, hovers, fixes and edits, pinned to the example articles and to the readings
// in test/fixtures/examples-expected.md. Every quote must occur in its article; run.mjs checks that first and fails
// with "scenario out of date" otherwise, so a change to the examples shows up as one clear message.

/** Files copied from examples/ into the test workspace (EXPECTED.md is a reference, not an article). */
export const ARTICLE_PATTERN = /\.(news|txt|md)$/;
export const NOT_ARTICLES = new Set(['EXPECTED.md', 'README.md']);

export const scenario = {
  // Steps 2-3: an article with same-day conflicts (B1 "18 people were killed" against A1, C1; D1 dated apart).
  conflictArticle: {
    file: 'salamiyah-car-bomb-state-tv.news',
    // its casualty-conflict entries must name at least one of these other articles
    conflictsWith: ['salamiyah-car-bomb-sohr.news', 'salamiyah-car-bomb-activists.md', 'salamiyah-death-toll-rises.news'],
  },
  // Steps 4-7: the article with the only unattributed claim of the examples (F7).
  article: {
    file: 'rastan-airstrikes-civil-defence.news',
    unattributedQuote: 'Three people were killed in shelling on Talbiseh',
    // hovered for the entity card; the card must name it
    actor: { quote: 'Syria Civil Defence', name: 'Syria Civil Defence' },
  },
  // Step 8: edit a figure in one article and watch a new conflict appear in another article's entries.
  // A1 "at least 26" (SOHR) agrees with C1 "More than 30" (activists); an exact 12 does not.
  crossFile: {
    watched: 'salamiyah-car-bomb-activists.md',
    edited: 'salamiyah-car-bomb-sohr.news',
    from: 'at least 26',
    to: '12',
    newFigure: '12',
  },
};
