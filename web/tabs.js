/* tabs.js - the tabs, the employer's what-if and the municipality's business
 * case with the prices a user may correct.
 * Plain JavaScript, no libraries, no build step: the page loads base.js,
 * answer.js, chart.js, explain.js, tabs.js and app.js in that order (classic
 * scripts share their top-level names). Nothing is stored: no cookies, no
 * localStorage. */
'use strict';

/* --- tabs --- */

function selectTab(tab, focus) {
  const tabs = Array.from(document.querySelectorAll('[role=tab]'));
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', on ? 'true' : 'false');
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  if (focus) tab.focus();
  if (tab.id === 'tab-municipality') fillProducts();
}

function initTabs() {
  const tabs = Array.from(document.querySelectorAll('[role=tab]'));
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => selectTab(t, false));
    t.addEventListener('keydown', (e) => {
      let k = null;
      if (e.key === 'ArrowRight') k = (i + 1) % tabs.length;
      else if (e.key === 'ArrowLeft') k = (i - 1 + tabs.length) % tabs.length;
      else if (e.key === 'Home') k = 0;
      else if (e.key === 'End') k = tabs.length - 1;
      if (k !== null) {
        e.preventDefault();
        selectTab(tabs[k], true);
      }
    });
  });
}

/* A scenario for the other tabs, or a message when the intake is not complete. */
function scenarioForTab(errorBox) {
  const { scenario, errors } = collect();
  const p = $(errorBox);
  if (errors.length) {
    clear(p);
    p.appendChild(document.createTextNode('Vul eerst de gegevens bij Bewoner goed in. '));
    p.appendChild(el('button', {
      type: 'button', class: 'link-button',
      onclick: () => { selectTab($('tab-resident'), true); showErrors(errors); }
    }, 'Naar de gegevens'));
    p.hidden = false;
    return null;
  }
  p.hidden = true;
  return scenario;
}

function serverErrorText(r) {
  if (r.status === 0) return 'De rekenmodule is niet bereikbaar.';
  if (r.json && r.json.error) {
    const e = r.json.error;
    return dutchMessage(e.message, e.code);
  }
  return 'Er ging iets mis (' + r.status + ').';
}

function tableOf(caption, heads, rows, foot) {
  return el('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' },
    el('table', { class: 'months' },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, heads.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
      el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => i === 0 ? el('th', { scope: 'row' }, c) : el('td', { class: 'num' }, c))))),
      foot ? el('tfoot', {}, el('tr', {}, foot.map((c, i) => i === 0 ? el('th', { scope: 'row' }, c) : el('td', { class: 'num' }, c)))) : null));
}

/* --- employer --- */

