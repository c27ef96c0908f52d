// Driving the VS Code workbench (code-server 4.100.x, Monaco) the way a person does: keyboard shortcuts,
// the mouse, and reading what is on screen. Every wait polls a real UI condition, bounded by a timeout.

/** Polls fn() until it returns a truthy value; throws "timed out after Ns waiting for WHAT" otherwise. */
export async function waitFor(what, fn, { timeoutMs = 30_000, intervalMs = 200, last } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastValue;
  let lastError;
  for (;;) {
    try {
      lastValue = await fn();
      if (lastValue) return lastValue;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const extra = last ? `; last seen: ${clip(await safe(last))}` : lastError ? `; last error: ${clip(lastError.message)}` : '';
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}${extra}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

async function safe(fn) {
  try { return await fn(); } catch (e) { return `(${e.message})`; }
}

export function clip(v, n = 400) {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

const norm = (s) => (s || '').replace(/\u00a0/g, ' ');

/** 1-based line and column (UTF-16 units, as the editor counts them) of the first occurrence of quote. */
export function positionOf(text, quote, from = 0) {
  const idx = text.indexOf(quote, from);
  if (idx < 0) return null;
  const lines = text.slice(0, idx).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1, offset: idx };
}

export class Workbench {
  constructor(page) {
    this.page = page;
  }

  async waitReady(folderName, timeoutMs = 90_000) {
    const { page } = this;
    await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
    await waitFor(`the explorer to show the workspace folder "${folderName}"`, async () =>
      (await page.locator('.explorer-folders-view .monaco-list-row').count()) > 0, { timeoutMs });
  }

  /** Closes any open quick input, hover or widget. */
  async escape() {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
  }

  /** Ctrl+P, type the file name, Enter (Ctrl+Enter: to the side); waits for its tab to be the active one. */
  async quickOpen(file, { toSide = false, firstLine } = {}) {
    const { page } = this;
    if (!toSide && (await this.activeTab()) === file) return; // already the active editor: nothing to open
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(file);
    await waitFor(`Quick Open to offer ${file}`, async () => {
      const label = await page.locator('.quick-input-list .monaco-list-row.focused').first().getAttribute('aria-label', { timeout: 1000 });
      return label && label.includes(file);
    }, { timeoutMs: 20_000, last: () => page.locator('.quick-input-list').first().innerText({ timeout: 1000 }) });
    await page.keyboard.press(toSide ? 'Control+Enter' : 'Enter');
    await waitFor(`the editor tab of ${file} to be active`, async () => (await this.activeTab()) === file, { timeoutMs: 20_000 });
    if (firstLine) {
      await waitFor(`the editor to show "${firstLine}"`, async () => (await this.visibleText()).includes(firstLine), { timeoutMs: 20_000 });
    }
  }

  /** File name on the active tab of the active editor group. */
  async activeTab() {
    const tab = this.page.locator('.editor-group-container.active .tab.active .label-name').first();
    return norm(await tab.innerText({ timeout: 1000 }).catch(() => '')).trim();
  }

  /** Texts of the notification toasts on screen, e.g. ["Error: Actual command not found, ..."]. */
  async notifications() {
    return this.page.locator('.notifications-toasts .notification-toast').evaluateAll((els) => els
      .filter((e) => e.offsetParent !== null)
      .map((e) => {
        const sev = e.querySelector('.notification-list-item-icon')?.className.match(/codicon-notifications-(error|warning|info)/)?.[1] ?? '';
        const msg = e.querySelector('.notification-list-item-message')?.textContent ?? e.textContent;
        return `${sev ? `${sev}: ` : ''}${msg}`.replace(/\u00a0/g, ' ').trim();
      }));
  }

  /** Closes every notification toast on screen. */
  async clearNotifications() {
    const close = this.page.locator('.notifications-toasts .notification-toast .codicon-notifications-clear');
    for (let i = 0; i < 20 && (await close.count()) > 0; i++) await close.first().click({ timeout: 2000 }).catch(() => {});
  }

  editor() {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** Text of the lines the active editor renders (only the visible ones: Monaco virtualises). */
  async visibleText() {
    return norm(await this.editor().locator('.view-lines').first().innerText({ timeout: 2000 }));
  }

  /** The "Ln X, Col Y" of the status bar. */
  async cursorStatus() {
    const t = await this.page.locator('#status\\.editor\\.selection').first().innerText({ timeout: 1000 }).catch(() => '');
    const m = /Ln (\d+), Col (\d+)/.exec(t);
    return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
  }

  async languageStatus() {
    return norm(await this.page.locator('#status\\.editor\\.mode').first().innerText({ timeout: 1000 }).catch(() => '')).trim();
  }

  /** Ctrl+G "line:column" Enter; waits for the status bar to show the cursor there (tries up to 3 times:
   *  right after a file opens the editor may not take the input yet). */
  async goTo(line, column) {
    const { page } = this;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const at = async () => {
      const s = await this.cursorStatus();
      return s && s.line === line && s.column === column;
    };
    let lastError;
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await page.keyboard.press('Control+G');
        await waitFor('the Go to Line input', async () => (await input.inputValue({ timeout: 1000 })).startsWith(':'), { timeoutMs: 10_000 });
        await input.fill(`:${line}:${column}`);
        await page.keyboard.press('Enter');
        await waitFor(`the cursor to be at Ln ${line}, Col ${column}`, at, { timeoutMs: 5_000, last: () => this.cursorStatus() });
        return;
      } catch (e) {
        lastError = e;
        await page.keyboard.press('Escape');
      }
    }
    throw lastError;
  }

  /** Screen box of the primary cursor of the active editor. */
  async cursorBox() {
    return this.editor().locator('.cursors-layer .cursor').first().boundingBox();
  }

  /**
   * Moves the mouse onto the text at line:column (+ a few characters) and returns the hover text. The
   * cursor's screen box is read until it stands still (code lenses arriving push lines down), and the
   * mouse gesture is repeated up to 3 times, as a person moves the mouse again when no hover shows.
   */
  async hoverAt(line, column, { charsIn = 3, timeoutMs = 15_000 } = {}) {
    const { page } = this;
    await this.goTo(line, column + charsIn);
    const readHover = async () => {
      const texts = await page.locator('.monaco-hover:not(.hidden)').evaluateAll((els) =>
        els.filter((e) => e.offsetParent !== null).map((e) => e.innerText.trim()).filter(Boolean));
      return texts.length ? norm(texts.join('\n---\n')) : null;
    };
    let lastError;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const box = await this.stableCursorBox();
      await page.mouse.move(box.x + 200, box.y - 60);
      await page.mouse.move(box.x + 1, box.y + box.height / 2, { steps: 4 });
      try {
        return await waitFor('a hover (.monaco-hover) with text', readHover, { timeoutMs: timeoutMs / 3 });
      } catch (e) {
        lastError = e;
      }
    }
    throw new Error(`${lastError.message.replace(/after \d+s/, `after 3 tries of ${Math.round(timeoutMs / 3000)}s`)}`);
  }

  /** The cursor's box once two reads a frame apart agree. */
  async stableCursorBox() {
    let prev = null;
    return waitFor('the cursor to stand still on screen', async () => {
      await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const box = await this.cursorBox();
      const same = box && prev && Math.abs(box.x - prev.x) < 1 && Math.abs(box.y - prev.y) < 1;
      prev = box;
      return same ? box : null;
    }, { timeoutMs: 10_000, intervalMs: 100 });
  }

  /**
   * A screenshot of the union of what `selectors` cover (each: a CSS selector, its first visible match)
   * plus `pad` pixels, clipped to the window: small pictures for the README.
   */
  async clipShot(file, selectors, { pad = 16, span } = {}) {
    const { page } = this;
    const boxes = [];
    for (const sel of selectors) {
      const box = sel === 'cursor' ? await this.cursorBox().catch(() => null)
        : await page.locator(sel).filter({ visible: true }).first().boundingBox({ timeout: 2000 }).catch(() => null);
      if (box) boxes.push(box);
    }
    if (!boxes.length) throw new Error(`nothing to screenshot for ${selectors.join(', ')}`);
    if (span) {
      // widen to the full width of `span` (e.g. the editor part), keeping the height of the union
      const b = await page.locator(span).filter({ visible: true }).first().boundingBox({ timeout: 2000 }).catch(() => null);
      if (b) boxes.push({ x: b.x + pad, y: boxes[0].y, width: b.width - 2 * pad, height: 1 });
    }
    const vp = page.viewportSize();
    const x0 = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
    const y0 = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
    const x1 = Math.min(vp.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
    const y1 = Math.min(vp.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
    await page.screenshot({ path: file, clip: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
  }

  async mouseAway() {
    await this.page.mouse.move(2, 2);
  }

  /** Texts of the code lenses the active editor shows on screen (one string per lens line, parts joined
   *  by " | "); lenses scrolled out of view are hidden by Monaco and left out. */
  async codeLenses() {
    return this.editor().locator('.codelens-decoration').evaluateAll((els) =>
      els.filter((e) => getComputedStyle(e).visibility !== 'hidden').map((e) => [...e.querySelectorAll(':scope > a, :scope > span')].map((x) => x.textContent.replace(/\u00a0/g, ' ').trim())
        .filter((t) => t && t !== '|').join(' | ')));
  }

  /** Clicks the first code lens part whose text matches re. */
  async clickCodeLens(re) {
    const parts = this.editor().locator('.codelens-decoration a');
    const n = await parts.count();
    for (let i = 0; i < n; i++) {
      const t = norm(await parts.nth(i).innerText());
      if (re.test(t)) {
        await parts.nth(i).click();
        return t;
      }
    }
    throw new Error(`no clickable code lens matching ${re}`);
  }

  // ---- Problems panel -------------------------------------------------------------------------------

  async openProblems() {
    const { page } = this;
    const panel = page.locator('.markers-panel');
    if (!(await panel.first().isVisible().catch(() => false))) {
      await page.keyboard.press('Control+Shift+M');
    }
    await panel.first().waitFor({ state: 'visible', timeout: 15_000 });
  }

  /** Shows only the Problems of one file: types the glob into the panel's filter box (plain text would
   *  match messages, not files). */
  async showProblemsOf(file) {
    await this.filterProblems(`**/${file}`);
  }

  /** Types into the Problems filter box, replacing what was there. */
  async filterProblems(text) {
    const box = this.page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
    await box.waitFor({ state: 'visible', timeout: 10_000 });
    await box.fill(text);
  }

  /**
   * Every row of the Problems tree (it is virtualised: scrolls through it with the mouse wheel), as
   * { file, severity, message, source, code, line, column, related: [text] } per marker.
   */
  async problems() {
    const { page } = this;
    const list = page.locator('.markers-panel .monaco-list').first();
    if (!(await list.isVisible().catch(() => false))) return [];
    const rows = new Map();
    const read = () => page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((e) => {
      const q = (sel) => e.querySelector(sel)?.textContent?.replace(/\u00a0/g, ' ') ?? null;
      return {
        index: Number(e.getAttribute('data-index')),
        level: Number(e.getAttribute('aria-level')),
        label: e.getAttribute('aria-label') || '',
        file: q('.label-name'),
        message: q('.marker-message'),
        source: q('.marker-source'),
        code: q('.marker-code'),
        where: q('.marker-line'),
        text: (e.textContent || '').replace(/\u00a0/g, ' '),
      };
    }));
    const box = await list.boundingBox();
    // the wheel goes to the list's middle (not onto a sticky group header, which swallows it)
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const toTop = async () => {
      for (let i = 0; i < 100; i++) {
        const first = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
          Math.min(...els.map((e) => Number(e.getAttribute('data-index')))));
        if (!(first > 0)) return;
        await page.mouse.wheel(0, -2000);
        await frame();
      }
    };
    await toTop();
    for (let i = 0; i < 200; i++) {
      await frame();
      const before = rows.size;
      for (const r of await read()) rows.set(r.index, r);
      if (i > 0 && rows.size === before) break;
      await page.mouse.wheel(0, 150);
    }
    await toTop();
    const out = [];
    let file = null;
    for (const r of [...rows.values()].sort((a, b) => a.index - b.index)) {
      if (r.message === null && r.file) {
        file = r.file; // a file group row (its aria-level is not always set)
      } else if (r.message !== null) {
        const m = /Ln (\d+), Col (\d+)/.exec(r.where || '');
        const severity = /^(Error|Warning|Info)/.exec(r.label)?.[1] ?? '';
        out.push({
          file, severity, message: r.message.trim(), source: (r.source || '').trim(),
          code: (r.code || '').replace(/^\(|\)$/g, '').trim(),
          line: m ? Number(m[1]) : null, column: m ? Number(m[2]) : null, related: [],
        });
      } else if (out.length) {
        out[out.length - 1].related.push(r.text.trim());
      }
    }
    return out;
  }

  // ---- code actions ---------------------------------------------------------------------------------

  /** Ctrl+. at the cursor; returns the titles the Quick Fix menu lists. */
  async openQuickFixes() {
    const { page } = this;
    await page.keyboard.press('Control+.');
    return waitFor('the Quick Fix menu (.action-widget) to list actions', async () => {
      const titles = await page.locator('.action-widget .monaco-list-row.action').evaluateAll((els) =>
        els.map((e) => e.getAttribute('aria-label') || e.textContent));
      return titles.length ? titles : null;
    }, { timeoutMs: 15_000 });
  }

  /** Moves the Quick Fix menu's focus to the action titled `title` with the arrow keys, then Enter. */
  async pickQuickFix(title) {
    const { page } = this;
    const focused = () => page.locator('.action-widget .monaco-list-row.action.focused').first().getAttribute('aria-label', { timeout: 1000 });
    for (let i = 0; i < 50 && (await focused()) !== title; i++) await page.keyboard.press('ArrowDown');
    if ((await focused()) !== title) throw new Error(`could not focus "${title}" in the Quick Fix menu`);
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: 10_000 });
  }

  async isDirty() {
    return (await this.page.locator('.editor-group-container.active .tab.active.dirty').count()) > 0;
  }

  async save() {
    await this.page.keyboard.press('Control+S');
    await waitFor('the active tab to be saved (not dirty)', async () => !(await this.isDirty()), { timeoutMs: 15_000 });
  }
}
