/* base.js - the helpers every part of the page uses: elements without parsing HTML,
 * Dutch formatting, input parsing, dates, the state and the API (api/...).
 * Plain JavaScript, no libraries, no build step: the page loads base.js,
 * answer.js, chart.js, explain.js, tabs.js and app.js in that order (classic
 * scripts share their top-level names). Nothing is stored: no cookies, no
 * localStorage. */
'use strict';

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
  let t = String(text).replace(/[\s€\u00a0]/g, '').replace(/^eur/i, '').replace(/[,.]-{1,2}$/, '');
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
  return new RegExp('^\\d+([.,]\\d{1,' + maxDecimals + '})?$').test(String(s).trim());
}

/* A date that is a real date and has a plausible year: a typo such as 0202
 * gets its own message. Returns null when fine, else the message. */
function dateProblem(s) {
  if (!/^\d{4,}-\d{2}-\d{2}$/.test(s)) return 'Dit is geen geldige datum.';
  const y = Number(s.slice(0, s.indexOf('-')));
  if (y < 1900 || y > 2100) {
    return 'Het jaartal ' + s.slice(0, s.indexOf('-')) + ' klopt niet. Schrijf het jaar met vier cijfers, bijvoorbeeld ' +
      todayIso().slice(0, 4) + '.';
  }
  return isDate(s) ? null : 'Dit is geen geldige datum.';
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
