/* app.js - the switchsim page: the intake, its errors, submitting, and the start.
 * The other parts are in base.js, answer.js, chart.js, explain.js and tabs.js,
 * loaded before this one (classic scripts share their top-level names). Talks only
 * to the API next to it. Nothing is stored: no cookies, no localStorage. */
'use strict';

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
  $('partner-situation-field').hidden = comp !== 'couple';
  const ps = $('partner_situation').value;
  $('partner-gross-field').hidden = comp !== 'couple' || ps === 'none';
  $('partner-net-field').hidden = comp !== 'couple' || ps !== 'benefit';
  $('children-field').hidden = comp === 'single';
  $('debts-amount-field').hidden = $('debts').value !== 'beslag';
  if (comp === 'single_parent' && childInputs().length === 0) addChild('');
  $('trial-fields').hidden = !$('trial').checked;
  $('wajong-fields').hidden = $('benefit').value !== 'wajong';
  $('wajong-dga-field').hidden = $('wajong_regime').value === 'wajong2015';
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
  else if (dateProblem(birth)) err('birth_date', dateProblem(birth));
  else if (first && ageOn(birth, first) < 18) err('birth_date', 'U moet 18 jaar of ouder zijn.');
  else if (first && ageOn(birth, first) > 120) err('birth_date', 'Controleer het geboortejaar.');
  household.birth_date = birth;
  if (comp === 'couple') {
    const pb = val('partner_birth_date');
    if (!pb) err('partner_birth_date', 'Vul de geboortedatum van uw partner in.');
    else if (dateProblem(pb)) err('partner_birth_date', dateProblem(pb));
    else if (first && ageOn(pb, first) < 18) err('partner_birth_date', 'Uw partner moet 18 jaar of ouder zijn.');
    household.partner_birth_date = pb;
    /* The partner's own income counts for the couple's bijstand (art. 32 Pw). */
    const ps = $('partner_situation').value;
    if (ps !== 'none') {
      const income = { kind: ps };
      const g = parseEuro(val('partner_gross'));
      if (g === null || g <= 0) err('partner_gross', 'Vul het bruto inkomen per maand in, bijvoorbeeld 1.500 of 1500,50.');
      else income.gross_per_month = g;
      if (ps === 'benefit') {
        const nt = parseEuro(val('partner_net'));
        if (nt === null || nt <= 0) err('partner_net', 'Vul het netto bedrag per maand in.');
        else income.net_per_month = nt;
      }
      household.partner_income = income;
    }
  }
  if (comp !== 'single') {
    const kids = [];
    for (const input of childInputs()) {
      const v = input.value.trim();
      if (!v) continue;
      if (dateProblem(v)) err(input.id, dateProblem(v));
      else if (first && v > first) err(input.id, 'Deze datum ligt na het begin van het overzicht.');
      kids.push(v);
    }
    if (comp === 'single_parent' && kids.length === 0) {
      err(childInputs()[0] ? childInputs()[0].id : 'add-child',
        'Vul de geboortedatum van minstens één kind in.');
    }
    if (kids.length) household.children_birth_dates = kids;
  }
  const cs = val('cost_sharers') || '0';
  if (!/^\d+$/.test(cs) || Number(cs) > 10) err('cost_sharers', 'Vul een aantal in van 0 tot 10.');
  else household.cost_sharers = Number(cs);
  const rent = parseEuro(val('rent') || '0');
  if (rent === null) err('rent', 'Vul een bedrag in, bijvoorbeeld 650, 650,50 of 700,-.');
  else if (rent > 1000000) err('rent', 'Dit bedrag is te hoog voor huur per maand.');
  else household.rent = rent;
  if (val('vermogen')) {
    const vermogen = parseEuro(val('vermogen'));
    if (vermogen === null) err('vermogen', 'Vul een bedrag in, bijvoorbeeld 5000 of 5.000,50, of laat het leeg.');
    else if (vermogen > 10000000000) err('vermogen', 'Dit bedrag is te hoog.');
    else household.vermogen = vermogen;
  }
  if ($('medical_hour_limit').checked) household.medical_hour_limit = true;
  /* Debts: what the resident keeps is the beslagvrije voet or the vrij te laten bedrag. */
  const regime = $('debts').value;
  if (regime !== 'none') {
    household.debts = { regime };
    const owed = val('debts_amount');
    if (regime === 'beslag' && owed) {
      const a = parseEuro(owed);
      if (a === null || a <= 0) err('debts_amount', 'Vul een bedrag in, bijvoorbeeld 2.500 of 2500,50, of laat het leeg.');
      else if (a > 1000000000) err('debts_amount', 'Dit bedrag is te hoog.');
      else household.debts.amount = a;
    }
  }

  const dag = val('dagdelen');
  let dagdelen = 0;
  if (!/^\d+$/.test(dag) || Number(dag) > 10) err('dagdelen', 'Vul 0 tot 10 dagdelen in.');
  else dagdelen = Number(dag);

  const job = { kind: document.querySelector('input[name=kind]:checked').value };
  const start = val('start');
  if (!start) err('start', 'Vul de eerste werkdag in.');
  else if (dateProblem(start)) err('start', dateProblem(start));
  else if (first && start < first) err('start', 'De eerste werkdag ligt vóór het begin van het overzicht. Kies bij "Meer keuzes" een eerdere maand.');
  else if (last && start > last) err('start', 'De eerste werkdag ligt na het overzicht. Kies bij "Meer keuzes" meer maanden.');
  job.start = start;
  const hours = val('hours');
  if (!decimalOk(hours, 2) || toNumber(hours) < 1 || toNumber(hours) > 40) {
    err('hours', 'Vul 1 tot 40 uur per week in, bijvoorbeeld 24 of 24,5.');
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
    if (dateProblem(until)) err('dagbesteding_until', dateProblem(until));
    else if (first && until < first) err('dagbesteding_until', 'Deze datum ligt vóór het begin van het overzicht.');
    job.dagbesteding_until = until;
  }
  const end = val('end');
  if (end) {
    if (dateProblem(end)) err('end', dateProblem(end));
    else if (start && end < start) err('end', 'De laatste werkdag ligt vóór de eerste.');
    job.end = end;
  }

  /* Who applies the loonheffingskorting: one payer by default (the employer). */
  const korting = document.querySelector('input[name=korting]:checked').value;
  job.loonheffingskorting = korting !== 'municipality';
  const settlement = { municipality_applies_korting: korting !== 'employer' };
  if ($('settlement_method').value) settlement.method = $('settlement_method').value;

  const scenario = {
    version: 1,
    start_month: startMonth,
    months,
    household,
    before: beforeBenefit(dagdelen),
    job,
    settlement,
    toeslagen: { zorgtoeslag: true, huurtoeslag: (household.rent || 0) > 0 }
  };
  const muni = $('municipality').value;
  if (muni) scenario.municipality = muni;
  const overrides = localOverrides(err);
  if (Object.keys(overrides).length) scenario.overrides = overrides;
  return { scenario, errors };
}