async function onEmployer(ev) {
  ev.preventDefault();
  const scenario = scenarioForTab('employer-error');
  if (!scenario) return;
  const q = new URLSearchParams();
  const lw = $('emp-loonwaarde').value.replace(/\s/g, '').replace(/%/g, '');
  if (lw) q.set('loonwaarde', lw);
  if ($('emp-lkv').value) q.set('lkv', $('emp-lkv').value);
  if ($('emp-government').checked) q.set('government', '1');
  if ($('emp-awf').checked) q.set('awf_high', '1');
  if ($('emp-aof').checked) q.set('aof_high', '1');
  const out = $('employer-result');
  clear(out);
  out.appendChild(el('p', { class: 'hint' }, 'Bezig met rekenen…'));
  const r = await api('POST', 'employer', q.toString(), scenario);
  clear(out);
  if (r.status !== 200 || !r.json) {
    const p = $('employer-error');
    p.textContent = serverErrorText(r);
    p.hidden = false;
    return;
  }
  $('employer-error').hidden = true;
  const res = r.json;
  const a = res.assumptions;
  const per = (tot, k) => (tot.months ? euro(Math.round(tot[k] / tot.months)) : '–');
  const rows = res.variants.map((v) => [
    v.label === 'plan' ? 'Volgens plan' + (v.lks ? '' : ' (zonder loonkostensubsidie)') : 'Loonwaarde ' + numberNl(v.loonwaarde) + ' %',
    per(v.totals, 'labour_cost'), per(v.totals, 'lks'), per(v.totals, 'lkv'),
    v.average_net_cost === null ? '–' : euro(v.average_net_cost),
    v.totals.months ? numberNl(Math.round(v.totals.productive_hours / v.totals.months * 10) / 10) : '–',
    v.cost_per_productive_hour === null ? '–' : euro(v.cost_per_productive_hour)
  ]);
  const months = res.variants[0].totals.months;
  out.appendChild(el('p', {}, 'Gemiddeld per gewerkte maand, over ' + months + ' maanden. Loonkosten = brutoloon + vakantiegeld + werkgeverspremies.'));
  out.appendChild(tableOf('Wat de baan de werkgever kost, per loonwaarde',
    ['Loonwaarde', 'Loonkosten per maand', 'Loonkostensubsidie per maand', 'LKV per maand', 'Netto kosten per maand', 'Productieve uren per maand', 'Kosten per productief uur'], rows));
  out.appendChild(el('p', { class: 'hint' },
    'Soort werk: ' + (KIND_LABEL[a.job_kind] || a.job_kind) + '. Loonkostenvoordeel: ' + (LKV_LABEL[a.lkv] || a.lkv) +
    (a.lkv === 'none' ? '. ' : ' (het UWV betaalt het in het jaar erna uit). ') +
    (a.doelgroepregister ? 'Doelgroepregister: ja, de no-risk polis geldt. ' : '') +
    (a.government ? 'Overheidswerkgever. ' : '') + (a.awf_high ? 'Hoge WW-premie. ' : 'Lage WW-premie. ') +
    (a.aof_high ? 'Hoge Aof-premie.' : 'Lage Aof-premie.')));
  out.appendChild(el('p', { class: 'tables-info' }, 'Tabellen van ' + res.tables.version + '.'));
}

/* --- municipality --- */

function municipalityName(id) {
  const m = tables && tables.municipalities.find((x) => x.id === id);
  if (!m) return id;
  return m.title.split(':')[0].replace(/^Gemeente /, '');
}

