/* answer.js - the answer: the headline and what is under it, the recoveries,
 * the actions, the notes, the inputs on paper and the banner for voorlopige bedragen.
 * Plain JavaScript, no libraries, no build step: the page loads base.js,
 * answer.js, chart.js, explain.js, tabs.js and app.js in that order (classic
 * scripts share their top-level names). Nothing is stored: no cookies, no
 * localStorage. */
'use strict';

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
  toeslagen_nabetaling: 'Nabetaling toeslagen (na de definitieve berekening)',
  wmo_eigen_bijdrage: 'Eigen bijdrage Wmo',
  recovery_collected: 'Terugbetaald',
  received: 'Ontvangen',
  set_aside: 'Apart zetten',
  safe_to_spend: 'Veilig te besteden',
  lks: 'Loonkostensubsidie (gaat naar de werkgever)',
  bijstand_holiday_allowance_reserved: 'Vakantietoeslag bijstand opgebouwd',
  reserve_released: 'Gebruikt uit wat apart stond',
  partner_gross: 'Bruto inkomen partner',
  partner_net: 'Netto inkomen partner',
  partner_vrijlating: 'Vrijlating partner',
  kinderbijslag: 'Kinderbijslag (SVB, per kwartaal)',
  kindgebonden_budget_entitled: 'Recht op kindgebonden budget',
  kindgebonden_budget_paid: 'Kindgebonden budget betaald (voorschot)',
  iack: 'Combinatiekorting terug (belasting)',
  iit: 'Individuele inkomenstoeslag van de gemeente',
  kwijtschelding: 'Kwijtschelding gemeentelijke belastingen',
  lokale_pas: 'Lokale pas of meedoenregeling',
  gemeentepolis: 'Korting collectieve zorgverzekering (gemeentepolis)',
  armoedeval: 'Armoedeval: wat u nu niet meer van de gemeente krijgt',
  wajong_entitled: 'Recht op Wajong (bruto)',
  wajong_gross: 'Wajong betaald (bruto: voorschot en nabetaling)',
  wajong_net: 'Wajong netto',
  wajong_holiday_pay: 'Vakantiegeld van de Wajong (bruto)',
  debt_free_amount: 'Wat u mag houden (beslagvrije voet of vrij te laten bedrag)',
  debt_taken: 'Ingehouden voor schulden'
};

const STATUS_LABEL = {
  bijstand: 'bijstand',
  trial: 'proefplaatsing',
  work: 'werk',
  fallback: 'terug naar bijstand'
};

/* With a Wajong the months without work are on the Wajong, not on bijstand. */
function statusLabel(status, res) {
  const wajong = res.baseline.totals.wajong_net > 0;
  if (wajong && status === 'bijstand') return 'Wajong';
  if (wajong && status === 'fallback') return 'terug naar de Wajong';
  return STATUS_LABEL[status] || status;
}

const RECOVERY_LABEL = {
  bijstand: 'Bijstand',
  zorgtoeslag: 'Zorgtoeslag',
  huurtoeslag: 'Huurtoeslag',
  inkomstenbelasting: 'Inkomstenbelasting',
  kindgebonden_budget: 'Kindgebonden budget',
  wajong: 'Wajong (UWV)'
};

const WHO_LABEL = { resident: 'U', consultant: 'De consulent', employer: 'De werkgever' };
const KIND_LABEL = { beschut: 'beschut werk', banenafspraak: 'baan uit de banenafspraak', regulier: 'gewone baan' };
const WAJONG_LABEL = { owajong: 'oude Wajong', wajong2010: 'Wajong 2010', wajong2015: 'Wajong 2015, duurzaam geen arbeidsvermogen' };
const LKV_LABEL = {
  none: 'geen', banenafspraak: 'doelgroep banenafspraak', arbeidsgehandicapt: 'arbeidsgehandicapte werknemer',
  herplaatst: 'herplaatsen arbeidsgehandicapte werknemer'
};