/* The municipality's amounts the user knows (Meer keuzes): overrides of the
 * tables' parameters, in cents. A scheme's amount that depends on the
 * household gets the same value under each id; the household uses one. */
const LOCAL_FIELDS = [
  ['local_iit', ['gemeente.iit.amount.single', 'gemeente.iit.amount.single_parent', 'gemeente.iit.amount.couple'], 500000],
  ['local_kwijt', ['gemeente.kwijtschelding.amount.single', 'gemeente.kwijtschelding.amount.multi'], 300000],
  ['local_pas', ['gemeente.pas.value.adult'], 300000],
  ['local_polis', ['gemeente.zorgpolis.discount.adult'], 20000]
];

function localOverrides(err) {
  const out = {};
  for (const [field, ids, max] of LOCAL_FIELDS) {
    const text = val(field);
    if (!text) continue;
    const cents = parseEuro(text);
    if (cents === null) err(field, 'Vul een bedrag in, bijvoorbeeld 250, 250,50 of 250,-.');
    else if (cents > max) err(field, 'Dit bedrag is hoger dan ' + euro(max) + '. Kijk het nog eens na.');
    else for (const id of ids) out[id] = cents;
  }
  return out;
}

/* The benefit now: bijstand, or the Wajong with its regime and who applies the
 * loonheffingskorting. */
function beforeBenefit(dagdelen) {
  const before = { benefit: $('benefit').value, dagbesteding_dagdelen_per_week: dagdelen };
  if (before.benefit === 'wajong') {
    before.wajong_regime = $('wajong_regime').value;
    /* The Wajong 2015 is only for those without arbeidsvermogen; the oude Wajong
     * and the Wajong 2010 ask (art. 3:8b and 2:46 Wet Wajong: 0,75 x (G - I)). */
    if (before.wajong_regime !== 'wajong2015') before.wajong_arbeidsvermogen = !$('wajong_dga').checked;
    before.wajong_loonheffingskorting = $('wajong_korting').checked;
  }
  return before;
}

/* --- errors next to the fields --- */

