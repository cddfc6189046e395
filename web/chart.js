/* chart.js - the wallet chart (bars per month, the claim below the line, one tab
 * stop) and the small chart of the hours sweep.
 * Plain JavaScript, no libraries, no build step: the page loads base.js,
 * answer.js, chart.js, explain.js, tabs.js and app.js in that order (classic
 * scripts share their top-level names). Nothing is stored: no cookies, no
 * localStorage. */
'use strict';

/* --- the chart --- */

const SERIES = [
  { key: 'salary', label: 'Nettoloon', parts: ['net_wage'], items: ['net_wage', 'gross_wage', 'loonheffing', 'holiday_pay'], value: (m) => m.net_wage, fill: 'url(#p-salary)', swatch: 'salary' },
  { key: 'bijstand', label: 'Bijstand', parts: ['bijstand_paid', 'bijstand_holiday_allowance_paid'], items: ['bijstand_paid', 'bijstand_holiday_allowance_paid', 'bijstand_entitled'], value: (m) => m.bijstand_paid + m.bijstand_holiday_allowance_paid, fill: 'url(#p-bijstand)', swatch: 'bijstand' },
  { key: 'toeslagen', label: 'Toeslagen', parts: ['zorgtoeslag_paid', 'huurtoeslag_paid', 'toeslagen_nabetaling'], items: ['zorgtoeslag_paid', 'huurtoeslag_paid', 'toeslagen_nabetaling', 'zorgtoeslag_entitled', 'huurtoeslag_entitled'], value: (m) => m.zorgtoeslag_paid + m.huurtoeslag_paid + (m.toeslagen_nabetaling || 0), fill: 'url(#p-toeslagen)', swatch: 'toeslagen' }
];
/* The claim itself: what is paid back in a month, drawn below the zero line. */
const CLAIM = { key: 'claim', label: 'Terugbetalen en schulden', parts: ['recovery_collected', 'debt_taken'], items: ['recovery_collected', 'debt_taken', 'debt_free_amount'], value: (m) => m.recovery_collected + (m.debt_taken || 0) };

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
  const claim = svg('svg', { width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { x: 1, y: 1, width: 16, height: 16, fill: '#b00020', stroke: '#222', 'stroke-width': 1 }));
  lg.appendChild(el('span', { class: 'legend-item' }, claim, 'Terugbetalen en schulden (onder de lijn)'));
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
  /* Wide enough per month that the labels never touch; a long overview
   * scrolls sideways inside its box instead of shrinking the text. */
  const ml = 78, mr = 12, mt = 14, mb = 40;
  const gw = Math.max(60, Math.min(120, Math.floor(720 / n)));
  const W = ml + mr + gw * n;
  const H = 360;
  const stack = (m) => SERIES.reduce((a, s) => a + Math.max(0, s.value(m)), 0);
  let max = 0, low = 0;
  for (let i = 0; i < n; i++) {
    max = Math.max(max, stack(sc[i]), stack(bl[i]), sc[i].safe_to_spend, bl[i].safe_to_spend);
    low = Math.max(low, CLAIM.value(sc[i]), CLAIM.value(bl[i]));
  }
  const step = niceStep(max || 100000);
  const top = Math.ceil((max || 1) / step) * step;
  const bottom = low > 0 ? Math.ceil(low / step) * step : 0;
  const ph = H - mt - mb;
  const y = (v) => mt + ((top - v) / (top + bottom)) * ph;

  const avg = res.steady ? res.steady.gain : res.average_gain;
  const root = svg('svg', {
    viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'group',
    'aria-labelledby': 'svg-title', 'aria-describedby': 'svg-desc', class: 'wallet-chart', id: 'wallet-chart'
  });
  root.appendChild(svg('title', { id: 'svg-title' }, 'Wat er elke maand binnenkomt, zonder en met de baan'));
  root.appendChild(svg('desc', { id: 'svg-desc' },
    'Staafdiagram over ' + n + ' maanden, van ' + monthLong(sc[0].month) + ' tot en met ' +
    monthLong(sc[n - 1].month) + '. In een gewone maand houdt u met de baan ' + euro(Math.abs(avg)) +
    (avg >= 0 ? ' meer' : ' minder') + ' over. De bedragen staan ook in de tabel hieronder.'));
  root.appendChild(patternDefs());

  /* Grid and euro axis. */
  for (let v = -bottom; v <= top + 1; v += step) {
    root.appendChild(svg('line', { x1: ml, x2: W - mr, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }));
    root.appendChild(svg('text', { x: ml - 8, y: y(v) + 4, 'text-anchor': 'end', class: 'tick', 'aria-hidden': 'true' }, euroWhole(v)));
  }

  const bw = Math.min(32, Math.floor(gw * 0.34));
  const part = (x, y0, h, fill, cls, run, m, s, name, v) => {
    const r = svg('rect', {
      x, y: y0, width: bw, height: Math.max(1, h), fill, class: 'seg ' + cls,
      'data-run': run, 'data-month': m.month, 'data-series': s.key,
      role: 'button', tabindex: '-1',
      'aria-label': monthLong(m.month) + ', ' + name + ': ' + s.label.toLowerCase() + ' ' + euro(v) + '. Uitleg openen'
    }, svg('title', {}, monthLong(m.month) + ', ' + name + ': ' + s.label.toLowerCase() + ' ' + euro(v)));
    const open = () => openExplain(run, m.month, s, s.label + ', ' + monthLong(m.month) + ' (' + name + ')', r);
    r.addEventListener('click', open);
    r.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      }
    });
    return r;
  };
  const columns = [];
  for (let i = 0; i < n; i++) {
    const x0 = ml + i * gw + (gw - 2 * bw - 4) / 2;
    const runs = [['baseline', bl[i], x0, 'zonder baan'], ['scenario', sc[i], x0 + bw + 4, 'met baan']];
    for (const [run, m, x, name] of runs) {
      let acc = 0;
      const g = svg('g', { class: 'bar ' + run });
      const focusables = [];
      for (const s of SERIES) {
        const v = Math.max(0, s.value(m));
        if (v <= 0) continue;
        const r = part(x, y(acc + v), y(acc) - y(acc + v), s.fill, 'seg-' + s.key, run, m, s, name, v);
        g.appendChild(r);
        focusables.push(r);
        acc += v;
      }
      if (CLAIM.value(m) > 0) {
        const r = part(x, y(0), y(-CLAIM.value(m)) - y(0), '#b00020', 'seg-claim', run, m, CLAIM, name, CLAIM.value(m));
        g.appendChild(r);
        focusables.push(r);
      }
      const ys = y(Math.max(0, m.safe_to_spend));
      const mark = svg('line', { x1: x - 3, x2: x + bw + 3, y1: ys, y2: ys, class: 'safe' },
        svg('title', {}, monthLong(m.month) + ', ' + name + ': veilig te besteden ' + euro(m.safe_to_spend)));
      mark.addEventListener('click', () => openExplain(run, m.month, SAFE,
        'Veilig te besteden, ' + monthLong(m.month) + ' (' + name + ')'));
      g.appendChild(mark);
      root.appendChild(g);
      columns.push(focusables);
      if (n <= 12) {
        root.appendChild(svg('text', { x: x + bw / 2, y: H - mb + 14, 'text-anchor': 'middle', class: 'runlabel', 'aria-hidden': 'true' },
          run === 'baseline' ? 'nu' : 'baan'));
      }
    }
    const { mo } = monthParts(sc[i].month);
    const label = (i === 0 || mo === 1) ? monthShort(sc[i].month) : MONTHS_SHORT[mo - 1];
    root.appendChild(svg('text', { x: ml + i * gw + gw / 2, y: H - mb + (n <= 12 ? 30 : 18), 'text-anchor': 'middle', class: 'tick month-label', 'aria-hidden': 'true' }, label));
  }
  box.appendChild(root);
  /* One tab stop: left and right go from bar to bar, up and down within a bar. */
  const bars = columns.filter((c) => c.length);
  rovingGrid(root, () => bars.map((c) => c.slice().reverse()).reduce((rows, c, i) => {
    c.forEach((r, k) => { (rows[k] = rows[k] || [])[i] = r; });
    return rows;
  }, []).map((row) => row.filter(Boolean)));
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
    points.push({ hours: h, gain: r.json.steady ? r.json.steady.gain : r.json.average_gain });
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
