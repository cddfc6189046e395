// tests/e2e/browser.mjs - the page in headless Chromium, driven through the
// DevTools protocol: fill in the intake, submit, and check that the headline,
// the recovery warning, the chart and the month table appear; open an
// explanation; show the server's field errors next to the fields; the employer
// and municipality tabs; one A4 when printed. Screenshots and the PDF go to the
// artifacts directory. Prints "ok - ..." / "not ok - ..." lines.
//
//   node tests/e2e/browser.mjs BASE_URL ARTIFACT_DIR
//
// Needs only Node (18 or later) and Chromium: the WebSocket client for the
// DevTools protocol is written out in tests/e2e/cdp.mjs on node:net (loopback, no TLS).

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CDP, WebSocketClient, startChromium } from './cdp.mjs';

const [base, artifacts] = process.argv.slice(2);
if (!base || !artifacts) {
  console.error('usage: node browser.mjs BASE_URL ARTIFACT_DIR');
  process.exit(2);
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
let failures = 0;

function ok(name) {
  console.log('ok - ' + name);
}
function notOk(name, detail) {
  failures++;
  console.log('not ok - ' + name);
  if (detail !== undefined) console.log('    ' + String(detail).split('\n').join('\n    '));
}
function check(name, cond, detail) {
  if (cond) ok(name);
  else notOk(name, detail);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/* --- the test --- */

async function main() {
  mkdirSync(artifacts, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'switchsim-chromium-'));
  let browser = null;
  let ws = null;
  try {
    browser = await startChromium(chromium, profile);
    ok('chromium started headless');
    ws = new WebSocketClient(browser.url);
    await ws.open();
    const cdp = new CDP(ws);
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const s = (method, params) => cdp.send(method, params, sessionId);

    const problems = [];
    cdp.listeners.push((m) => {
      if (m.sessionId !== sessionId) return;
      if (m.method === 'Runtime.exceptionThrown') {
        problems.push('exception: ' + (m.params.exceptionDetails.exception?.description || m.params.exceptionDetails.text));
      } else if (m.method === 'Runtime.consoleAPICalled' && m.params.type === 'error') {
        problems.push('console.error: ' + m.params.args.map((a) => a.value ?? a.description).join(' '));
      } else if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error' && m.params.entry.source !== 'network') {
        problems.push('log: ' + m.params.entry.text);
      }
    });
    await s('Page.enable');
    await s('Runtime.enable');
    await s('Log.enable');
    await s('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });

    const evaluate = async (expr) => {
      const r = await s('Runtime.evaluate', { expression: expr, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description || r.exceptionDetails.text);
      return r.result.value;
    };
    const waitFor = async (expr, ms = 30000) => {
      const t0 = Date.now();
      while (Date.now() - t0 < ms) {
        try {
          if (await evaluate(expr)) return true;
        } catch (e) { /* not yet */ }
        await sleep(100);
      }
      return false;
    };
    const q = (sel) => 'document.querySelector(' + JSON.stringify(sel) + ')';
    const setValue = (id, value) => evaluate(`(() => { const e = document.getElementById(${JSON.stringify(id)});
      e.value = ${JSON.stringify(value)}; e.dispatchEvent(new Event('input', {bubbles: true}));
      e.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`);
    /* A real mouse click in the middle of the element. */
    const click = async (sel) => {
      /* The point must hit the element itself: a scroll still under way (focus
       * returning from a dialog) is waited out, within a bound. */
      let box = null;
      for (let i = 0; i < 50; i++) {
        box = await evaluate(`(() => { const e = ${q(sel)}; if (!e) return null; e.scrollIntoView({block: 'center'});
          const r = e.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2;
          const hit = document.elementFromPoint(x, y); return {x, y, on: !!hit && (hit === e || e.contains(hit))}; })()`);
        if (!box || box.on) break;
        await sleep(50);
      }
      if (!box) throw new Error('no element ' + sel);
      for (const type of ['mousePressed', 'mouseReleased']) {
        await s('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
      }
    };
    /* Typing: focus the field, select its text, insert the new text. */
    const type = async (id, text) => {
      await evaluate(`(() => { const e = document.getElementById(${JSON.stringify(id)}); e.focus(); e.select(); return true; })()`);
      await s('Input.insertText', { text });
    };
    const key = async (k, code, keyCode) => {
      /* Enter carries its text, as a real key press does (it activates a button). */
      await s('Input.dispatchKeyEvent', { type: 'keyDown', key: k, code, windowsVirtualKeyCode: keyCode, text: k === 'Enter' ? '\r' : undefined });
      await s('Input.dispatchKeyEvent', { type: 'keyUp', key: k, code, windowsVirtualKeyCode: keyCode });
    };
    const text = (sel) => evaluate(`(${q(sel)} || {}).textContent || ''`);
    /* Escape on the explanation, waited out to the end: the page gives the
     * focus back in its 'close' handler, a task queued after `open` turns
     * false (and after the browser's own focus restore). A listener added
     * now runs after the page's, so once it has run the focus is settled. */
    const escapeExplain = async () => {
      await evaluate(`(() => { window.__explainClosed = false;
        document.getElementById('explain').addEventListener('close', () => { window.__explainClosed = true; }, { once: true });
        return true; })()`);
      await key('Escape', 'Escape', 27);
      return waitFor(`window.__explainClosed === true && !document.getElementById('explain').open`);
    };
    /* axe-core (WCAG 2.1 A and AA rules): no serious or critical issue. */
    const axeSrc = readFileSync(process.env.AXE_JS || new URL('node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
    const axeCheck = async (where) => {
      await evaluate(axeSrc + ';true');
      const found = await evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`);
      check('axe-core: 0 serious issues (' + where + ')', found.length === 0, found.join('\n'));
    };
    const norm = (t) => t.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
    const screenshot = async (name, fullPage) => {
      if (fullPage) {
        const h = await evaluate('Math.ceil(document.documentElement.scrollHeight)');
        await s('Emulation.setDeviceMetricsOverride', { width: 1280, height: h, deviceScaleFactor: 1, mobile: false });
      }
      const { data } = await s('Page.captureScreenshot', { format: 'png' });
      writeFileSync(join(artifacts, name), Buffer.from(data, 'base64'));
      if (fullPage) await s('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });
    };

    /* The page loads, in Dutch, with the municipalities from GET /api/tables. */
    /* The page opens on a fixed day (?today=, the tests' clock): the defaults
     * come from that day, never from a year written in the page. */
    await s('Page.navigate', { url: base + '/?today=2026-12-05' });
    check('page loads and lists municipalities from /api/tables',
      await waitFor(`document.querySelectorAll('#municipality option').length > 1`));
    check('page is in Dutch (lang="nl")', (await evaluate('document.documentElement.lang')) === 'nl');
    const unlabeled = await evaluate(`Array.from(document.querySelectorAll('input, select, textarea'))
      .filter((e) => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
        && !e.getAttribute('aria-labelledby')).map((e) => e.id || e.name)`);
    check('every form field has a label', unlabeled.length === 0, unlabeled.join(', '));

    /* Contrast (WCAG 2.1 AA: 4.5:1 for text) of the main kinds of text. */
    const contrast = await evaluate(`(() => {
      const lum = (c) => { const v = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((x) => { x /= 255;
        return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
      const bg = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
        const m = c.match(/[\\d.]+/g); if (m && (m.length < 4 || Number(m[3]) > 0)) return c; } return 'rgb(255, 255, 255)'; };
      const out = [];
      for (const sel of ['body', 'h1', '.hint', 'label', 'button.primary', '[role=tab][aria-selected=true]',
                         '[role=tab][aria-selected=false]', 'details.more summary', 'footer.site p']) {
        const e = document.querySelector(sel); if (!e) continue;
        const a = lum(getComputedStyle(e).color), b = lum(bg(e));
        const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        out.push([sel, Math.round(r * 100) / 100]);
      }
      return out; })()`);
    const low = contrast.filter(([, r]) => r < 4.5);
    check('text contrast at least 4.5:1 (' + contrast.map(([sel, r]) => sel + ' ' + r).join(', ') + ')',
      low.length === 0, JSON.stringify(low));

    /* Checked in the browser: an empty birth date. */
    await click('#submit');
    check('browser validation: error summary shown', await waitFor(`!document.getElementById('error-summary').hidden`));
    check('browser validation: message next to the birth date',
      await waitFor(`document.getElementById('birth_date').getAttribute('aria-invalid') === 'true'
        && !!document.getElementById('birth_date-error')`));
    check('browser validation: nothing sent, no answer yet', await evaluate(`document.getElementById('answer-body').hidden`));

    /* Fill in the intake like a consultant would. */
    await setValue('birth_date', '1994-05-01');
    await type('rent', '650');
    await setValue('municipality', 'amersfoort');
    /* Amersfoort's table settles op de maand (no overpayment, so no bijstand recovery);
     * the consultant picks the voorschot method to show the recovery the checks below
     * look for (issue 17). */
    await setValue('settlement_method', 'voorschot');
    await type('hours', '36');
    await type('loonwaarde', '50');
    await type('dagdelen', '6');

    /* Checked by the server: an hourly wage below the minimum wage (the page does
     * not know the minimum wage; the tables do). */
    await click('input[name=wage_mode][value=own]');
    await type('hourly_wage', '5,00');
    await click('#submit');
    check('server validation: 422 shown next to the hourly wage',
      await waitFor(`!!document.getElementById('hourly_wage-error')`),
      await text('#error-summary'));
    check('server validation: in Dutch', norm(await text('#hourly_wage-error')).includes('minimumloon'),
      await text('#hourly_wage-error'));
    await click('input[name=wage_mode][value=wml]');

    /* Today and next year (issue 15): opened on 5 December 2026 the defaults are
     * the first working day of January 2027 (the 1st is Nieuwjaarsdag, the 2nd
     * and 3rd a weekend) and an overview of 12 months from December 2026; the
     * answer comes without any flag, and the amounts not published yet are named
     * in a banner and marked in the month table. */
    await evaluate(`document.querySelector('details.more').open = true`);
    check('defaults from today: first working day 2027-01-04',
      (await evaluate(`document.getElementById('start').value`)) === '2027-01-04',
      await evaluate(`document.getElementById('start').value`));
    check('defaults from today: overview from 2026-12, 12 months',
      (await evaluate(`document.getElementById('start_month').value + '/' + document.getElementById('months').value`)) === '2026-12/12',
      await evaluate(`document.getElementById('start_month').value + '/' + document.getElementById('months').value`));
    await click('#submit');
    check('a scenario from this month for a year gets an answer',
      await waitFor(`!document.getElementById('answer-body').hidden`),
      await text('#error-summary') + ' ' + await text('#service-error'));
    check('banner: the amounts not published yet are named (voorlopig)',
      await waitFor(`!document.getElementById('projected-box').hidden`) &&
      /Voorlopig vanaf januari 2027: de nieuwe bedragen voor .*de bijstandsnorm/.test(norm(await text('#projected-text'))),
      await text('#projected-text'));
    check('banner: the values that stand in are listed',
      (await evaluate(`document.querySelectorAll('#projected-list li').length`)) > 0);
    check('banner: printed too (not hidden in print)',
      !(await evaluate(`document.getElementById('projected-box').closest('.no-print') !== null`)));
    check('month table: 2027 months marked voorlopig, December 2026 not',
      (await evaluate(`Array.from(document.querySelectorAll('#months-table tbody th')).map((t) => /voorlopig/.test(t.textContent) ? 1 : 0).join('')`)) === '011111111111',
      await evaluate(`Array.from(document.querySelectorAll('#months-table tbody th')).map((t) => t.textContent).join(' | ')`));
    await screenshot('web-voorlopig.png', true);
    await setValue('start_month', '2026-01');
    await setValue('start', '2026-03-01');
    await setValue('months', '6');

    /* The answer (the one above goes first, so that the new one is waited for). */
    await evaluate(`document.getElementById('answer-body').hidden = true`);
    await click('#submit');
    const answered = await waitFor(`!document.getElementById('answer-body').hidden`);
    check('submit shows the answer', answered, await text('#error-summary') + ' ' + await text('#service-error'));
    const headline = norm(await text('#headline'));
    check('headline sentence: "' + headline + '"',
      /^In een gewone maand na de overstap houdt u € \d{1,3}(\.\d{3})*,\d\d (meer|minder) over dan zonder deze baan( \(voorlopig\))?\.$/.test(headline));
    check('under the headline: the first months and the total over the overview',
      /De eerste \d+ maanden .* per maand over/.test(norm(await text('#subline'))) &&
      /Over de 6 maanden van dit overzicht/.test(norm(await text('#subline'))), await text('#subline'));
    const recoveries = norm(await text('#recoveries'));
    check('recovery warning: bijstand over maart 2026', recoveries.includes('Bijstand over maart 2026: € '), recoveries);
    check('recovery warning says how to avoid it', recoveries.includes('Zo voorkomt u het'), recoveries);
    check('actions with dates', /Vóór \d+ \w+ 2026/.test(norm(await text('#actions'))), await text('#actions'));
    const segs = await evaluate(`document.querySelectorAll('#wallet-chart rect.seg').length`);
    check('chart: stacked bars drawn (' + segs + ' segments)', segs >= 12);
    const series = await evaluate(`Array.from(new Set(Array.from(document.querySelectorAll('#wallet-chart rect.seg')).map((r) => r.dataset.series))).sort().join(',')`);
    check('chart: salary, bijstand, toeslagen and the claim paid back', series === 'bijstand,claim,salary,toeslagen', series);
    check('chart: a safe-to-spend mark per bar (stay and switch)',
      (await evaluate(`document.querySelectorAll('#wallet-chart line.safe').length`)) === 12);
    check('chart: accessible name and description', (await evaluate(`${q('#wallet-chart')}.getAttribute('aria-labelledby')`)) === 'svg-title' &&
      /gewone maand/i.test(norm(await text('#svg-desc'))));
    check('month table: 6 rows', (await evaluate(`document.querySelectorAll('#months-table tbody tr').length`)) === 6);
    const money = await evaluate(`Array.from(document.querySelectorAll('#months-table button.amount')).map((b) => b.textContent)`);
    check('amounts formatted like "1.234,56" (the table says: in euro)', money.length > 0 && money.every((m) => /^-?\d{1,3}(\.\d{3})*,\d\d$/.test(m)),
      money.slice(0, 5).join(' | '));
    check('focus moves to the answer', (await evaluate('document.activeElement.id')) === 'answer-title');
    /* The hours sweep under the answer (issue 10): nine runs, 8 to 40 hours. */
    check('sweep: a small chart of the gain per hours appears',
      await waitFor(`!document.getElementById('sweep-box').hidden`, 60000) &&
      (await evaluate(`document.querySelectorAll('#sweep-chart circle').length`)) === 9);
    check('sweep: the chosen hours are marked in the table',
      /uw baan/.test(norm(await text('#sweep-table'))));
    await axeCheck('the answer, desktop');
    await screenshot('web-answer.png', true);

    /* An explanation: bijstand in March, from the trace. */
    await click('#months-table button[data-run=scenario][data-col=bijstand][data-month="2026-03"]');
    check('explanation dialog opens', await waitFor(`document.getElementById('explain').open`));
    check('explanation shows the rule and the sources',
      await waitFor(`document.querySelectorAll('#explain-body .trace').length > 0
        && document.getElementById('explain-body').textContent.includes('Regel:')
        && document.querySelectorAll('#explain-body td.source').length > 0`));
    check('explanation cites the Participatiewet', norm(await text('#explain-body')).includes('Participatiewet'));
    await axeCheck('the explanation open');
    await screenshot('web-explain.png', false);
    check('Escape closes the explanation', await escapeExplain());
    check('focus returns to the amount', await waitFor(`document.activeElement.classList.contains('amount')`));

    /* Issue 20, as a person at the kitchen table would try it. */
    const submitAndWait = async () => {
      await evaluate(`document.getElementById('answer-body').hidden = true`);
      await click('#submit');
      return waitFor(`!document.getElementById('answer-body').hidden || !document.getElementById('error-summary').hidden`);
    };
    /* 1. The headline does not move with the window. */
    const headlines = {};
    for (const n of ['4', '12', '18', '6']) {
      await setValue('months', n);
      await submitAndWait();
      headlines[n] = norm(await text('#headline'));
    }
    check('headline the same for 4, 6, 12 and 18 months (' + headlines['6'] + ')',
      new Set(Object.values(headlines)).size === 1, JSON.stringify(headlines));
    /* 5. The columns that matter are visible at 1280 px. */
    check('month table: every column visible at 1280 px (no sideways scrolling)',
      await evaluate(`(() => { const b = document.querySelector('#months-table').parentElement; return b.scrollWidth <= b.clientWidth; })()`),
      await evaluate(`(() => { const b = document.querySelector('#months-table').parentElement; return b.scrollWidth + ' > ' + b.clientWidth; })()`));
    check('month table: Eraf, Ontvangen and Apart zetten are columns',
      /Eraf.*Ontvangen.*Apart zetten/.test(norm(await text('#months-table thead'))), await text('#months-table thead'));
    /* 8. Few tab stops from the answer to Afdrukken. */
    const stops = await evaluate(`(() => { const all = Array.from(document.querySelectorAll('#answer-body a[href], #answer-body button, #answer-body input, #answer-body select, #answer-body summary, #answer-body [tabindex]'))
      .filter((e) => e.tabIndex >= 0 && e.getClientRects().length > 0); return all.indexOf(document.getElementById('print')); })()`);
    check('keyboard: ' + stops + ' tab stops in the answer before Afdrukken (at most 10)', stops >= 0 && stops <= 10, stops);
    await evaluate(`document.querySelector('#months-table button.amount[tabindex="0"]').focus()`);
    await key('ArrowRight', 'ArrowRight', 39);
    await key('ArrowDown', 'ArrowDown', 40);
    check('keyboard: arrow keys move through the month table',
      await evaluate(`document.activeElement.dataset.col === 'bijstand' && document.activeElement.dataset.month === document.querySelectorAll('#months-table tbody tr')[1].querySelector('button').dataset.month`),
      await evaluate(`document.activeElement.outerHTML.slice(0, 200)`));
    await key('Enter', 'Enter', 13);
    check('keyboard: Enter opens the explanation of that amount', await waitFor(`document.getElementById('explain').open`));
    check('keyboard: closing the explanation gives the focus back to the amount',
      await escapeExplain() && await evaluate(`!!document.activeElement.closest('#months-table')`),
      await evaluate(`document.activeElement.outerHTML.slice(0, 200)`));
    await evaluate(`document.querySelector('#wallet-chart [role=button][tabindex="0"]').focus()`);
    check('keyboard: a chart part takes the focus', await evaluate(`document.activeElement.getAttribute('role') === 'button' && !!document.activeElement.closest('#wallet-chart')`));
    await key('ArrowRight', 'ArrowRight', 39);
    await key('Enter', 'Enter', 13);
    check('keyboard: Enter on a chart part opens its explanation', await waitFor(`document.getElementById('explain').open
      && document.querySelectorAll('#explain-body .trace').length > 0`));
    await escapeExplain();
    /* 6. The explanation matches the cell clicked: B1 first, law and source below. */
    const cell = await evaluate(`(() => { const bs = Array.from(document.querySelectorAll('#months-table button[data-run=scenario][data-col=bijstand]')).filter((b) => b.textContent !== '0,00');
      const b = bs[bs.length - 1]; return b ? b.dataset.month + '|' + b.textContent : null; })()`);
    if (cell) {
      const [cm, cv] = cell.split('|');
      await click('#months-table button[data-run=scenario][data-col=bijstand][data-month="' + cm + '"]');
      await waitFor(`document.querySelectorAll('#explain-body .trace').length > 0`);
      const firstHead = norm(await text('#explain-body .trace h3'));
      check('explanation of bijstand ' + cm + ' (' + cv + ') opens with that amount: "' + firstHead + '"',
        norm(await text('#explain-body')).includes('Dit bedrag is € ' + cv) && !/: € 0,00$/.test(firstHead),
        norm(await text('#explain-title')) + ' | ' + norm(await text('#explain-body')).slice(0, 300));
      check('explanation: plain words first, the law and the source folded below',
        await evaluate(`(() => { const t = document.querySelector('#explain-body .trace'); const b = t.querySelector('.b1'), l = t.querySelector('details.law');
          return !!b && !!l && (b.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !l.open; })()`));
      await escapeExplain();
    } else {
      notOk('a bijstand amount to explain');
    }
    /* 7. Each warning once. */
    const notes = await evaluate(`Array.from(document.querySelectorAll('#notes li')).map((l) => l.textContent)`);
    check('each warning is shown once', new Set(notes).size === notes.length, notes.join(' | '));
    /* 3 and 9. The intake asks who applies the korting, and says who counts as another adult. */
    check('intake: the loonheffingskorting by one payer (the employer) by default',
      await evaluate(`document.querySelector('input[name=korting]:checked').value === 'employer'`));
    check('intake: other adults count from ' + await text('#cs-age') + ' (from the tables), parents included',
      norm(await text('#cost_sharers-hint')).includes('27 jaar of ouder') && /vader of moeder/.test(await text('#cost_sharers-hint')));
    await setValue('composition', 'couple');
    check('intake: a couple is asked what the partner does',
      await evaluate(`!document.getElementById('partner-situation-field').hidden`));
    await setValue('partner_birth_date', '1992-01-01');
    await setValue('partner_situation', 'work');
    check('intake: a working partner is asked the gross income', await evaluate(`!document.getElementById('partner-gross-field').hidden`));
    await type('partner_gross', '1.500');
    check('a couple with a working partner gets an answer', await submitAndWait() &&
      !(await evaluate(`document.getElementById('answer-body').hidden`)), await text('#error-summary'));
    check('the partner\'s net income is a column of the month table', /Netto partner/.test(await text('#months-table thead')));
    /* The partner has a benefit: the net amount on the letter is asked as well, and
     * that net amount is the partner's income each month (engine_partner.c). */
    await setValue('partner_situation', 'benefit');
    check('intake: a partner with a benefit is asked the gross and the net amount',
      await evaluate(`!document.getElementById('partner-gross-field').hidden && !document.getElementById('partner-net-field').hidden`));
    await type('partner_gross', '1.000');
    await type('partner_net', '900');
    check('a couple with a partner on a benefit gets an answer', await submitAndWait() &&
      !(await evaluate(`document.getElementById('answer-body').hidden`)), await text('#error-summary'));
    const partnerCells = await evaluate(`Array.from(document.querySelectorAll('#months-table tbody button[data-run=scenario][data-col=partner]')).map((b) => b.textContent)`);
    check('the partner\'s benefit is in every month at its net amount (900,00)',
      partnerCells.length > 0 && partnerCells.every((t) => t === '900,00'), partnerCells.join(' '));
    check('the inputs on paper name the partner\'s benefit',
      /uitkering of pensioen, € 1\.000,00 bruto per maand/.test(norm(await text('#print-inputs'))), norm(await text('#print-inputs')));
    await setValue('partner_situation', 'none');
    await setValue('composition', 'single');
    /* The Wajong 2015 (duurzaam geen arbeidsvermogen) with the job: 0,75 x (grondslag -
     * loon), art. 1a:4 Wet Wajong (tests/cases/wajong_2015_work). */
    await setValue('benefit', 'wajong');
    check('intake: the Wajong asks which Wajong, the Wajong 2015 among them',
      await evaluate(`!document.getElementById('wajong-fields').hidden && !!document.querySelector('#wajong_regime option[value=wajong2015]')`));
    await setValue('wajong_regime', 'wajong2015');
    check('a Wajong 2015 with a job gets an answer', await submitAndWait() &&
      !(await evaluate(`document.getElementById('answer-body').hidden`)), await text('#error-summary'));
    check('the inputs on paper name the Wajong 2015',
      /Wajong 2015, duurzaam geen arbeidsvermogen/.test(norm(await text('#print-inputs'))), norm(await text('#print-inputs')));
    check('intake: the Wajong 2015 does not ask for arbeidsvermogen',
      await evaluate(`document.getElementById('wajong-dga-field').hidden`));
    /* The oude Wajong for someone with duurzaam geen arbeidsvermogen: 0,75 x (grondslag
     * - loon), art. 3:8a and 3:8b Wet Wajong (tests/cases/owajong_geen_arbeidsvermogen_work). */
    await setValue('wajong_regime', 'owajong');
    check('intake: the oude Wajong asks whether UWV found duurzaam geen arbeidsvermogen',
      !(await evaluate(`document.getElementById('wajong-dga-field').hidden`)));
    await click('#wajong_dga');
    check('an oude Wajong without arbeidsvermogen with a job gets an answer', await submitAndWait() &&
      !(await evaluate(`document.getElementById('answer-body').hidden`)), await text('#error-summary'));
    check('the inputs on paper name the oude Wajong without arbeidsvermogen',
      /oude Wajong, duurzaam geen arbeidsvermogen/.test(norm(await text('#print-inputs'))), norm(await text('#print-inputs')));
    await click('#wajong_dga');
    await setValue('wajong_regime', 'wajong2010');
    await setValue('benefit', 'participatiewet');
    /* A single parent with two children, one under 12, over October 2026: the
     * kinderbijslag of the third quarter is paid in October. On 1 July 2026 the
     * children are 6 and 12: 362,35 + 426,29 = 788,64 (AKW art. 12 lid 3, text per
     * 2026-07-01). */
    const keep = { start_month: await evaluate(`document.getElementById('start_month').value`),
      start: await evaluate(`document.getElementById('start').value`) };
    await setValue('composition', 'single_parent');
    check('intake: a single parent is asked the children\'s birth dates',
      await evaluate(`!document.getElementById('children-field').hidden && !!document.getElementById('child_0')`));
    await setValue('start_month', '2026-10');
    await setValue('start', '2026-11-01');
    await setValue('child_0', '2020-05-15');
    await click('#add-child');
    await setValue('child_1', '2014-02-10');
    check('a single parent with two children gets an answer', await submitAndWait() &&
      !(await evaluate(`document.getElementById('answer-body').hidden`)), await text('#error-summary'));
    check('the children\'s money is a column of the month table', /Kinderen/.test(await text('#months-table thead')));
    await click('#months-table button[data-run=scenario][data-col=kids][data-month="2026-10"]');
    await waitFor(`document.querySelectorAll('#explain-body .trace').length > 0`);
    const kidsExplained = norm(await text('#explain-body'));
    check('explanation of the children\'s money in October 2026: kinderbijslag 788,64',
      /kinderbijslag \(svb, per kwartaal\) € 788,64/.test(kidsExplained), kidsExplained.slice(0, 300));
    await escapeExplain();
    await setValue('composition', 'single');
    await setValue('start_month', keep.start_month);
    await setValue('start', keep.start);
    /* 7. Typing as people do: 24,5 hours and 700,- rent. */
    await type('hours', '24,5');
    await type('rent', '700,-');
    check('"24,5" hours and "700,-" rent are accepted', await submitAndWait() &&
      !(await evaluate(`document.getElementById('answer-body').hidden`)), await text('#error-summary'));
    /* Vermogen: optional; a wrong amount names the field in Dutch, a right one is
     * sent (5.000 is below every vermogensgrens: the figures stay) and printed. */
    await type('vermogen', 'veel');
    await submitAndWait();
    check('vermogen: a wrong amount gets a Dutch message', /laat het leeg/.test(norm(await text('#error-summary'))), await text('#error-summary'));
    await type('vermogen', '5.000');
    check('vermogen 5.000 is accepted', await submitAndWait() &&
      !(await evaluate(`document.getElementById('answer-body').hidden`)), await text('#error-summary'));
    /* 7. A year typo: a clear message, and the old answer goes away. */
    await setValue('birth_date', '0202-05-01');
    await submitAndWait();
    check('a year typo (0202) gets a clear message', /jaartal 0202 klopt niet/.test(norm(await text('#error-summary'))), await text('#error-summary'));
    check('the old answer is cleared when an error shows', await evaluate(`document.getElementById('answer-body').hidden`));
    await screenshot('web-error.png', false);
    /* 7. AOW age: an answer today; a past year the tables lack is said in Dutch. */
    await setValue('birth_date', '1950-03-01');
    await setValue('start_month', '2025-01');
    await setValue('start', '2025-03-03');
    await submitAndWait();
    const aow = norm(await text('#error-summary'));
    check('AOW age in 2025: a Dutch message that names the AOW age and a later start', /AOW-leeftijd/.test(aow) && /januari 2026/.test(aow), aow);
    check('error messages have no English', !/\b(the|must|missing|value for|out of range)\b/.test(aow), aow);
    await setValue('start_month', '2026-01');
    await setValue('start', '2026-03-01');
    check('AOW age in 2026: an answer', await submitAndWait() && !(await evaluate(`document.getElementById('answer-body').hidden`)), await text('#error-summary'));
    await setValue('birth_date', '1994-05-01');
    await type('hours', '36');
    await type('rent', '650');

    /* 4. One A4 for 12 months, with the inputs. */
    await setValue('months', '12');
    check('12 months: an answer to print', await submitAndWait() && !(await evaluate(`document.getElementById('answer-body').hidden`)));
    const pdf = await s('Page.printToPDF', { preferCSSPageSize: true, printBackground: true });
    const pdfBytes = Buffer.from(pdf.data, 'base64');
    writeFileSync(join(artifacts, 'web-print.pdf'), pdfBytes);
    const pdfText = pdfBytes.toString('latin1');
    const pages = (pdfText.match(/\/Type\s*\/Page[^s]/g) || []).length;
    check('print view of 12 months fits one A4 page (' + pages + ')', pages === 1);
    await s('Emulation.setEmulatedMedia', { media: 'print' });
    /* The printable area of A4 with the page's margins: 190 x 275 mm at 96 dpi. */
    await s('Emulation.setDeviceMetricsOverride', { width: 718, height: 1039, deviceScaleFactor: 1, mobile: false });
    check('print view hides the form and the chart',
      await evaluate(`document.getElementById('form').getClientRects().length === 0
        && document.getElementById('chart').getClientRects().length === 0`));
    const printed = norm(await evaluate(`document.body.innerText`));
    check('print view: the inputs (household, rent, wage, hours)', /Uw gegevens/.test(printed) && /Huur/.test(printed) &&
      /Loon/.test(printed) && /uur per week/.test(printed), printed.slice(0, 400));
    check('print view: the vermogen given', /kale huur\), vermogen\s*€\s*5\.000,00/.test(printed), printed.slice(0, 600));
    const jargon = printed.match(/sha256|\b[a-z]+\.[a-z_]+\.[a-z_.]+\b/g);
    check('print view: no parameter ids or sha256', !jargon, jargon && jargon.join(' '));
    check('print view: all 12 months in the table', (await evaluate(`document.querySelectorAll('#months-table tbody tr').length`)) === 12);
    check('print view: the month table fits the page width',
      await evaluate(`document.documentElement.scrollWidth <= document.documentElement.clientWidth`),
      await evaluate(`document.documentElement.scrollWidth + ' > ' + document.documentElement.clientWidth`));
    const { data: printPng } = await s('Page.captureScreenshot', { format: 'png' });
    writeFileSync(join(artifacts, 'web-print.png'), Buffer.from(printPng, 'base64'));
    await s('Emulation.setEmulatedMedia', { media: '' });
    await s('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });

    /* The municipality's schemes (issue 16): Arnhem has the IIT (100 % of the
     * norm, 260 a year), the kwijtschelding (100 %, the aanslag 273,72 or 364,92
     * a year), the GelrePas (130 %) and the gemeentepolis (120 %), the last two
     * without an amount (tables/gemeenten/arnhem.xml). 36 hours at the minimum
     * wage pass all four limits: each scheme is listed with its limit and
     * flagged, and the armoedeval is printed with the notes. */
    await setValue('municipality', 'arnhem');
    check('arnhem: an answer', await submitAndWait() && !(await evaluate(`document.getElementById('answer-body').hidden`)),
      await text('#error-summary'));
    const local = norm(await text('#local-list'));
    check('local schemes: the four schemes of Arnhem on the page',
      !(await evaluate(`document.getElementById('local-box').hidden`)) &&
      (await evaluate(`document.querySelectorAll('#local-list li').length`)) === 4 &&
      /Individuele inkomenstoeslag: € 260,00 per jaar, bij een inkomen tot 100% van de bijstandsnorm/.test(local) &&
      /Kwijtschelding gemeentelijke belastingen: € (273,72|364,92) per jaar, bij een inkomen tot 100% van de bijstandsnorm/.test(local) &&
      /Lokale pas of meedoenregeling: bedrag niet bekend, bij een inkomen tot 130%/.test(local) &&
      /gemeentepolis\): bedrag niet bekend, bij een inkomen tot 120%/.test(local), local);
    check('local schemes: each flagged with the month it is lost',
      (await evaluate(`document.querySelectorAll('#local-list li .flag').length`)) === 4, local);
    await s('Emulation.setEmulatedMedia', { media: 'print' });
    const printedLocal = norm(await evaluate(`document.body.innerText`));
    check('print view: the armoedeval with its limits', /Armoedeval vanaf maart 2026: met een inkomen boven € 1\.331,43 per maand vervalt de individuele inkomenstoeslag \(€ 260,00 per jaar\)/.test(printedLocal) &&
      /boven € 1\.597,72 per maand vervalt de collectieve zorgverzekering \(gemeentepolis\) \(waarde niet bekend\)/.test(printedLocal),
      printedLocal.slice(0, 1500));
    await s('Emulation.setEmulatedMedia', { media: '' });

    /* The amounts Arnhem does not publish, entered under Meer keuzes: they go to
     * the API as overrides (cents) and the page says they are the user's own.
     * Gemeentepolis 12,50 a month = 150,00 a year (x 12, lokaal.c); the pass
     * 100 a year for the one adult. A letter instead of an amount is refused
     * next to its field before anything is sent. */
    await setValue('local_polis', 'twaalf');
    check('local amounts: a bad amount named next to its field', (await submitAndWait()) &&
      !(await evaluate(`document.getElementById('error-summary').hidden`)) &&
      /zorgverzekering|bedrag/i.test(await text('#error-summary')) &&
      await waitFor(`document.getElementById('local_polis').getAttribute('aria-invalid') === 'true'`),
      await text('#error-summary'));
    await setValue('local_polis', '12,50');
    await setValue('local_pas', '100');
    check('local amounts: an answer', await submitAndWait(), await text('#error-summary'));
    const entered = norm(await text('#local-list'));
    check('local amounts: used and marked as entered',
      /Lokale pas of meedoenregeling: € 100,00 per jaar \(door u ingevuld\), bij een inkomen tot 130%/.test(entered) &&
      /gemeentepolis\): € 150,00 per jaar \(door u ingevuld\), bij een inkomen tot 120%/.test(entered) &&
      /Individuele inkomenstoeslag: € 260,00 per jaar, bij/.test(entered), entered);
    await setValue('local_polis', '');
    await setValue('local_pas', '');
    await setValue('municipality', 'amersfoort');
    check('amersfoort again: an answer', await submitAndWait());

    /* Tabs: keyboard. */
    await evaluate(`document.getElementById('tab-resident').focus()`);
    await key('ArrowRight', 'ArrowRight', 39);
    check('arrow key moves to the employer tab',
      await waitFor(`document.getElementById('tab-employer').getAttribute('aria-selected') === 'true'
        && !document.getElementById('panel-employer').hidden && document.activeElement.id === 'tab-employer'`));

    /* The employer's what-if. */
    await click('#employer-submit');
    check('employer: what-if table per loonwaarde',
      await waitFor(`document.querySelectorAll('#employer-result tbody tr').length === 6`),
      await text('#employer-error'));
    check('employer: cost per productive hour', norm(await text('#employer-result')).includes('Kosten per productief uur'));
    await screenshot('web-employer.png', true);

    /* The municipality's business case. */
    await click('#tab-municipality');
    await waitFor(`document.querySelectorAll('#muni-after input').length > 0`);
    await click('#after-jaartraject');
    await click('#muni-submit');
    check('municipality: business case', await waitFor(`!!document.querySelector('#muni-result .headline')`),
      await text('#muni-error'));
    check('municipality: month table', (await evaluate(`document.querySelectorAll('#muni-result tbody tr').length`)) === 12);
    check('municipality: the product price with its source', norm(await text('#muni-result')).includes('Jaartraject (met baan)'));
    await axeCheck('the municipality tab');
    await screenshot('web-municipality.png', true);

    /* 2. Every municipality: Amsterdam's table has no dagbesteding price, and
     * beschut werk without a loonwaarde is asked about, not counted as no LKS. */
    await click('#tab-resident');
    await setValue('municipality', 'amsterdam');
    await setValue('loonwaarde', '');
    await click('#tab-municipality');
    await click('#after-jaartraject');
    check('municipality: a dagdeel price to type where the table has none',
      await waitFor(`!!document.getElementById('price-dagbesteding')`) &&
      /Niet in de tabel/.test(await text('#price-dagbesteding-hint')) &&
      (await evaluate(`document.getElementById('price-dagbesteding').value`)) === '', await text('#muni-prices'));
    check('municipality: beschut werk without a loonwaarde asks for one', await evaluate(`!document.getElementById('muni-lks-box').hidden`));
    await click('#muni-submit');
    const ask = norm(await text('#muni-error'));
    check('municipality: not computed without the price and the loonwaarde', /Vul de prijs in/.test(ask) && /loonwaarde/.test(ask) &&
      !(await evaluate(`!!document.querySelector('#muni-result .headline')`)), ask);
    await type('price-dagbesteding', '51,20');
    await type('muni-loonwaarde', '40');
    await click('#muni-submit');
    check('municipality: Amsterdam with the price typed in', await waitFor(`!!document.querySelector('#muni-result .headline')`), await text('#muni-error'));
    check('municipality: the typed price is named as typed in', /Dagbesteding: € 51,20 per dagdeel\. zelf ingevuld/.test(norm(await text('#muni-result'))),
      norm(await text('#muni-result')).slice(-300));
    check('municipality: with loonkostensubsidie', !/zonder loonkostensubsidie/i.test(norm(await text('#muni-result'))));
    await screenshot('web-municipality-amsterdam.png', true);
    await click('#tab-resident');
    await setValue('municipality', 'amersfoort');
    await type('loonwaarde', '50');

    /* A phone. */
    await click('#tab-resident');
    await s('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 1, mobile: true });
    await sleep(200);
    const overflow = await evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    check('narrow screen: no sideways scrolling of the page', overflow <= 0, overflow + 'px: ' +
      await evaluate(`Array.from(document.querySelectorAll('body *')).filter((e) => {
        const r = e.getBoundingClientRect(); return r.width > 0 && r.right > document.documentElement.clientWidth + 1
          && !(e.parentElement && e.parentElement.closest('.table-scroll, .chart')); }).slice(0, 8).map((e) => e.tagName + (e.id ? '#' + e.id : '')
          + (e.className && typeof e.className === 'string' ? '.' + e.className : '')).join(' ')`) + ' | ' +
      await evaluate(`[window.innerWidth, document.documentElement.clientWidth, document.documentElement.scrollWidth].join(',') + ' ' +
        Array.from(document.querySelectorAll('body, body *')).filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0).slice(0, 10)
          .map((e) => e.tagName + (e.id ? '#' + e.id : '') + '(' + e.clientWidth + '/' + e.scrollWidth + ')').join(' ')`));
    const { data: phone } = await s('Page.captureScreenshot', { format: 'png' });
    writeFileSync(join(artifacts, 'web-phone.png'), Buffer.from(phone, 'base64'));
    /* 5. The chart on a phone, 18 months: readable labels that do not touch. */
    await setValue('months', '18');
    check('phone: 18 months answered', await submitAndWait() && !(await evaluate(`document.getElementById('answer-body').hidden`)));
    const labelPx = await evaluate(`document.querySelector('#wallet-chart .month-label').getBoundingClientRect().height`);
    check('phone: chart labels readable (' + Math.round(labelPx) + ' px high, at least 11)', labelPx >= 11);
    const touching = await evaluate(`(() => { const r = Array.from(document.querySelectorAll('#wallet-chart .month-label')).map((t) => t.getBoundingClientRect());
      let n = 0; for (let i = 1; i < r.length; i++) if (r[i].left < r[i - 1].right + 2) n++; return n + '/' + r.length; })()`);
    check('phone: 18 month labels without collisions (' + touching + ' touching)', touching.startsWith('0/18'));
    const overflow18 = await evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    check('phone: the chart scrolls in its box, not the page', overflow18 <= 0, overflow18);
    await evaluate(`document.getElementById('chart').scrollIntoView()`);
    const { data: phoneChart } = await s('Page.captureScreenshot', { format: 'png' });
    writeFileSync(join(artifacts, 'web-phone-chart.png'), Buffer.from(phoneChart, 'base64'));
    await axeCheck('the answer on a phone');

    check('no script errors or CSP violations', problems.length === 0, problems.join('\n'));
    await cdp.send('Browser.close').catch(() => {});
  } catch (e) {
    notOk('browser test ran to the end', e && e.stack ? e.stack : e);
  } finally {
    if (ws) ws.close();
    if (browser) {
      browser.proc.kill('SIGTERM');
      await Promise.race([new Promise((r) => browser.proc.once('exit', r)), sleep(5000)]);
      if (browser.proc.exitCode === null) browser.proc.kill('SIGKILL');
    }
    /* Chromium's helper processes may still be writing for a moment. */
    for (let i = 0; ; i++) {
      try {
        rmSync(profile, { recursive: true, force: true });
        break;
      } catch (e) {
        if (i >= 40) {
          notOk('temporary Chromium profile removed', e);
          break;
        }
        await sleep(250);
      }
    }
  }
  process.exit(failures ? 1 : 0);
}

main();
