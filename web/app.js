/* app.js - the switchsim page: the intake, the answer (headline, recoveries,
 * actions, chart, month table with explanations), the employer's what-if and the
 * municipality's business case. Plain JavaScript, no libraries, no build step.
 * Talks only to the API next to it (api/simulate, api/employer, api/municipality,
 * api/tables). Nothing is stored: no cookies, no localStorage. */
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const SVGNS = 'http://www.w3.org/2000/svg';

  /* An element with attributes and children (strings become text nodes; no
   * HTML is ever parsed from data). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }

  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVGNS, tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }

  function setAttrs(e, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.setAttribute('class', v);
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }

  function append(e, children) {
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number'
        ? document.createTextNode(String(c)) : c);
    }
  }

  function clear(e) {
    while (e.firstChild) e.removeChild(e.firstChild);
  }

  /* --- formatting (Dutch) --- */

  const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli',
    'augustus', 'september', 'oktober', 'november', 'december'];
  const MONTHS_SHORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep',
    'okt', 'nov', 'dec'];

  /* Cents (an integer) as "€ 1.234,56"; negative "-€ 1.234,56". */
  function euro(cents) {
    const neg = cents < 0;
    const a = Math.abs(Math.round(cents));
    const whole = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (neg ? '-' : '') + '€\u00a0' + whole + ',' + String(a % 100).padStart(2, '0');
  }

  function euroWhole(cents) {
    const neg = cents < 0;
    const whole = String(Math.round(Math.abs(cents) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (neg ? '-' : '') + '€\u00a0' + whole;
  }

  function monthParts(m) {
    const [y, mo] = m.split('-').map(Number);
    return { y, mo };
  }

  function monthLong(m) {
    const { y, mo } = monthParts(m);
    return MONTHS[mo - 1] + ' ' + y;
  }

  function monthShort(m) {
    const { y, mo } = monthParts(m);
    return MONTHS_SHORT[mo - 1] + ' ' + y;
  }

  function dateLong(d) {
    const [y, mo, day] = d.split('-').map(Number);
    return day + ' ' + MONTHS[mo - 1] + ' ' + y;
  }

  function numberNl(x) {
    return String(x).replace('.', ',');
  }

  /* A parameter or input value in its unit, for the explanation. */
  function unitValue(v, unit) {
    if (v === undefined || v === null) return '';
    switch (unit) {
      case 'eurocent': return euro(v);
      case 'percent': return numberNl(v) + ' %';
      case 'hours': return numberNl(v) + ' uur';
      case 'days': return v + (v === 1 ? ' dag' : ' dagen');
      case 'weeks': return v + (v === 1 ? ' week' : ' weken');
      case 'months': return v + (v === 1 ? ' maand' : ' maanden');
      case 'years': return v + ' jaar';
      case 'count': return String(v);
      case 'day_of_month': return 'dag ' + v + ' van de maand';
      case 'month_of_year': return MONTHS[v - 1] || String(v);
      case 'bool': return v ? 'ja' : 'nee';
      case 'scale': return 'tabel met schijven';
      default: return String(v);
    }
  }

  /* --- input parsing --- */

  /* "650", "650,00", "1.234,56", "14.5" -> cents; null when not an amount. */
  function parseEuro(text) {
    let t = String(text).replace(/[\s€]/g, '');
    if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(t)) t = t.replace(/\./g, '');
    t = t.replace(',', '.');
    const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(t);
    if (!m) return null;
    return Number(m[1]) * 100 + Number((m[2] || '0').padEnd(2, '0'));
  }

  function isDate(s) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const [y, m, d] = s.split('-').map(Number);
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }

  function isMonth(s) {
    return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
  }

  function monthAdd(m, n) {
    const { y, mo } = monthParts(m);
    const k = y * 12 + (mo - 1) + n;
    return Math.floor(k / 12) + '-' + String((k % 12) + 1).padStart(2, '0');
  }

  /* --- today: the defaults follow the calendar --- */

  /* The page's today as YYYY-MM-DD: the browser's local date, or ?today=YYYY-MM-DD
   * in the address (the tests fix the clock with it). */
  function todayIso() {
    const fixed = new URLSearchParams(window.location.search).get('today');
    if (fixed && isDate(fixed)) return fixed;
    const d = new Date();
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' +
      String(d.getDate()).padStart(2, '0');
  }

  /* The first working day of the month after `today`: Monday to Friday and not
   * Nieuwjaarsdag (other public holidays do not fall on the first days). */
  function firstWorkingDayNextMonth(today) {
    const m = monthAdd(today.slice(0, 7), 1);
    const { y, mo } = monthParts(m);
    let day = 1;
    for (;;) {
      const wd = new Date(Date.UTC(y, mo - 1, day)).getUTCDay();
      if (wd !== 0 && wd !== 6 && !(mo === 1 && day === 1)) break;
      day++;
    }
    return m + '-' + String(day).padStart(2, '0');
  }

  /* The defaults that depend on the date: the first working day next month, the
   * overview from this month on (12 months, in the form). */
  function setDateDefaults() {
    const today = todayIso();
    if (!val('start')) $('start').value = firstWorkingDayNextMonth(today);
    if (!val('start_month')) $('start_month').value = today.slice(0, 7);
  }

  function lastDay(m) {
    const { y, mo } = monthParts(m);
    const d = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return m + '-' + String(d).padStart(2, '0');
  }

  function ageOn(birth, on) {
    const [by, bm, bd] = birth.split('-').map(Number);
    const [y, m, d] = on.split('-').map(Number);
    return y - by - ((m < bm || (m === bm && d < bd)) ? 1 : 0);
  }

  function decimalOk(s, maxDecimals) {
    return new RegExp('^\\d+([.,]\\d{1,' + maxDecimals + '})?$').test(s);
  }

  function toNumber(s) {
    return Number(String(s).replace(',', '.'));
  }

  /* --- state --- */

  let tables = null;            /* GET api/tables */
  let lastScenario = null;      /* the scenario of the answer shown */
  let lastResult = null;
  const traceCache = new Map(); /* month -> Promise of the traced answer */
  let explainReturn = null;

  /* --- the API --- */

  async function api(method, path, query, body) {
    const url = 'api/' + path + (query ? '?' + query : '');
    const opts = { method, cache: 'no-store', credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    let r;
    try {
      r = await fetch(url, opts);
    } catch (e) {
      return { status: 0, json: null };
    }
    let json = null;
    try {
      json = await r.json();
    } catch (e) {
      json = null;
    }
    return { status: r.status, json };
  }

  function serviceError(text) {
    const p = $('service-error');
    p.textContent = text;
    p.hidden = !text;
  }

  /* --- the intake --- */

  function val(id) {
    return $(id).value.trim();
  }

  function childInputs() {
    return Array.from($('children').querySelectorAll('input[type=date]'));
  }

  function addChild(value) {
    const n = childInputs().length;
    if (n >= 12) return;
    const id = 'child_' + n;
    const row = el('div', { class: 'child-row' },
      el('label', { for: id }, 'Kind ' + (n + 1)),
      el('input', { type: 'date', id, name: id, min: '1900-01-01', max: '2100-12-31', value: value || '' }),
      el('button', {
        type: 'button', class: 'link-button', 'aria-label': 'Kind ' + (n + 1) + ' weghalen',
        onclick: () => { row.remove(); renumberChildren(); }
      }, 'Weghalen'));
    $('children').appendChild(row);
  }

  function renumberChildren() {
    $('children').querySelectorAll('.child-row').forEach((row, i) => {
      const label = row.querySelector('label');
      const input = row.querySelector('input');
      const id = 'child_' + i;
      input.id = id;
      input.name = id;
      label.setAttribute('for', id);
      label.textContent = 'Kind ' + (i + 1);
      row.querySelector('button').setAttribute('aria-label', 'Kind ' + (i + 1) + ' weghalen');
    });
  }

  function updateVisibility() {
    const comp = $('composition').value;
    $('partner-field').hidden = comp !== 'couple';
    $('children-field').hidden = comp === 'single';
    if (comp === 'single_parent' && childInputs().length === 0) addChild('');
    $('trial-fields').hidden = !$('trial').checked;
    $('hourly-field').hidden = document.querySelector('input[name=wage_mode]:checked').value !== 'own';
    $('forfait-field').hidden = !$('forfait').checked;
  }

  /* Read and check the form. Returns {scenario, errors: [{id, msg}]}. */
  function collect() {
    const errors = [];
    const err = (id, msg) => errors.push({ id, msg });
    const startMonth = val('start_month');
    const monthsText = val('months');
    let months = 12;
    if (!isMonth(startMonth)) err('start_month', 'Vul een maand in, bijvoorbeeld ' + todayIso().slice(0, 7) + '.');
    if (!/^\d+$/.test(monthsText) || Number(monthsText) < 1 || Number(monthsText) > 60) {
      err('months', 'Kies 1 tot 60 maanden.');
    } else {
      months = Number(monthsText);
    }
    const first = isMonth(startMonth) ? startMonth + '-01' : null;
    const last = isMonth(startMonth) ? lastDay(monthAdd(startMonth, months - 1)) : null;

    const comp = $('composition').value;
    const household = { composition: comp };
    const birth = val('birth_date');
    if (!birth) err('birth_date', 'Vul uw geboortedatum in.');
    else if (!isDate(birth)) err('birth_date', 'Dit is geen geldige datum.');
    else if (first && ageOn(birth, first) < 18) err('birth_date', 'U moet 18 jaar of ouder zijn.');
    else if (first && ageOn(birth, first) > 120) err('birth_date', 'Controleer het geboortejaar.');
    household.birth_date = birth;
    if (comp === 'couple') {
      const pb = val('partner_birth_date');
      if (!pb) err('partner_birth_date', 'Vul de geboortedatum van uw partner in.');
      else if (!isDate(pb)) err('partner_birth_date', 'Dit is geen geldige datum.');
      else if (first && ageOn(pb, first) < 18) err('partner_birth_date', 'Uw partner moet 18 jaar of ouder zijn.');
      household.partner_birth_date = pb;
    }
    if (comp !== 'single') {
      const kids = [];
      for (const input of childInputs()) {
        const v = input.value.trim();
        if (!v) continue;
        if (!isDate(v)) err(input.id, 'Dit is geen geldige datum.');
        else if (first && v > first) err(input.id, 'Deze datum ligt na het begin van het overzicht.');
        kids.push(v);
      }
      if (comp === 'single_parent' && kids.length === 0) {
        err(childInputs()[0] ? childInputs()[0].id : 'add-child',
          'Vul de geboortedatum van minstens één kind in.');
      }
      if (kids.length) household.children_birth_dates = kids;
    }
    const cs = val('cost_sharers');
    if (!/^\d+$/.test(cs) || Number(cs) > 10) err('cost_sharers', 'Vul een aantal in van 0 tot 10.');
    else household.cost_sharers = Number(cs);
    const rent = parseEuro(val('rent') || '0');
    if (rent === null) err('rent', 'Vul een bedrag in, bijvoorbeeld 650 of 650,50.');
    else if (rent > 1000000) err('rent', 'Dit bedrag is te hoog voor huur per maand.');
    else household.rent = rent;
    if ($('medical_hour_limit').checked) household.medical_hour_limit = true;

    const dag = val('dagdelen');
    let dagdelen = 0;
    if (!/^\d+$/.test(dag) || Number(dag) > 10) err('dagdelen', 'Vul 0 tot 10 dagdelen in.');
    else dagdelen = Number(dag);

    const job = { kind: document.querySelector('input[name=kind]:checked').value };
    const start = val('start');
    if (!start) err('start', 'Vul de eerste werkdag in.');
    else if (!isDate(start)) err('start', 'Dit is geen geldige datum.');
    else if (first && start < first) err('start', 'De eerste werkdag ligt vóór het begin van het overzicht. Kies bij "Meer keuzes" een eerdere maand.');
    else if (last && start > last) err('start', 'De eerste werkdag ligt na het overzicht. Kies bij "Meer keuzes" meer maanden.');
    job.start = start;
    const hours = val('hours');
    if (!decimalOk(hours, 2) || toNumber(hours) < 1 || toNumber(hours) > 40) {
      err('hours', 'Vul 1 tot 40 uur per week in.');
    } else {
      job.hours_per_week = toNumber(hours);
    }
    if (document.querySelector('input[name=wage_mode]:checked').value === 'own') {
      const w = parseEuro(val('hourly_wage'));
      if (w === null || w <= 0) err('hourly_wage', 'Vul het uurloon in, bijvoorbeeld 15,20.');
      else if (w > 100000) err('hourly_wage', 'Dit uurloon is te hoog.');
      else job.hourly_wage = w;
    }
    job.holiday_pay = $('holiday_pay').value;
    const pd = val('pay_day');
    if (!/^\d+$/.test(pd) || Number(pd) < 1 || Number(pd) > 31) err('pay_day', 'Vul een dag in van 1 tot 31.');
    else job.pay_day = Number(pd);
    if ($('pay_month').value === 'next') job.pay_month = 'next';
    if ($('pay_frequency').value !== 'monthly') job.pay_frequency = $('pay_frequency').value;
    if ($('payslip_late').checked) job.payslip_delay_months = 1;
    const hpm = val('hours_per_month');
    if (hpm) {
      job.hours_per_month = [];
      for (const part of hpm.split(/[;\n]+/).map((x) => x.trim()).filter(Boolean)) {
        const m = /^(\d{4}-\d{2})\s+(\d+(?:[.,]\d{1,2})?)$/.exec(part);
        if (!m) { err('hours_per_month', 'Schrijf per maand: jaar-maand en uren, bijvoorbeeld 2026-05 60; 2026-06 20.'); break; }
        job.hours_per_month.push({ month: m[1], hours: toNumber(m[2]) });
      }
    }

    const lw = val('loonwaarde');
    const forfait = $('forfait').checked;
    if (lw) {
      if (!decimalOk(lw, 2) || toNumber(lw) > 100) {
        err('loonwaarde', 'Vul een percentage in van 0 tot 100.');
      } else if (forfait) {
        const mf = val('measured_from');
        if (!mf || !isDate(mf)) err('measured_from', 'Vul de datum van de loonwaardemeting in.');
        else if (start && mf <= start) err('measured_from', 'Deze datum moet na de eerste werkdag liggen.');
        job.loonwaarde = [{ from: start, percent: toNumber(lw), forfaitair: true },
          { from: mf, percent: toNumber(lw) }];
      } else {
        job.loonwaarde = [{ from: start, percent: toNumber(lw) }];
      }
    } else if (forfait) {
      err('loonwaarde', 'Vul de loonwaarde in die u na de meting verwacht.');
    }

    if ($('trial').checked) {
      const ts = val('trial_start');
      const te = val('trial_end');
      if (!ts || !isDate(ts)) err('trial_start', 'Vul de eerste dag van de proefplaatsing in.');
      else if (first && ts < first) err('trial_start', 'Deze datum ligt vóór het begin van het overzicht.');
      if (!te || !isDate(te)) err('trial_end', 'Vul de laatste dag van de proefplaatsing in.');
      else if (ts && te < ts) err('trial_end', 'De proefplaatsing kan niet eindigen vóór ze begint.');
      else if (start && te >= start) err('trial_end', 'De proefplaatsing moet eindigen vóór de eerste werkdag.');
      job.trial_start = ts;
      job.trial_end = te;
    }
    const until = val('dagbesteding_until');
    if (until) {
      if (!isDate(until)) err('dagbesteding_until', 'Dit is geen geldige datum.');
      else if (first && until < first) err('dagbesteding_until', 'Deze datum ligt vóór het begin van het overzicht.');
      job.dagbesteding_until = until;
    }
    const end = val('end');
    if (end) {
      if (!isDate(end)) err('end', 'Dit is geen geldige datum.');
      else if (start && end < start) err('end', 'De laatste werkdag ligt vóór de eerste.');
      job.end = end;
    }

    const scenario = {
      version: 1,
      start_month: startMonth,
      months,
      household,
      before: { benefit: 'participatiewet', dagbesteding_dagdelen_per_week: dagdelen },
      job,
      toeslagen: { zorgtoeslag: true, huurtoeslag: (household.rent || 0) > 0 }
    };
    const muni = $('municipality').value;
    if (muni) scenario.municipality = muni;
    if ($('settlement_method').value) scenario.settlement = { method: $('settlement_method').value };
    return { scenario, errors };
  }

  /* --- errors next to the fields --- */

  const FIELD_MAP = [
    ['household.birth_date', 'birth_date'],
    ['household.partner_birth_date', 'partner_birth_date'],
    ['household.children_birth_dates', 'child_0'],
    ['household.cost_sharers', 'cost_sharers'],
    ['household.rent', 'rent'],
    ['household.composition', 'composition'],
    ['household.medical_hour_limit', 'medical_hour_limit'],
    ['household', 'composition'],
    ['before', 'dagdelen'],
    ['job.kind', 'kind'],
    ['job.trial_start', 'trial_start'],
    ['job.trial_end', 'trial_end'],
    ['job.start', 'start'],
    ['job.end', 'end'],
    ['job.hours_per_week', 'hours'],
    ['job.hourly_wage', 'hourly_wage'],
    ['job.holiday_pay', 'holiday_pay'],
    ['job.pay_day', 'pay_day'],
    ['job.pay_month', 'pay_month'],
    ['job.pay_frequency', 'pay_frequency'],
    ['job.hours_per_month', 'hours_per_month'],
    ['job.payslip_delay_months', 'payslip_late'],
    ['settlement', 'settlement_method'],
    ['job.loonwaarde', 'loonwaarde'],
    ['job.dagbesteding_until', 'dagbesteding_until'],
    ['job', 'start'],
    ['municipality', 'municipality'],
    ['start_month', 'start_month'],
    ['months', 'months'],
    ['toeslagen.huurtoeslag', 'rent']
  ];

  function fieldFor(path) {
    if (!path) return null;
    for (const [p, id] of FIELD_MAP) {
      if (path === p || path.startsWith(p + '.') || path.startsWith(p + '[')) {
        if (id === 'child_0' && /\[(\d+)\]/.test(path)) {
          const k = /\[(\d+)\]/.exec(path)[1];
          if ($('child_' + k)) return 'child_' + k;
        }
        return $(id) ? id : null;
      }
    }
    return null;
  }

  /* A server message in plain Dutch where we recognise it; the original is kept
   * as a detail. */
  function dutchMessage(msg, code) {
    if (code === 'no_value') {
      if (/^no price/.test(msg || '')) return 'Voor dit traject staat geen prijs in de tabel van de gemeente.';
      const m = /^no value for .* on '(\d{4})-(\d{2})-\d{2}'/.exec(msg || '');
      if (m) {
        const from = m[1] + '-' + m[2];
        return 'De bedragen vanaf ' + monthLong(from) + ' zijn nog niet bekend. Kies een kortere periode, tot en met ' +
          monthLong(monthAdd(from, -1)) + '.';
      }
      return 'Voor een deel van deze periode zijn de bedragen nog niet bekend. Kies een kortere periode.';
    }
    const rules = [
      [/missing/, 'Vul dit in.'],
      [/after the last month shown/, 'Deze datum valt na het overzicht. Kies meer maanden.'],
      [/before the start month/, 'Deze datum ligt vóór het begin van het overzicht.'],
      [/below the minimum wage/, 'Dit uurloon is lager dan het minimumloon voor deze leeftijd.'],
      [/forfaitaire loonkostensubsidie runs only until '(\d{4}-\d{2}-\d{2})'/, (m) => 'De vaste loonkostensubsidie mag maar een beperkte tijd duren: tot en met ' + dateLong(m[1]) + '. Vul een eerdere meetdatum in.'],
      [/not a date/, 'Dit is geen geldige datum.'],
      [/is out of range \((\d{4})-\d{2}(?:-\d{2})? to (\d{4})-\d{2}(?:-\d{2})?\)/, (m) => 'Dit jaartal kan niet. Kies een jaar van ' + m[1] + ' tot en met ' + m[2] + '.'],
      [/leading zero/, 'Schrijf het getal zonder 0 ervoor.'],
      [/more than (\d) decimals/, (m) => 'Gebruik hoogstens ' + m[1] + ' cijfers na de komma.'],
      [/must be a whole number/, 'Vul een heel getal in.'],
      [/no table for municipality/, 'Voor deze gemeente zijn er geen gegevens.'],
      [/Participatiewet applies from 18/, 'De bijstand geldt vanaf 18 jaar.']
    ];
    for (const [re, text] of rules) {
      const m = re.exec(msg);
      if (m) return typeof text === 'function' ? text(m) : text;
    }
    return 'Controleer dit gegeven.';
  }

  function clearErrors() {
    document.querySelectorAll('#form .field-error').forEach((p) => p.remove());
    document.querySelectorAll('#form [aria-invalid]').forEach((e) => {
      e.removeAttribute('aria-invalid');
      const d = (e.getAttribute('aria-describedby') || '').split(' ')
        .filter((x) => x && !x.endsWith('-error')).join(' ');
      if (d) e.setAttribute('aria-describedby', d); else e.removeAttribute('aria-describedby');
    });
    document.querySelectorAll('#form .has-error').forEach((e) => e.classList.remove('has-error'));
    const sum = $('error-summary');
    sum.hidden = true;
    clear(sum.querySelector('ul'));
  }

  /* errors: [{id, msg, detail?}]; id may be null (summary only). */
  function showErrors(errors) {
    clearErrors();
    const sum = $('error-summary');
    const list = sum.querySelector('ul');
    const seen = new Set();
    for (const e of errors) {
      const target = e.id ? $(e.id) : null;
      if (target && !seen.has(e.id)) {
        seen.add(e.id);
        const pid = e.id + '-error';
        const p = el('p', { class: 'field-error', id: pid },
          el('span', { class: 'visually-hidden' }, 'Fout: '), e.msg,
          e.detail ? el('span', { class: 'detail', lang: 'en' }, ' (' + e.detail + ')') : null);
        /* Open a collapsed "Meer keuzes" that holds the field. */
        const det = target.closest('details');
        if (det) det.open = true;
        let box;
        if (target.tagName === 'FIELDSET') {
          box = target;
          target.querySelector('legend').after(p);
        } else {
          box = target.closest('.field') || target.closest('fieldset') || target.parentNode;
          const before = target.closest('.euro') || target;
          before.parentNode.insertBefore(p, before);
        }
        box.classList.add('has-error');
        const inputs = target.tagName === 'FIELDSET' ? target.querySelectorAll('input') : [target];
        for (const inp of inputs) {
          inp.setAttribute('aria-invalid', 'true');
          const d = inp.getAttribute('aria-describedby');
          inp.setAttribute('aria-describedby', (d ? d + ' ' : '') + pid);
        }
      }
      const label = e.id ? labelText(e.id) : '';
      list.appendChild(el('li', {},
        e.id && target ? el('a', { href: '#' + e.id, onclick: (ev) => { ev.preventDefault(); focusField(e.id); } },
          (label ? label + ': ' : '') + e.msg) : e.msg + (e.detail ? ' (' + e.detail + ')' : '')));
    }
    sum.hidden = false;
    sum.focus();
  }

  function labelText(id) {
    const target = $(id);
    if (!target) return '';
    if (target.tagName === 'FIELDSET') return target.querySelector('legend').textContent.trim();
    const l = document.querySelector('label[for="' + id + '"]');
    if (l) return l.textContent.trim();
    return target.getAttribute('aria-label') || '';
  }

  function focusField(id) {
    const t = $(id);
    if (!t) return;
    const f = t.tagName === 'FIELDSET' ? t.querySelector('input') : t;
    f.focus();
  }

  /* --- the answer --- */

  const ITEM_LABEL = {
    gross_wage: 'Brutoloon',
    holiday_pay: 'Vakantiegeld van de werkgever (bruto)',
    loonheffing: 'Loonheffing',
    net_wage: 'Nettoloon',
    bijstand_norm: 'Bijstandsnorm',
    vrijlating: 'Vrijlating (inkomen dat u mag houden)',
    bijstand_entitled: 'Recht op bijstand',
    bijstand_paid: 'Bijstand betaald',
    bijstand_holiday_allowance_paid: 'Vakantietoeslag bij de bijstand',
    zorgtoeslag_entitled: 'Recht op zorgtoeslag',
    zorgtoeslag_paid: 'Zorgtoeslag betaald (voorschot)',
    huurtoeslag_entitled: 'Recht op huurtoeslag',
    huurtoeslag_paid: 'Huurtoeslag betaald (voorschot)',
    wmo_eigen_bijdrage: 'Eigen bijdrage Wmo',
    recovery_collected: 'Terugbetaald',
    received: 'Ontvangen',
    set_aside: 'Apart zetten',
    safe_to_spend: 'Veilig te besteden',
    lks: 'Loonkostensubsidie (gaat naar de werkgever)',
    bijstand_holiday_allowance_reserved: 'Vakantietoeslag bijstand opgebouwd',
    reserve_released: 'Gebruikt uit wat apart stond'
  };

  const STATUS_LABEL = {
    bijstand: 'bijstand',
    trial: 'proefplaatsing',
    work: 'werk',
    fallback: 'terug naar bijstand'
  };

  const RECOVERY_LABEL = {
    bijstand: 'Bijstand',
    zorgtoeslag: 'Zorgtoeslag',
    huurtoeslag: 'Huurtoeslag',
    inkomstenbelasting: 'Inkomstenbelasting'
  };

  const WHO_LABEL = { resident: 'U', consultant: 'De consulent', employer: 'De werkgever' };
  const KIND_LABEL = { beschut: 'beschut werk', banenafspraak: 'baan uit de banenafspraak', regulier: 'gewone baan' };
  const LKV_LABEL = {
    none: 'geen', banenafspraak: 'doelgroep banenafspraak', arbeidsgehandicapt: 'arbeidsgehandicapte werknemer',
    herplaatst: 'herplaatsen arbeidsgehandicapte werknemer'
  };

  /* Table columns: label, items explained, value of a month. */
  const COLUMNS = [
    { key: 'net', label: 'Nettoloon', items: ['net_wage', 'gross_wage', 'holiday_pay', 'loonheffing'], value: (m) => m.net_wage },
    { key: 'bijstand', label: 'Bijstand', items: ['bijstand_paid', 'bijstand_holiday_allowance_paid', 'bijstand_norm', 'vrijlating', 'bijstand_entitled'], value: (m) => m.bijstand_paid + m.bijstand_holiday_allowance_paid },
    { key: 'toeslagen', label: 'Toeslagen', items: ['zorgtoeslag_paid', 'huurtoeslag_paid', 'zorgtoeslag_entitled', 'huurtoeslag_entitled'], value: (m) => m.zorgtoeslag_paid + m.huurtoeslag_paid },
    { key: 'minus', label: 'Eraf: Wmo en terugbetalen', items: ['wmo_eigen_bijdrage', 'recovery_collected'], value: (m) => -(m.wmo_eigen_bijdrage + m.recovery_collected) },
    { key: 'received', label: 'Ontvangen', items: ['received'], value: (m) => m.received },
    { key: 'set_aside', label: 'Apart zetten', items: ['set_aside'], value: (m) => m.set_aside },
    { key: 'safe', label: 'Veilig te besteden', items: ['safe_to_spend', 'received', 'set_aside'], value: (m) => m.safe_to_spend, strong: true }
  ];
  const SAFE = COLUMNS[COLUMNS.length - 1];

  function renderAnswer(res, scenario) {
    lastResult = res;
    lastScenario = scenario;
    traceCache.clear();
    $('answer-empty').hidden = true;
    $('answer-body').hidden = false;
    $('headline').textContent = res.headline;
    const n = res.scenario.months.length;
    const g = res.total_gain;
    $('subline').textContent = g === 0
      ? 'Over ' + n + ' maanden houdt u evenveel over.'
      : 'Over ' + n + ' maanden is dat samen ' + euro(Math.abs(g)) + (g > 0 ? ' meer' : ' minder') +
        ' dan zonder deze baan. Dat is wat u veilig kunt uitgeven, na wat u apart moet zetten.';

    /* Recoveries: what comes back, when, and how to avoid it. */
    const rec = $('recoveries');
    clear(rec);
    for (const r of res.recoveries) {
      const period = /^\d{4}$/.test(r.for_period) ? r.for_period : monthLong(r.for_period);
      rec.appendChild(el('li', {},
        el('p', { class: 'rec-head' },
          el('strong', {}, (RECOVERY_LABEL[r.kind] || r.kind) + ' over ' + period + ': ' + euro(r.amount))),
        el('p', {}, 'U krijgt de brief naar verwachting in ' + monthLong(r.expected) +
          '. Zet het geld apart vanaf ' + monthLong(r.set_aside_in) + '.'),
        r.avoidable_by ? el('p', { class: 'avoid' }, el('strong', {}, 'Zo voorkomt u het: '), r.avoidable_by) : null));
    }
    $('recoveries-box').hidden = res.recoveries.length === 0;
    if (!res.recoveries.length) {
      /* Say it explicitly: no news is not always good news. */
      $('recoveries-box').hidden = false;
      rec.appendChild(el('li', { class: 'none' }, 'Met deze gegevens verwachten we geen terugvordering.'));
    }

    const acts = $('actions');
    clear(acts);
    const sorted = res.actions.slice().sort((a, b) => a.before.localeCompare(b.before));
    for (const a of sorted) {
      acts.appendChild(el('li', {},
        el('span', { class: 'when' }, 'Vóór ' + dateLong(a.before)),
        el('span', { class: 'who' }, WHO_LABEL[a.who] || a.who),
        el('span', { class: 'what' }, a.text)));
    }

    const notes = $('notes');
    clear(notes);
    for (const w of res.warnings) {
      if (/_recovery$/.test(w.code)) continue;   /* shown with the recoveries */
      if (w.code === 'projected_values') continue;   /* shown in the banner */
      notes.appendChild(el('li', {}, w.text));
    }
    $('notes-box').hidden = !notes.children.length;
    renderProjected(res);

    renderChart(res);
    renderTable(res);
    renderSweep(scenario);

    const t = res.tables;
    $('tables-info').textContent = 'Berekend met de tabellen van ' + t.version +
      ' (sha256 ' + t.sha256.slice(0, 16) + '…).' +
      (t.provisional && t.provisional.length
        ? ' Een paar bedragen zijn nog niet officieel bevestigd; de uitkomst kan nog iets veranderen.'
        : '');
    const job = scenario.job;
    const kind = KIND_LABEL[job.kind];
    $('print-meta').textContent = 'Berekening van ' + dateLong(todayIso()) + '. ' + 'Baan: ' + kind + ', ' + numberNl(job.hours_per_week) + ' uur per week, vanaf ' +
      dateLong(job.start) + '. ' + (scenario.municipality ? 'Gemeente: ' + municipalityName(scenario.municipality) + '.' : '');
  }

  /* The banner for amounts that are not published yet: what, from when, and the
   * value that stands in for it. Shown on screen and in print. */
  function renderProjected(res) {
    const text = $('projected-text');
    const list = $('projected-list');
    clear(text);
    clear(list);
    for (const w of res.warnings) {
      if (w.code === 'projected_values') text.appendChild(el('p', {}, w.text));
    }
    const values = (res.tables && res.tables.projected_values) || [];
    for (const v of values) {
      const shown = v.unit === 'scale' ? '' : ': nu ' + unitValue(v.value, v.unit);
      list.appendChild(el('li', {}, v.description + shown + ' (bekend vanaf ' + dateLong(v.published_from) +
        '; het nieuwe bedrag vanaf ' + dateLong(v.missing_from) + ' is nog niet bekend)'));
    }
    if (values.length) {
      text.appendChild(el('p', {}, 'In de tabel staat bij die maanden ',
        el('span', { class: 'voorlopig-mark' }, 'voorlopig'), '.'));
    }
    $('projected-box').hidden = values.length === 0;
  }

  /* --- the chart --- */

  const SERIES = [
    { key: 'salary', label: 'Nettoloon', items: ['net_wage', 'gross_wage', 'loonheffing', 'holiday_pay'], value: (m) => m.net_wage, fill: 'url(#p-salary)', swatch: 'salary' },
    { key: 'bijstand', label: 'Bijstand', items: ['bijstand_paid', 'bijstand_holiday_allowance_paid', 'bijstand_entitled'], value: (m) => m.bijstand_paid + m.bijstand_holiday_allowance_paid, fill: 'url(#p-bijstand)', swatch: 'bijstand' },
    { key: 'toeslagen', label: 'Toeslagen', items: ['zorgtoeslag_paid', 'huurtoeslag_paid', 'zorgtoeslag_entitled', 'huurtoeslag_entitled'], value: (m) => m.zorgtoeslag_paid + m.huurtoeslag_paid, fill: 'url(#p-toeslagen)', swatch: 'toeslagen' }
  ];

  function patternDefs() {
    return svg('defs', {},
      svg('pattern', { id: 'p-salary', width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
        svg('rect', { width: 8, height: 8, fill: '#1d4e89' })),
      svg('pattern', { id: 'p-bijstand', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 8, height: 8, fill: '#a84b00' }),
        svg('rect', { width: 3, height: 8, fill: '#f3c9a4' })),
      svg('pattern', { id: 'p-toeslagen', width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
        svg('rect', { width: 8, height: 8, fill: '#2f6b36' }),
        svg('circle', { cx: 4, cy: 4, r: 1.6, fill: '#cfe8d2' })));
  }

  function niceStep(max) {
    const raw = max / 5;
    const mag = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    for (const f of [1, 2, 2.5, 5, 10]) if (raw <= f * mag) return f * mag;
    return 10 * mag;
  }

  function renderLegend() {
    const lg = $('legend');
    clear(lg);
    for (const s of SERIES) {
      const sw = svg('svg', { width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true', focusable: 'false' },
        patternDefsFor(s.swatch), svg('rect', { x: 1, y: 1, width: 16, height: 16, fill: 'url(#lg-' + s.swatch + ')', stroke: '#222', 'stroke-width': 1 }));
      lg.appendChild(el('span', { class: 'legend-item' }, sw, s.label));
    }
    const line = svg('svg', { width: 22, height: 18, viewBox: '0 0 22 18', 'aria-hidden': 'true', focusable: 'false' },
      svg('line', { x1: 1, y1: 9, x2: 21, y2: 9, stroke: '#111', 'stroke-width': 3 }));
    lg.appendChild(el('span', { class: 'legend-item' }, line, 'Veilig te besteden'));
  }

  /* Legend swatches need their own pattern ids (one SVG each). */
  function patternDefsFor(kind) {
    const d = patternDefs();
    for (const p of Array.from(d.children)) {
      const id = p.getAttribute('id').replace('p-', 'lg-');
      if (id === 'lg-' + kind) p.setAttribute('id', id); else p.remove();
    }
    return d;
  }

  function renderChart(res) {
    renderLegend();
    const box = $('chart');
    clear(box);
    const sc = res.scenario.months;
    const bl = res.baseline.months;
    const n = sc.length;
    const ml = 78, mr = 12, mt = 14, mb = n <= 12 ? 52 : 38;
    const gw = Math.max(30, Math.min(120, Math.floor(720 / n)));
    const W = ml + mr + gw * n;
    const H = 340;
    const ph = H - mt - mb;
    const stack = (m) => SERIES.reduce((a, s) => a + Math.max(0, s.value(m)), 0);
    let max = 0;
    for (let i = 0; i < n; i++) {
      max = Math.max(max, stack(sc[i]), stack(bl[i]), sc[i].safe_to_spend, bl[i].safe_to_spend);
    }
    const step = niceStep(max || 100000);
    const top = Math.ceil((max || 1) / step) * step;
    const y = (v) => mt + ph - (v / top) * ph;

    const avg = res.average_gain;
    const root = svg('svg', {
      viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img',
      'aria-labelledby': 'svg-title svg-desc', class: 'wallet-chart', id: 'wallet-chart'
    });
    root.appendChild(svg('title', { id: 'svg-title' }, 'Wat er elke maand binnenkomt, zonder en met de baan'));
    root.appendChild(svg('desc', { id: 'svg-desc' },
      'Staafdiagram over ' + n + ' maanden, van ' + monthLong(sc[0].month) + ' tot en met ' +
      monthLong(sc[n - 1].month) + '. Gemiddeld houdt u met de baan ' + euro(Math.abs(avg)) +
      (avg >= 0 ? ' meer' : ' minder') + ' per maand over. De bedragen staan ook in de tabel hieronder.'));
    root.appendChild(patternDefs());

    /* Grid and euro axis. */
    for (let v = 0; v <= top + 1; v += step) {
      root.appendChild(svg('line', { x1: ml, x2: W - mr, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }));
      root.appendChild(svg('text', { x: ml - 8, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, euroWhole(v)));
    }

    const bw = Math.min(32, Math.floor(gw * 0.34));
    for (let i = 0; i < n; i++) {
      const x0 = ml + i * gw + (gw - 2 * bw - 4) / 2;
      const runs = [['baseline', bl[i], x0, 'zonder baan'], ['scenario', sc[i], x0 + bw + 4, 'met baan']];
      for (const [run, m, x, name] of runs) {
        let acc = 0;
        const g = svg('g', { class: 'bar ' + run });
        for (const s of SERIES) {
          const v = Math.max(0, s.value(m));
          if (v <= 0) continue;
          const r = svg('rect', {
            x, y: y(acc + v), width: bw, height: Math.max(1, y(acc) - y(acc + v)),
            fill: s.fill, class: 'seg seg-' + s.key,
            'data-run': run, 'data-month': m.month, 'data-series': s.key
          }, svg('title', {}, monthLong(m.month) + ', ' + name + ': ' + s.label.toLowerCase() + ' ' + euro(v)));
          r.addEventListener('click', () => openExplain(run, m.month, s.items,
            s.label + ', ' + monthLong(m.month) + ' (' + name + ')'));
          g.appendChild(r);
          acc += v;
        }
        const ys = y(Math.max(0, m.safe_to_spend));
        const mark = svg('line', { x1: x - 3, x2: x + bw + 3, y1: ys, y2: ys, class: 'safe' },
          svg('title', {}, monthLong(m.month) + ', ' + name + ': veilig te besteden ' + euro(m.safe_to_spend)));
        mark.addEventListener('click', () => openExplain(run, m.month, ['safe_to_spend', 'received', 'set_aside'],
          'Veilig te besteden, ' + monthLong(m.month) + ' (' + name + ')'));
        g.appendChild(mark);
        root.appendChild(g);
        if (n <= 12) {
          root.appendChild(svg('text', { x: x + bw / 2, y: H - mb + 14, 'text-anchor': 'middle', class: 'runlabel' },
            run === 'baseline' ? 'nu' : 'baan'));
        }
      }
      const { mo } = monthParts(sc[i].month);
      const label = (i === 0 || mo === 1) ? monthShort(sc[i].month) : MONTHS_SHORT[mo - 1];
      root.appendChild(svg('text', { x: ml + i * gw + gw / 2, y: H - mb + (n <= 12 ? 32 : 16), 'text-anchor': 'middle', class: 'tick' }, label));
    }
    box.appendChild(root);
  }

  /* --- the month table --- */

  function amountButton(run, month, col, value) {
    return el('button', {
      type: 'button', class: 'amount' + (value < 0 ? ' neg' : ''),
      'data-run': run, 'data-month': month, 'data-col': col.key,
      'aria-label': col.label + ' ' + monthLong(month) + (run === 'baseline' ? ' zonder baan' : '') + ': ' + euro(value) + '. Uitleg openen',
      onclick: (ev) => openExplain(run, month, col.items, col.label + ', ' + monthLong(month) + (run === 'baseline' ? ' (zonder baan)' : ''), ev.currentTarget)
    }, euro(value));
  }

  function renderTable(res) {
    const t = $('months-table');
    clear(t);
    t.appendChild(el('caption', { class: 'visually-hidden' },
      'Bedragen per maand met de baan, en wat u zonder de baan veilig kunt uitgeven'));
    /* What can be spent first (with and without the job), then where it comes from. */
    const breakdown = COLUMNS.filter((c) => c !== SAFE);
    const head = el('tr', {}, el('th', { scope: 'col' }, 'Maand'),
      el('th', { scope: 'col', class: 'num' }, 'Veilig te besteden met baan'),
      el('th', { scope: 'col', class: 'num' }, 'Zonder baan'),
      el('th', { scope: 'col', class: 'num' }, 'Verschil'),
      breakdown.map((c) => el('th', { scope: 'col', class: 'num' }, c.label)));
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
          el('span', { class: 'status' }, STATUS_LABEL[m.status] || m.status,
            m.recovery_collected > 0 ? el('strong', { class: 'flag' }, ' ! terugbetalen') : null)),
        el('td', { class: 'num strong' }, amountButton('scenario', m.month, SAFE, m.safe_to_spend)),
        el('td', { class: 'num' }, amountButton('baseline', b.month, SAFE, b.safe_to_spend)),
        el('td', { class: 'num diff' }, (diff > 0 ? '+' : '') + euro(diff)),
        breakdown.map((c) => el('td', { class: 'num' }, amountButton('scenario', m.month, c, c.value(m))))));
    }
    t.appendChild(body);
    const tot = res.scenario.totals;
    const btot = res.baseline.totals;
    t.appendChild(el('tfoot', {}, el('tr', {},
      el('th', { scope: 'row' }, 'Totaal'),
      el('td', { class: 'num' }, euro(tot.safe_to_spend)),
      el('td', { class: 'num' }, euro(btot.safe_to_spend)),
      el('td', { class: 'num' }, (res.total_gain > 0 ? '+' : '') + euro(res.total_gain)),
      breakdown.map((c) => el('td', { class: 'num' }, euro(c.value(tot)))))));
  }

  /* --- explanations (the trace) --- */

  function tracedMonth(month) {
    if (!traceCache.has(month)) {
      traceCache.set(month, api('POST', 'simulate', 'trace=1&month=' + encodeURIComponent(month), lastScenario));
    }
    return traceCache.get(month);
  }

  async function openExplain(run, month, items, title, trigger) {
    const dlg = $('explain');
    const body = $('explain-body');
    explainReturn = trigger || document.activeElement;
    $('explain-title').textContent = 'Zo is dit berekend: ' + title;
    clear(body);
    body.appendChild(el('p', { class: 'hint' }, 'Even rekenen…'));
    if (!dlg.open) dlg.showModal();
    $('explain-close').focus();
    const r = await tracedMonth(month);
    clear(body);
    if (r.status !== 200 || !r.json) {
      traceCache.delete(month);
      body.appendChild(el('p', { class: 'field-error' }, 'De uitleg kon niet worden opgehaald. Probeer het opnieuw.'));
      return;
    }
    const m = r.json[run].months.find((x) => x.month === month);
    const traces = (m && m.traces) || {};
    let shown = 0;
    for (const item of items) {
      const tr = traces[item];
      if (!tr) continue;
      shown++;
      const sec = el('section', { class: 'trace' },
        el('h3', {}, (ITEM_LABEL[item] || item) + ': ' + euro(m[item])),
        tr.rule ? el('p', {}, el('strong', {}, 'Regel: '), tr.rule) : null,
        tr.formula ? el('p', {}, el('strong', {}, 'Berekening: '), tr.formula) : null);
      if (tr.inputs && tr.inputs.length) {
        sec.appendChild(el('table', { class: 'trace-table' },
          el('caption', {}, 'Gegevens'),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Wat'), el('th', { scope: 'col', class: 'num' }, 'Waarde'))),
          el('tbody', {}, tr.inputs.map((x) => el('tr', {}, el('td', {}, x.name), el('td', { class: 'num' }, unitValue(x.value, x.unit)))))));
      }
      if (tr.parameters && tr.parameters.length) {
        sec.appendChild(el('table', { class: 'trace-table' },
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
      body.appendChild(sec);
    }
    if (!shown) body.appendChild(el('p', {}, 'Voor dit bedrag is geen uitleg beschikbaar.'));
  }

  function closeExplain() {
    const dlg = $('explain');
    if (dlg.open) dlg.close();
  }

  /* --- the hours sweep: the same scenario at 8 to 40 hours, a small chart --- */

  let sweepRun = 0;

  async function renderSweep(scenario) {
    const run = ++sweepRun;
    const box = $('sweep-box');
    const hours = [];
    for (let h = 8; h <= 40; h += 4) hours.push(h);
    const points = [];
    for (const h of hours) {
      const s = JSON.parse(JSON.stringify(scenario));
      s.job.hours_per_week = h;
      const r = await api('POST', 'simulate', '', s);
      if (run !== sweepRun) return;          /* a newer answer replaced this one */
      if (r.status !== 200 || !r.json) {
        box.hidden = true;
        return;
      }
      points.push({ hours: h, gain: r.json.average_gain });
    }
    drawSweep(points, Number(scenario.job.hours_per_week));
    box.hidden = false;
  }

  function drawSweep(points, chosen) {
    const chart = $('sweep-chart');
    clear(chart);
    const w = 560, h = 220, ml = 78, mr = 14, mt = 12, mb = 40;
    const gains = points.map((p) => p.gain);
    let lo = Math.min(0, ...gains), hi = Math.max(0, ...gains);
    if (hi === lo) hi = lo + 10000;
    const step = niceStep((hi - lo) / 100) * 100;
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;
    const x = (hrs) => ml + (hrs - 8) / 32 * (w - ml - mr);
    const y = (c) => mt + (hi - c) / (hi - lo) * (h - mt - mb);
    const g = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, role: 'img',
      'aria-label': 'Gemiddeld meer per maand dan zonder baan, per aantal uren per week' });
    for (let v = lo; v <= hi; v += step) {
      g.appendChild(svg('line', { x1: ml, x2: w - mr, y1: y(v), y2: y(v), stroke: v === 0 ? '#222' : '#ccc', 'stroke-width': v === 0 ? 1.5 : 1 }));
      g.appendChild(svg('text', { x: ml - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11 }, euroWhole(v)));
    }
    for (const p of points) {
      g.appendChild(svg('text', { x: x(p.hours), y: h - mb + 16, 'text-anchor': 'middle', 'font-size': 11 }, String(p.hours)));
    }
    g.appendChild(svg('text', { x: (ml + w - mr) / 2, y: h - 6, 'text-anchor': 'middle', 'font-size': 12 }, 'uren per week'));
    g.appendChild(svg('polyline', { fill: 'none', stroke: '#1d4e89', 'stroke-width': 3,
      points: points.map((p) => x(p.hours) + ',' + y(p.gain)).join(' ') }));
    for (const p of points) {
      const mine = p.hours === chosen;
      g.appendChild(svg('circle', { cx: x(p.hours), cy: y(p.gain), r: mine ? 6 : 3.5,
        fill: mine ? '#a84b00' : '#1d4e89', stroke: '#fff', 'stroke-width': 1 }));
    }
    chart.appendChild(g);
    const table = $('sweep-table');
    clear(table);
    table.appendChild(el('caption', { class: 'visually-hidden' }, 'Gemiddeld meer per maand per aantal uren'));
    table.appendChild(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Uren per week'),
      ...points.map((p) => el('th', { scope: 'col' }, String(p.hours) + (p.hours === chosen ? ' (uw baan)' : ''))))));
    table.appendChild(el('tbody', {}, el('tr', {}, el('th', { scope: 'row' }, 'Per maand meer'),
      ...points.map((p) => el('td', {}, euro(p.gain))))));
  }

  /* --- submit --- */

  async function onSubmit(ev) {
    ev.preventDefault();
    const { scenario, errors } = collect();
    if (errors.length) {
      showErrors(errors);
      return;
    }
    clearErrors();
    const btn = $('submit');
    btn.disabled = true;
    btn.textContent = 'Bezig met rekenen…';
    $('status').textContent = 'Bezig met rekenen…';
    $('answer').setAttribute('aria-busy', 'true');
    const r = await api('POST', 'simulate', '', scenario);
    btn.disabled = false;
    btn.textContent = 'Bereken';
    $('answer').removeAttribute('aria-busy');
    $('status').textContent = r.status === 200 ? 'De uitkomst staat klaar.' : 'Er is iets mis met de gegevens.';
    if (r.status === 200 && r.json) {
      serviceError('');
      renderAnswer(r.json, scenario);
      const h = $('answer-title');
      h.setAttribute('tabindex', '-1');
      h.focus();
      return;
    }
    if (r.status === 422 && r.json && r.json.error) {
      showServerErrors(r.json.error, 'months');
      return;
    }
    serviceError(r.status === 0
      ? 'De rekenmodule is niet bereikbaar. Controleer of de server draait.'
      : 'Er ging iets mis bij het rekenen (' + r.status + '). ' +
        (r.json && r.json.error ? r.json.error.message : ''));
  }

  /* Field errors from the server (JSON paths) next to the fields. */
  function showServerErrors(error, fallbackId) {
    const list = error.problems && error.problems.length ? error.problems
      : [{ field: error.field, message: error.message }];
    showErrors(list.map((p) => {
      let id = fieldFor(p.field);
      if (!id && error.code === 'no_value') id = fallbackId;
      return { id, msg: dutchMessage(p.message, error.code), detail: p.message };
    }));
  }

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
      return dutchMessage(e.message, e.code) + ' (' + (e.field ? e.field + ': ' : '') + e.message + ')';
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

  function fillProducts() {
    if (!tables) return;
    const id = $('municipality').value || 'default';
    const names = new Set();
    for (const m of tables.municipalities) {
      if (m.id === id || m.id === 'default') m.products.forEach((p) => names.add(p));
    }
    for (const [box, side] of [['muni-before', 'before'], ['muni-after', 'after']]) {
      const div = $(box);
      const checked = new Set(Array.from(div.querySelectorAll('input:checked')).map((x) => x.value));
      clear(div);
      if (!names.size) {
        div.appendChild(el('p', { class: 'hint' }, 'De tabel van deze gemeente noemt geen trajecten.'));
        continue;
      }
      for (const name of Array.from(names).sort()) {
        const iid = side + '-' + name;
        div.appendChild(el('label', { class: 'check', for: iid },
          el('input', { type: 'checkbox', id: iid, value: name, checked: checked.has(name) }), ' ' + productLabel(name)));
      }
    }
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
    const out = $('muni-result');
    clear(out);
    out.appendChild(el('p', { class: 'hint' }, 'Bezig met rekenen…'));
    const r = await api('POST', 'municipality', q.toString(), scenario);
    clear(out);
    if (r.status !== 200 || !r.json) {
      const p = $('muni-error');
      p.textContent = serverErrorText(r);
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
      (res.lks ? '' : ' Zonder loonkostensubsidie gerekend (geen loonwaarde ingevuld).')));
    out.appendChild(tableOf('Kosten voor de gemeente per maand',
      ['Maand', 'Bijstand zonder baan', 'Dagbesteding', 'Trajecten', 'Totaal zonder baan', 'Bijstand met baan',
        'Loonkostensubsidie', 'Dagbesteding met baan', 'Begeleiding en trajecten', 'Totaal met baan', 'Verschil', 'Opgeteld'],
      res.months.map((m) => [monthShort(m.month), euro(m.bijstand_before), euro(m.dagbesteding_before), euro(m.products_before),
        euro(m.cost_before), euro(m.bijstand_after), euro(m.lks), euro(m.dagbesteding_after), euro(m.products_after),
        euro(m.cost_after), euro(m.saving), euro(m.cumulative_saving)]),
      ['Totaal', '', '', '', euro(tot.cost_before), '', '', '', '', euro(tot.cost_after), euro(tot.saving), '']));
    const prices = el('ul', { class: 'sources' });
    if (res.dagdeel_price_source) {
      prices.appendChild(el('li', {}, 'Dagbesteding: ' + euro(res.dagdeel_price) + ' per dagdeel. Bron: ' + res.dagdeel_price_source.source));
    }
    for (const p of res.products) {
      prices.appendChild(el('li', {}, productLabel(p.name) + (p.after ? ' (met baan)' : ' (zonder baan)') + ': ' +
        euro(p.month_price) + ' per maand, samen ' + euro(p.total) + '. Bron: ' + (p.source ? p.source.source : '')));
    }
    if (prices.children.length) {
      out.appendChild(el('h3', {}, 'Prijzen'));
      out.appendChild(prices);
    }
  }

  /* --- start --- */

  async function loadTables() {
    const r = await api('GET', 'tables');
    if (r.status !== 200 || !r.json) {
      serviceError('De rekenmodule is niet bereikbaar. Controleer of de server draait.');
      return;
    }
    tables = r.json;
    const sel = $('municipality');
    const keep = sel.value;
    for (const m of tables.municipalities) {
      if (m.default) continue;
      sel.appendChild(el('option', { value: m.id }, municipalityName(m.id)));
    }
    sel.value = keep;
    $('footer-tables').textContent = 'Tabellen van ' + tables.version + ', ' + tables.documents.length +
      ' documenten, sha256 ' + tables.sha256.slice(0, 16) + '…';
  }

  function init() {
    initTabs();
    $('form').addEventListener('submit', onSubmit);
    $('employer-form').addEventListener('submit', onEmployer);
    $('muni-form').addEventListener('submit', onMunicipality);
    for (const id of ['composition', 'trial', 'forfait']) $(id).addEventListener('change', updateVisibility);
    document.querySelectorAll('input[name=wage_mode]').forEach((r) => r.addEventListener('change', updateVisibility));
    $('municipality').addEventListener('change', fillProducts);
    $('add-child').addEventListener('click', () => { addChild(''); childInputs().slice(-1)[0].focus(); });
    $('print').addEventListener('click', () => window.print());
    $('explain-close').addEventListener('click', closeExplain);
    $('explain').addEventListener('close', () => {
      if (explainReturn && document.contains(explainReturn)) explainReturn.focus();
    });
    /* A click on the backdrop closes the dialog. */
    $('explain').addEventListener('click', (e) => { if (e.target === $('explain')) closeExplain(); });
    setDateDefaults();
    updateVisibility();
    loadTables();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
