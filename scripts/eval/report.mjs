// The results table: a markdown table padded to fixed widths, so the same text reads well in a
// terminal and pastes into README.md unchanged.

const pct = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : (100 * x).toFixed(1));

/**
 * parts: [{title, seconds, rows: [{measure, p?, r?, f1?, acc?, tp?, fp?, fn?, detail?}]}]
 * P/R/F1/Acc are fractions in the rows and percentages in the table.
 */
export function formatTable(parts) {
  const header = ['data set', 'measure', 'P %', 'R %', 'F1 %', 'Acc %', 'counts', 'time'];
  const body = [];
  for (const part of parts) {
    part.rows.forEach((row, i) => {
      const has = (k) => Object.prototype.hasOwnProperty.call(row, k);
      const countsText = row.detail ?? (has('tp') ? `tp ${row.tp} fp ${row.fp} fn ${row.fn}` : '');
      body.push([
        i === 0 ? part.title : '',
        row.measure,
        has('p') ? pct(row.p) : '',
        has('r') ? pct(row.r) : '',
        has('f1') ? pct(row.f1) : '',
        has('acc') ? pct(row.acc) : '',
        countsText,
        i === 0 && part.seconds !== undefined ? `${part.seconds.toFixed(1)} s` : '',
      ]);
    });
  }
  const numeric = new Set([2, 3, 4, 5, 7]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells) =>
    `| ${cells.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (numeric.has(c) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
