/* explain.js - the month table (one tab stop, arrow keys) and the explanation of
 * an amount from its trace.
 * Plain JavaScript, no libraries, no build step: the page loads base.js,
 * answer.js, chart.js, explain.js, tabs.js and app.js in that order (classic
 * scripts share their top-level names). Nothing is stored: no cookies, no
 * localStorage. */
'use strict';

/* --- the month table --- */

/* Amounts in the table without the euro sign (the table says "in euro"): the
 * columns that matter fit at 1280 px. */
function euroBare(cents) {
  return euro(cents).replace('€\u00a0', '');
}

function amountButton(run, month, col, value) {
  return el('button', {
    type: 'button', class: 'amount' + (value < 0 ? ' neg' : ''), tabindex: '-1',
    'data-run': run, 'data-month': month, 'data-col': col.key,
    'aria-label': col.label.replace('\u00ad', '') + ' ' + monthLong(month) + (run === 'baseline' ? ' zonder baan' : '') + ': ' + euro(value) + '. Uitleg openen',
    onclick: (ev) => openExplain(run, month, col, col.label.replace('\u00ad', '') + ', ' + monthLong(month) + (run === 'baseline' ? ' (zonder baan)' : ''), ev.currentTarget)
  }, euroBare(value));
}

/* One tab stop for a grid of buttons: the arrow keys, Home and End move
 * between them (roving tabindex). rows(): the buttons per row. */
function rovingGrid(container, rows) {
  const all = () => rows().flat();
  const first = all()[0];
  if (first) first.tabIndex = 0;
  container.addEventListener('focusin', (e) => {
    if (!all().includes(e.target)) return;
    for (const b of all()) b.tabIndex = b === e.target ? 0 : -1;
  });
  container.addEventListener('keydown', (e) => {
    const grid = rows();
    let r = grid.findIndex((row) => row.includes(e.target));
    if (r < 0) return;
    let c = grid[r].indexOf(e.target);
    if (e.key === 'ArrowRight') c++;
    else if (e.key === 'ArrowLeft') c--;
    else if (e.key === 'ArrowDown') r++;
    else if (e.key === 'ArrowUp') r--;
    else if (e.key === 'Home') c = 0;
    else if (e.key === 'End') c = grid[r].length - 1;
    else return;
    e.preventDefault();
    r = Math.max(0, Math.min(grid.length - 1, r));
    c = Math.max(0, Math.min(grid[r].length - 1, c));
    grid[r][c].focus();
  });
}

function renderTable(res) {
  const t = $('months-table');
  clear(t);
  t.appendChild(el('caption', { class: 'visually-hidden' },
    'Bedragen per maand in euro, met de baan, en wat u zonder de baan veilig kunt uitgeven'));
  /* Where it comes from, what comes off, what arrives, what to keep apart, what
   * can be spent - then the same without the job, and the difference. */
  const breakdown = COLUMNS.filter((c) => c !== SAFE);
  if (res.scenario.totals.partner_net || res.baseline.totals.partner_net) breakdown.splice(1, 0, PARTNER);
  if (KIDS.value(res.scenario.totals) || KIDS.value(res.baseline.totals)) {
    breakdown.splice(breakdown.findIndex((c) => c.key === 'toeslagen') + 1, 0, KIDS);
  }
  if (res.scenario.totals.debt_taken || res.baseline.totals.debt_taken) {
    breakdown.splice(breakdown.findIndex((c) => c.key === 'received'), 0, DEBTS);
  }
  const fall = new Set((res.armoedeval || []).map((a) => a.month));
  if (res.scenario.totals.wajong_net || res.baseline.totals.wajong_net) breakdown.splice(1, 0, WAJONG);
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Maand'),
    breakdown.map((c) => el('th', { scope: 'col', class: 'num' }, c.label)),
    el('th', { scope: 'col', class: 'num' }, 'Veilig te besteden met baan'),
    el('th', { scope: 'col', class: 'num' }, 'Zonder baan'),
    el('th', { scope: 'col', class: 'num' }, 'Verschil'));
  t.appendChild(el('thead', {}, head));
  const body = el('tbody');
  const sc = res.scenario.months;
  const bl = res.baseline.months;
  for (let i = 0; i < sc.length; i++) {
    const m = sc[i];
    const b = bl[i];
    const diff = m.safe_to_spend - b.safe_to_spend;
    body.appendChild(el('tr', { class: m.recovery_collected > 0 ? 'row-recovery' : null },
      el('th', { scope: 'row' }, monthShort(m.month),
        m.projected ? el('span', { class: 'voorlopig-mark' }, ' voorlopig') : null,
        el('span', { class: 'status' }, statusLabel(m.status, res),
          m.recovery_collected > 0 ? el('strong', { class: 'flag' }, ' ! terugbetalen') : null,
          fall.has(m.month) ? el('strong', { class: 'flag' }, ' ! armoedeval') : null)),
      breakdown.map((c) => el('td', { class: 'num' }, amountButton('scenario', m.month, c, c.value(m)))),
      el('td', { class: 'num strong' }, amountButton('scenario', m.month, SAFE, m.safe_to_spend)),
      el('td', { class: 'num' }, amountButton('baseline', b.month, SAFE, b.safe_to_spend)),
      el('td', { class: 'num diff' }, (diff > 0 ? '+' : '') + euroBare(diff))));
  }
  t.appendChild(body);
  const tot = res.scenario.totals;
  const btot = res.baseline.totals;
  t.appendChild(el('tfoot', {}, el('tr', {},
    el('th', { scope: 'row' }, 'Totaal'),
    breakdown.map((c) => el('td', { class: 'num' }, euroBare(c.value(tot)))),
    el('td', { class: 'num' }, euroBare(tot.safe_to_spend)),
    el('td', { class: 'num' }, euroBare(btot.safe_to_spend)),
    el('td', { class: 'num' }, (res.total_gain > 0 ? '+' : '') + euroBare(res.total_gain)))));
  if (!t.dataset.roving) {
    t.dataset.roving = '1';
    rovingGrid(t, () => Array.from(t.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('button.amount'))));
  } else {
    const f = t.querySelector('button.amount');
    if (f) f.tabIndex = 0;
  }
}