function productLabel(name) {
  const s = name.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/* The table's newest price of `name` for the chosen municipality, or null. */
function tablePrice(name, per) {
  const id = $('municipality').value || 'default';
  const m = tables && tables.municipalities.find((x) => x.id === id);
  const list = (m && m.prices) || [];
  return list.find((p) => p.name === name && (!per || p.per === per)) ||
    (per ? null : list.find((p) => p.name === name)) || null;
}

/* A price field: the table's price as its default where known. Per month for a
 * product (a yearly price shown as a twelfth), per dagdeel for dagbesteding. */
function priceField(name, label) {
  const id = 'price-' + name;
  const keep = $(id) && $(id).dataset.user === '1' ? $(id).value : null;
  const dag = name === 'dagbesteding';
  const tp = dag ? tablePrice(name, 'dagdeel') : (tablePrice(name, 'month') || tablePrice(name, 'year'));
  let def = '';
  let hint;
  if (tp && (dag || tp.per !== 'dagdeel')) {
    def = euro(tp.per === 'year' ? Math.round(tp.amount / 12) : tp.amount).replace('€\u00a0', '');
    hint = 'Uit de tabel van ' + municipalityName($('municipality').value || 'default') +
      (tp.per === 'year' ? ' (' + euro(tp.amount) + ' per jaar)' : '') + '.';
  } else {
    hint = 'Niet in de tabel van deze gemeente: vul de prijs in.';
  }
  const input = el('input', { type: 'text', id, inputmode: 'decimal', autocomplete: 'off', value: keep !== null ? keep : def,
    'data-default': def, 'data-name': name, 'aria-describedby': id + '-hint',
    oninput: (e) => { e.currentTarget.dataset.user = '1'; } });
  if (keep !== null) input.dataset.user = '1';
  return el('div', { class: 'field' },
    el('label', { for: id }, label + (dag ? ', prijs per dagdeel' : ', prijs per maand')),
    el('p', { class: 'hint', id: id + '-hint' }, hint),
    el('div', { class: 'euro' }, el('span', { 'aria-hidden': 'true' }, '€'), input));
}

function fillPrices() {
  const box = $('muni-prices');
  const fields = [];
  if (Number(val('dagdelen') || 0) > 0 || Number($('muni-dagdelen').value || 0) > 0) {
    fields.push(priceField('dagbesteding', 'Dagbesteding'));
  }
  const chosen = new Set(Array.from(document.querySelectorAll('#muni-before input:checked, #muni-after input:checked')).map((x) => x.value));
  for (const name of Array.from(chosen).sort()) fields.push(priceField(name, productLabel(name)));
  clear(box);
  if (!fields.length) box.appendChild(el('p', { class: 'hint' }, 'Kies een traject of dagbesteding om de prijs te zien.'));
  fields.forEach((f) => box.appendChild(f));
  const job = collect().scenario.job;
  $('muni-lks-box').hidden = job.kind === 'regulier' || !!job.loonwaarde;
}

function fillProducts() {
  if (!tables) return;
  const id = $('municipality').value || 'default';
  /* Every product any table names: a municipality without a table, or without
   * that product, can type its own price. Its own products first. */
  const own = new Set();
  const names = new Set();
  for (const m of tables.municipalities) {
    if (m.id === id || m.id === 'default') m.products.forEach((p) => own.add(p));
    m.products.forEach((p) => names.add(p));
  }
  for (const [box, side] of [['muni-before', 'before'], ['muni-after', 'after']]) {
    const div = $(box);
    const checked = new Set(Array.from(div.querySelectorAll('input:checked')).map((x) => x.value));
    clear(div);
    if (!names.size) {
      div.appendChild(el('p', { class: 'hint' }, 'De tabel van deze gemeente noemt geen trajecten.'));
      continue;
    }
    const order = Array.from(names).sort((a, b) => (own.has(b) - own.has(a)) || a.localeCompare(b));
    for (const name of order) {
      const iid = side + '-' + name;
      div.appendChild(el('label', { class: 'check', for: iid },
        el('input', { type: 'checkbox', id: iid, value: name, checked: checked.has(name), onchange: fillPrices }),
        ' ' + productLabel(name) + (own.has(name) ? '' : ' (prijs zelf invullen)')));
    }
  }
  fillPrices();
}

/* The prices typed or changed: "name:euros" for the API (only those that differ
 * from the table's, or that the table lacks). errors: [{id, msg}]. */
function collectPrices(errors) {
  const out = [];
  for (const input of document.querySelectorAll('#muni-prices input')) {
    const v = input.value.trim();
    if (!v) {
      errors.push({ id: input.id, msg: 'Vul de prijs in.' });
      continue;
    }
    const c = parseEuro(v);
    if (c === null) {
      errors.push({ id: input.id, msg: 'Vul een bedrag in, bijvoorbeeld 51,20.' });
      continue;
    }
    if (input.dataset.default && v === input.dataset.default) continue;
    out.push(input.dataset.name + ':' + (c / 100).toFixed(2));
  }
  return out;
}

async function onMunicipality(ev) {
  ev.preventDefault();
  const scenario = scenarioForTab('muni-error');
  if (!scenario) return;
  const q = new URLSearchParams();
  const pick = (box) => Array.from($(box).querySelectorAll('input:checked')).map((x) => x.value).join(',');
  if (pick('muni-before')) q.set('before', pick('muni-before'));
  if (pick('muni-after')) q.set('after', pick('muni-after'));
  const dd = $('muni-dagdelen').value.trim();
  if (dd && dd !== '0') q.set('dagdelen_after', dd);
  const perrors = [];
  const typed = collectPrices(perrors);
  /* Beschut werk or a banenafspraak without a loonwaarde: ask, never count the
   * LKS as nothing without saying so. */
  if (!$('muni-lks-box').hidden) {
    const lw = $('muni-loonwaarde').value.trim();
    if ($('muni-no-lks').checked) q.set('lks', '0');
    else if (!lw) perrors.push({ id: 'muni-loonwaarde', msg: 'Vul een loonwaarde in, of kies dat er geen loonkostensubsidie is.' });
    else if (!decimalOk(lw, 2) || toNumber(lw) > 100) perrors.push({ id: 'muni-loonwaarde', msg: 'Vul een percentage in van 0 tot 100.' });
    else scenario.job.loonwaarde = [{ from: scenario.job.start, percent: toNumber(lw) }];
  }
  const perr = $('muni-error');
  if (perrors.length) {
    clear($('muni-result'));
    clear(perr);
    perr.appendChild(el('span', {}, 'Controleer: '));
    perrors.forEach((e, i) => perr.appendChild(el('a', { href: '#' + e.id,
      onclick: (ev) => { ev.preventDefault(); $(e.id).focus(); } }, (i ? '; ' : '') + labelText(e.id) + ': ' + e.msg)));
    perr.hidden = false;
    return;
  }
  if (typed.length) q.set('prices', typed.join(','));
  const out = $('muni-result');
  clear(out);
  out.appendChild(el('p', { class: 'hint' }, 'Bezig met rekenen…'));
  const r = await api('POST', 'municipality', q.toString(), scenario);
  clear(out);
  if (r.status !== 200 || !r.json) {
    const p = $('muni-error');
    p.textContent = serverErrorText(r);
    const m = r.json && r.json.error && /^gemeente\.([a-z0-9_]+)\.price/.exec(r.json.error.field || '');
    if (m && $('price-' + m[1])) p.textContent += ' Vul de prijs in bij Prijzen.';
    p.hidden = false;
    return;
  }
  $('muni-error').hidden = true;
  const res = r.json;
  const tot = res.totals;
  const n = res.months.length;
  out.appendChild(el('p', { class: 'headline small' },
    tot.saving >= 0
      ? 'Over ' + n + ' maanden bespaart de gemeente ' + euro(tot.saving) + ' met deze baan.'
      : 'Over ' + n + ' maanden kost deze baan de gemeente ' + euro(-tot.saving) + ' meer.'));
  out.appendChild(el('p', {}, res.break_even
    ? 'Vanaf ' + monthLong(res.break_even) + ' is de overstap terugverdiend.'
    : 'Binnen deze periode is de overstap niet terugverdiend.'));
  out.appendChild(el('p', {}, 'Zonder baan: ' + euro(tot.cost_before) + '. Met de baan: ' + euro(tot.cost_after) + '.' +
    (res.lks ? '' : ' Gerekend zonder loonkostensubsidie.')));
  out.appendChild(tableOf('Kosten voor de gemeente per maand',
    ['Maand', 'Bijstand zonder baan', 'Dagbesteding', 'Trajecten', 'Totaal zonder baan', 'Bijstand met baan',
      'Loonkostensubsidie', 'Dagbesteding met baan', 'Begeleiding en trajecten', 'Totaal met baan', 'Verschil', 'Opgeteld'],
    res.months.map((m) => [monthShort(m.month), euro(m.bijstand_before), euro(m.dagbesteding_before), euro(m.products_before),
      euro(m.cost_before), euro(m.bijstand_after), euro(m.lks), euro(m.dagbesteding_after), euro(m.products_after),
      euro(m.cost_after), euro(m.saving), euro(m.cumulative_saving)]),
    ['Totaal', '', '', '', euro(tot.cost_before), '', '', '', '', euro(tot.cost_after), euro(tot.saving), '']));
  const prices = el('ul', { class: 'sources' });
  const src = (x) => (x && x.user ? 'zelf ingevuld' : 'Bron: ' + (x ? x.source : ''));
  if (res.dagdeel_price_source) {
    prices.appendChild(el('li', {}, 'Dagbesteding: ' + euro(res.dagdeel_price) + ' per dagdeel. ' + src(res.dagdeel_price_source)));
  }
  for (const p of res.products) {
    prices.appendChild(el('li', {}, productLabel(p.name) + (p.after ? ' (met baan)' : ' (zonder baan)') + ': ' +
      euro(p.month_price) + ' per maand, samen ' + euro(p.total) + '. ' + src(p.source)));
  }
  if (prices.children.length) {
    out.appendChild(el('h3', {}, 'Prijzen'));
    out.appendChild(prices);
  }
}