const FIELD_MAP = [
  ['household.birth_date', 'birth_date'],
  ['household.partner_birth_date', 'partner_birth_date'],
  ['household.partner_income.net_per_month', 'partner_net'],
  ['household.partner_income.gross_per_month', 'partner_gross'],
  ['household.partner_income', 'partner_situation'],
  ['household.debts.amount', 'debts_amount'],
  ['household.debts', 'debts'],
  ['household.children_birth_dates', 'child_0'],
  ['household.cost_sharers', 'cost_sharers'],
  ['household.rent', 'rent'],
  ['household.vermogen', 'vermogen'],
  ['household.composition', 'composition'],
  ['household.medical_hour_limit', 'medical_hour_limit'],
  ['household', 'composition'],
  ['before.wajong_regime', 'wajong_regime'],
  ['before.wajong_arbeidsvermogen', 'wajong_dga'],
  ['before.benefit', 'benefit'],
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
  ['settlement.method', 'settlement_method'],
  ['job.loonwaarde', 'loonwaarde'],
  ['job.dagbesteding_until', 'dagbesteding_until'],
  ['job.loonheffingskorting', 'korting'],
  ['settlement.municipality_applies_korting', 'korting'],
  ['job', 'start'],
  ['municipality', 'municipality'],
  ['start_month', 'start_month'],
  ['months', 'months'],
  ['toeslagen.huurtoeslag', 'rent'],
  ['overrides.gemeente.iit', 'local_iit'],
  ['overrides.gemeente.kwijtschelding', 'local_kwijt'],
  ['overrides.gemeente.pas', 'local_pas'],
  ['overrides.gemeente.zorgpolis', 'local_polis']
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
    const m = /^no value for '([^']*)' on '(\d{4})-(\d{2})-\d{2}'/.exec(msg || '');
    if (m && m[2] + '-' + m[3] < todayIso().slice(0, 7)) {
      /* A month in the past: a value the tables lack, not one still to come. */
      return 'Voor ' + monthLong(m[2] + '-' + m[3]) + ' ontbreekt een bedrag in de tabellen' +
        (/aow/.test(m[1]) ? ' voor mensen met de AOW-leeftijd (de belasting over loon)' : '') +
        '. Kies bij "Meer keuzes" een overzicht dat later begint, bijvoorbeeld vanaf januari ' +
        (Number(m[2]) + 1) + '.';
    }
    if (m) {
      const from = m[2] + '-' + m[3];
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
    [/Participatiewet applies from (\d+)/, (m) => 'De bijstand geldt vanaf ' + m[1] + ' jaar.'],
    [/partner must be (\d+) or older/, (m) => 'Uw partner moet ' + m[1] + ' jaar of ouder zijn.'],
    [/too large|too big|over \d+ KiB/, 'De gegevens zijn te groot om te versturen.'],
    [/out of range/, 'Dit getal is te groot of te klein.'],
    [/must be (a|an) /, 'Dit gegeven heeft niet de goede vorm.']
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
        el('span', { class: 'visually-hidden' }, 'Fout: '), e.msg);
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
        (label ? label + ': ' : '') + e.msg) : e.msg));
  }
  sum.hidden = false;
  sum.focus();
  clearAnswer();
}

/* An old answer never stays next to a new error. */
function clearAnswer() {
  $('answer-body').hidden = true;
  $('answer-empty').hidden = false;
  lastResult = null;
  sweepRun++;
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
  clearAnswer();
  serviceError(r.status === 0
    ? 'De rekenmodule is niet bereikbaar. Controleer of de server draait.'
    : 'Er ging iets mis bij het rekenen (foutcode ' + r.status + '). ' +
      (r.json && r.json.error ? dutchMessage(r.json.error.message, r.json.error.code) : ''));
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
  if (tables.facts && tables.facts.cost_sharer_min_age) {
    $('cs-age').textContent = String(tables.facts.cost_sharer_min_age.value);
  }
  for (const m of tables.municipalities) {
    if (m.default) continue;
    sel.appendChild(el('option', { value: m.id }, municipalityName(m.id)));
  }
  sel.value = keep;
  $('footer-tables').textContent = 'Regels en bedragen van ' + dateLong(tables.version) + ' (' + tables.documents.length +
    ' tabellen, kenmerk ' + tables.sha256.slice(0, 12) + ').';
}

function init() {
  initTabs();
  $('form').addEventListener('submit', onSubmit);
  $('employer-form').addEventListener('submit', onEmployer);
  $('muni-form').addEventListener('submit', onMunicipality);
  for (const id of ['composition', 'trial', 'forfait', 'partner_situation', 'benefit', 'wajong_regime', 'debts']) $(id).addEventListener('change', updateVisibility);
  $('muni-dagdelen').addEventListener('change', fillPrices);
  document.querySelectorAll('input[name=wage_mode]').forEach((r) => r.addEventListener('change', updateVisibility));
  $('municipality').addEventListener('change', fillProducts);
  $('add-child').addEventListener('click', () => { addChild(''); childInputs().slice(-1)[0].focus(); });
  $('print').addEventListener('click', () => window.print());
  /* The skip link to Afdrukken focuses the button (when there is an answer). */
  document.querySelector('a.skip[href="#print"]').addEventListener('click', (e) => {
    e.preventDefault();
    if (!$('answer-body').hidden) $('print').focus();
    else $('submit').focus();
  });
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