/* Table columns: label, items explained, value of a month. */
const COLUMNS = [
  { key: 'net', label: 'Nettoloon', parts: ['net_wage'], items: ['net_wage', 'gross_wage', 'holiday_pay', 'loonheffing'], value: (m) => m.net_wage },
  { key: 'bijstand', label: 'Bijstand', parts: ['bijstand_paid', 'bijstand_holiday_allowance_paid'], items: ['bijstand_paid', 'bijstand_holiday_allowance_paid', 'bijstand_entitled', 'bijstand_norm', 'vrijlating'], value: (m) => m.bijstand_paid + m.bijstand_holiday_allowance_paid },
  { key: 'toeslagen', label: 'Toeslagen', parts: ['zorgtoeslag_paid', 'huurtoeslag_paid', 'toeslagen_nabetaling'], items: ['zorgtoeslag_paid', 'huurtoeslag_paid', 'toeslagen_nabetaling', 'zorgtoeslag_entitled', 'huurtoeslag_entitled'], value: (m) => m.zorgtoeslag_paid + m.huurtoeslag_paid + (m.toeslagen_nabetaling || 0) },
  { key: 'minus', label: 'Eraf: Wmo en terug\u00adbetalen', parts: ['wmo_eigen_bijdrage', 'recovery_collected'], items: ['wmo_eigen_bijdrage', 'recovery_collected'], value: (m) => -(m.wmo_eigen_bijdrage + m.recovery_collected) },
  { key: 'received', label: 'Ontvangen', parts: ['received'], items: ['received', 'iit', 'kwijtschelding', 'lokale_pas', 'gemeentepolis', 'armoedeval'], value: (m) => m.received },
  { key: 'set_aside', label: 'Apart zetten', parts: ['set_aside'], items: ['set_aside'], value: (m) => m.set_aside },
  { key: 'safe', label: 'Veilig te besteden', parts: ['safe_to_spend'], items: ['safe_to_spend', 'received', 'set_aside'], value: (m) => m.safe_to_spend, strong: true }
];
const SAFE = COLUMNS[COLUMNS.length - 1];
/* Shown only when the partner has an income of their own. */
/* Shown only when the resident has a Wajong. */
const WAJONG = { key: 'wajong', label: 'Wajong', parts: ['wajong_net'], items: ['wajong_net', 'wajong_gross', 'wajong_holiday_pay', 'wajong_entitled'], value: (m) => m.wajong_net || 0 };
/* Shown only with debts (household.debts): what the beslag or the Wsnp takes. */
const DEBTS = { key: 'debts', label: 'Eraf: schulden', parts: ['debt_taken'], items: ['debt_taken', 'debt_free_amount'], value: (m) => -(m.debt_taken || 0) };
const PARTNER = { key: 'partner', label: 'Netto partner', parts: ['partner_net'], items: ['partner_net', 'partner_gross', 'partner_vrijlating'], value: (m) => m.partner_net || 0 };
/* Shown only when there is money for the children: kinderbijslag, kindgebonden
 * budget and the combinatiekorting that comes back with the tax assessment. */
const KIDS = {
  key: 'kids', label: 'Kinderen', parts: ['kinderbijslag', 'kindgebonden_budget_paid', 'iack'],
  items: ['kinderbijslag', 'kindgebonden_budget_paid', 'kindgebonden_budget_entitled', 'iack'],
  value: (m) => (m.kinderbijslag || 0) + (m.kindgebonden_budget_paid || 0) + (m.iack || 0)
};