/* --- explanations (the trace) --- */

function tracedMonth(month) {
  if (!traceCache.has(month)) {
    traceCache.set(month, api('POST', 'simulate', 'trace=1&month=' + encodeURIComponent(month), lastScenario));
  }
  return traceCache.get(month);
}

/* col: a table column or chart series ({parts, items, value}); the parts are
 * what the clicked amount is made of, shown first. */
let explainRun = 0;

async function openExplain(run, month, col, title, trigger) {
  const dlg = $('explain');
  const body = $('explain-body');
  const mine = ++explainRun;   /* a slower earlier answer must not overwrite this one */
  explainReturn = trigger || document.activeElement;
  $('explain-title').textContent = 'Zo is dit berekend: ' + title;
  clear(body);
  body.appendChild(el('p', { class: 'hint' }, 'Even rekenen…'));
  if (!dlg.open) dlg.showModal();
  $('explain-close').focus();
  const r = await tracedMonth(month);
  if (mine !== explainRun) return;
  clear(body);
  if (r.status !== 200 || !r.json) {
    traceCache.delete(month);
    body.appendChild(el('p', { class: 'field-error' }, 'De uitleg kon niet worden opgehaald. Probeer het opnieuw.'));
    return;
  }
  const m = r.json[run].months.find((x) => x.month === month);
  const traces = (m && m.traces) || {};
  const parts = col.parts || col.items.slice(0, 1);
  /* First what the amount is made of (the parts that are not zero, or the
   * first part), then what they come from. */
  const shownParts = parts.filter((it) => m[it] !== 0);
  if (!shownParts.length) shownParts.push(parts[0]);
  if (parts.length > 1) {
    body.appendChild(el('p', { class: 'explain-sum' }, 'Dit bedrag is ' + euro(col.value(m)) + ': ' +
      parts.map((it) => (ITEM_LABEL[it] || it).toLowerCase() + ' ' + euro(m[it])).join(' + ') + '.'));
  }
  const order = shownParts.concat(col.items.filter((it) => !shownParts.includes(it)));
  let shown = 0;
  for (const item of order) {
    const tr = traces[item];
    if (!tr) continue;
    const main = shownParts.includes(item);
    shown++;
    const sec = el('section', { class: 'trace' + (main ? ' main' : '') },
      el(main ? 'h3' : 'h4', {}, (ITEM_LABEL[item] || item) + ': ' + euro(m[item])),
      tr.formula ? el('p', { class: 'b1' }, tr.formula.charAt(0).toUpperCase() + tr.formula.slice(1) + '.') : null);
    if (tr.inputs && tr.inputs.length) {
      sec.appendChild(el('table', { class: 'trace-table' },
        el('caption', {}, 'Met deze gegevens'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Wat'), el('th', { scope: 'col', class: 'num' }, 'Bedrag of waarde'))),
        el('tbody', {}, tr.inputs.map((x) => el('tr', {}, el('td', {}, x.name), el('td', { class: 'num' }, unitValue(x.value, x.unit)))))));
    }
    if (tr.incomplete) {
      sec.appendChild(el('p', { class: 'b1' }, 'Let op: niet alle gegevens van deze berekening passen in deze uitleg.'));
    }
    const law = el('details', { class: 'law' }, el('summary', {}, 'Wet en bron'),
      tr.rule ? el('p', {}, el('strong', {}, 'Regel: '), tr.rule) : null);
    if (tr.parameters && tr.parameters.length) {
      law.appendChild(el('table', { class: 'trace-table' },
        el('caption', {}, 'Bedragen en regels uit de tabellen'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Wat'), el('th', { scope: 'col', class: 'num' }, 'Waarde'),
          el('th', { scope: 'col' }, 'Geldt vanaf'), el('th', { scope: 'col' }, 'Bron'))),
        el('tbody', {}, tr.parameters.map((p) => el('tr', {},
          el('td', { class: 'param-name' }, p.description || '',
            p.provisional ? el('span', { class: 'badge' }, ' (nog niet bevestigd)') : null,
            p.overridden ? el('span', { class: 'badge' }, ' (zelf ingevuld)') : null,
            el('span', { class: 'param-id' }, p.id)),
          el('td', { class: 'num' }, unitValue(p.value, p.unit)),
          el('td', {}, p.from ? dateLong(p.from) : ''),
          el('td', { class: 'source' }, p.source,
            p.url && /^https?:\/\//.test(p.url) ? [' ', el('a', { href: p.url, target: '_blank', rel: 'noopener noreferrer' }, 'bekijk de bron')] : null))))));
    }
    if (main) law.open = false;
    sec.appendChild(law);
    if (!main && !body.querySelector('.more-head')) body.appendChild(el('h3', { class: 'more-head' }, 'Waar dit uit komt'));
    body.appendChild(sec);
  }
  if (!shown) body.appendChild(el('p', {}, 'Voor dit bedrag is geen uitleg beschikbaar.'));
}

function closeExplain() {
  const dlg = $('explain');
  if (dlg.open) dlg.close();
}