function renderAnswer(res, scenario) {
  lastResult = res;
  lastScenario = scenario;
  traceCache.clear();
  $('answer-empty').hidden = true;
  $('answer-body').hidden = false;
  $('headline').textContent = res.headline;
  renderSubline(res);

  /* Recoveries: what comes back, when, and how to avoid it. */
  const rec = $('recoveries');
  clear(rec);
  for (const r of res.recoveries) {
    const period = /^\d{4}$/.test(r.for_period) ? r.for_period : monthLong(r.for_period);
    rec.appendChild(el('li', {},
      el('p', { class: 'rec-head' },
        el('strong', {}, (RECOVERY_LABEL[r.kind] || r.kind) + ' over ' + period + ': ' + euro(r.amount) +
          (r.projected ? ' (voorlopig)' : ''))),
      el('p', {}, 'U krijgt de brief naar verwachting in ' + monthLong(r.expected) + '.' +
        (r.within_voet ? '' : ' Zet het geld apart vanaf ' + monthLong(r.set_aside_in) + '.')),
      r.offset ? el('p', {}, 'Eerst verrekend met de vakantietoeslag: ' + euro(r.offset) + '.') : null,
      r.within_voet ? el('p', {}, 'Door uw schulden wordt dit alleen betaald van wat boven de beslagvrije voet ligt.') : null,
      r.instalment ? el('p', {}, 'Terugbetalen in termijnen van ' + euro(r.instalment) + ' per maand, ' +
        monthLong(r.collected) + ' tot en met ' + monthLong(r.paid_off) + '.') : null,
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

  /* Each warning once: the same kind in several months is one line, with the
   * other months named. */
  const notes = $('notes');
  clear(notes);
  const byCode = new Map();
  for (const w of res.warnings) {
    if (/_recovery$/.test(w.code)) continue;   /* shown with the recoveries */
    if (w.code === 'projected_values') continue;   /* shown in the banner */
    const k = w.code + '|' + w.text.replace(/\d[\d.,]*/g, '#').replace(/(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/g, 'M');
    if (byCode.has(k)) {
      if (w.month) byCode.get(k).months.push(w.month);
      continue;
    }
    byCode.set(k, { text: w.text, months: [] });
  }
  for (const { text, months: more } of byCode.values()) {
    notes.appendChild(el('li', {}, text + (more.length
      ? ' Dit geldt ook voor ' + more.map(monthLong).join(', ') + '.' : '')));
  }
  $('notes-box').hidden = !notes.children.length;
  renderLocal(res);
  renderProjected(res);

  renderChart(res);
  renderTable(res);
  renderSweep(scenario);

  const t = res.tables;
  $('tables-info').textContent = 'Berekend met de regels en bedragen van ' + dateLong(t.version) + '.' +
    (t.provisional && t.provisional.length
      ? ' Een paar bedragen zijn nog niet officieel bevestigd; de uitkomst kan nog iets veranderen.'
      : '');
  const job = scenario.job;
  const kind = KIND_LABEL[job.kind];
  $('print-meta').textContent = 'Berekening van ' + dateLong(todayIso()) + '. ' + 'Baan: ' + kind + ', ' + numberNl(job.hours_per_week) + ' uur per week, vanaf ' +
    dateLong(job.start) + '. ' + (scenario.municipality ? 'Gemeente: ' + municipalityName(scenario.municipality) + '.' : '');
  renderInputs(scenario);
}

/* The municipality's schemes for a low income, and the month the income goes
 * above their limit (the armoedeval). */
function renderLocal(res) {
  const ul = $('local-list');
  clear(ul);
  for (const ls of res.local_schemes || []) {
    const limit = ls.limit_percent_of_norm === null
      ? 'inkomensgrens niet bekend, dus niet meegerekend'
      : 'bij een inkomen tot ' + numberNl(ls.limit_percent_of_norm) + '% van de bijstandsnorm (nu ' + euro(ls.limit) + ' per maand)';
    const value = (ls.year_value === null ? 'bedrag niet bekend' : euro(ls.year_value) + ' per jaar') +
      (ls.entered ? ' (door u ingevuld)' : '');
    const lost = (res.armoedeval || []).find((a) => a.scheme === ls.scheme);
    ul.appendChild(el('li', {}, el('strong', {}, ls.label.charAt(0).toUpperCase() + ls.label.slice(1)), ': ' + value + ', ' + limit + '.',
      lost ? el('span', { class: 'flag' }, ' Met deze baan komt uw inkomen in ' + monthLong(lost.month) + ' boven de grens: dan vervalt deze regeling.') : null));
  }
  $('local-box').hidden = !ul.children.length;
}

/* Under the headline: the first months and the total over the overview. */
function renderSubline(res) {
  const ul = $('subline');
  clear(ul);
  const more = (g) => (g === 0 ? 'evenveel' : euro(Math.abs(g)) + (g > 0 ? ' meer' : ' minder'));
  const f = res.first_months;
  if (res.steady && f) {
    ul.appendChild(el('li', {}, 'De eerste ' + (f.months === 1 ? 'maand' : f.months + ' maanden') + ' (' +
      (f.months === 1 ? monthLong(f.from) : monthLong(f.from) + ' tot en met ' + monthLong(f.until)) +
      ') houdt u gemiddeld ' + more(f.average_gain) + ' per maand over. Daarin zitten de vrijlating, ' +
      'terugbetalen en eenmalige bedragen.'));
  }
  if (res.steady) {
    ul.appendChild(el('li', {}, 'Een gewone maand is vanaf ' + monthLong(res.steady.month) + '.'));
    const s = res.steady;
    if (s.debt_taken || s.baseline_debt_taken) {
      ul.appendChild(el('li', {}, 'Door uw schulden houdt u met de baan ' + euro(s.safe_to_spend) +
        ' per maand te besteden; ' + euro(s.debt_taken) + ' gaat naar de schulden. Zonder schulden hield u ' +
        more(s.gain_without_debts) + ' over dan zonder deze baan.'));
    }
  } else {
    ul.appendChild(el('li', {}, 'Er is geen gewone maand met de baan in zicht (bijvoorbeeld omdat het contract stopt). ' +
      'Het bedrag hierboven is een gemiddelde over de maanden van het overzicht.'));
  }
  const n = res.scenario.months.length;
  ul.appendChild(el('li', {}, 'Over de ' + n + ' maanden van dit overzicht (' + monthLong(res.scenario.months[0].month) +
    ' tot en met ' + monthLong(res.scenario.months[n - 1].month) + ') houdt u samen ' + more(res.total_gain) +
    ' over dan zonder deze baan.'));
}

const COMPOSITION_LABEL = { single: 'alleenstaand', couple: 'samenwonend of getrouwd', single_parent: 'alleenstaande ouder' };
const KORTING_LABEL = {
  employer: 'de werkgever', municipality: 'de gemeente, bij de bijstand', both: 'de werkgever én de gemeente'
};

/* The inputs on paper, so that parents can check them. */
function renderInputs(scenario) {
  const dl = $('print-inputs');
  clear(dl);
  const h = scenario.household;
  const job = scenario.job;
  const korting = document.querySelector('input[name=korting]:checked').value;
  const rows = [
    ['Huishouden', COMPOSITION_LABEL[h.composition] + ', geboren in ' + h.birth_date.slice(0, 4) +
      (h.children_birth_dates ? ', ' + h.children_birth_dates.length + (h.children_birth_dates.length === 1 ? ' kind' : ' kinderen') : '') +
      (h.cost_sharers ? ', ' + h.cost_sharers + ' andere volwassene(n) in huis' : '')],
    h.partner_income ? ['Partner', (h.partner_income.kind === 'work' ? 'werkt, ' : 'uitkering of pensioen, ') +
      euro(h.partner_income.gross_per_month) + ' bruto per maand'] : null,
    h.debts ? ['Schulden', (h.debts.regime === 'wsnp' ? 'schuldsanering (Wsnp)' : 'beslag op loon of uitkering') +
      (h.debts.amount ? ', nog ' + euro(h.debts.amount) + ' schuld' : '')] : null,
    /* One row with the vermogen: the print of 12 months has to stay on one A4. */
    ['Huur', (h.rent ? euro(h.rent) + ' per maand (kale huur)' : 'geen huurtoeslag') +
      (h.vermogen !== undefined ? ', vermogen ' + euro(h.vermogen) : '')],
    ['Baan', KIND_LABEL[job.kind] + ', ' + numberNl(job.hours_per_week) + ' uur per week, vanaf ' + dateLong(job.start) +
      (job.end ? ' tot en met ' + dateLong(job.end) : '')],
    ['Loon', job.hourly_wage ? euro(job.hourly_wage) + ' bruto per uur' : 'het minimumloon voor uw leeftijd'],
    ['Loonheffingskorting', 'door ' + KORTING_LABEL[korting]],
    ['Uitkering nu', scenario.before.benefit === 'wajong'
      ? 'Wajong van UWV (' + (WAJONG_LABEL[scenario.before.wajong_regime] || 'Wajong 2010') +
        (scenario.before.wajong_regime !== 'wajong2015' && scenario.before.wajong_arbeidsvermogen === false
          ? ', duurzaam geen arbeidsvermogen' : '') +
        (scenario.before.wajong_loonheffingskorting === false ? ', zonder loonheffingskorting)' : ', met loonheffingskorting)')
      : 'bijstand van de gemeente'],
    ['Dagbesteding nu', scenario.before.dagbesteding_dagdelen_per_week + ' dagdelen per week'],
    ['Gemeente', (scenario.municipality ? municipalityName(scenario.municipality) : 'landelijke regels') +
      (scenario.overrides && Object.keys(scenario.overrides).some((id) => id.startsWith('gemeente.'))
        ? ', met bedragen van de gemeente die u zelf invulde' : '')]
  ];
  for (const [k, v] of rows.filter(Boolean)) {
    dl.appendChild(el('div', {}, el('dt', {}, k), el('dd', {}, v)));
  }
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
