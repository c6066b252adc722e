/*
 * <mlp-line-chart>: a Chart.js line chart for LineChart.java. The server sets chartTitle, xLabel,
 * yLabel, emptyText, timeAxis and series ([{name, dashed, points: [{x, y}]}], finite and in x
 * order). One Chart lives while the element is attached; new series update it in place.
 *
 * chart.umd.min.js is copied from the chart.js npm package by the build (portal-ui/pom.xml); its
 * UMD wrapper sets globalThis.Chart with every chart type and scale registered.
 */
import './chart.umd.min.js';

const { Chart } = globalThis;

const PROPERTIES = ['chartTitle', 'xLabel', 'yLabel', 'emptyText', 'timeAxis', 'xMin', 'xMax', 'series'];
const COLOURS = ['#1676f3', '#e8590c', '#2f9e44', '#ae3ec9', '#f59f00', '#0c8599'];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [SECOND, 5 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 5 * MINUTE,
  15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 7 * DAY];

/** The smallest round time step that gives at most 8 ticks; a linear scale counts from 1970. */
function timeStep(span) {
  return TIME_STEPS.find((step) => span / step <= 8) ?? Math.ceil(span / 8 / DAY) * DAY;
}

/** UTC like every other time in the portal: 14:05, 14:05:30 or 11-28 14:05. */
function timeLabel(millis, step) {
  const iso = new Date(millis).toISOString(); // 2026-11-28T14:05:30.000Z
  if (step >= DAY) return iso.substring(5, 10);
  if (step >= 12 * HOUR) return `${iso.substring(5, 10)} ${iso.substring(11, 16)}`;
  return iso.substring(11, step < MINUTE ? 19 : 16);
}

const TEMPLATE = `
  <style>
    :host { display: block; position: relative; height: 300px; }
    .plot { position: relative; height: 100%; }
    .empty {
      position: absolute; inset: 40px 0 0 0; display: flex; align-items: center;
      justify-content: center; color: var(--lumo-secondary-text-color, #666);
      font-size: var(--lumo-font-size-s, 14px); pointer-events: none;
    }
    .empty[hidden] { display: none; }
  </style>
  <div class="plot"><canvas role="img"></canvas></div>
  <div class="empty"></div>`;

class MlpLineChart extends HTMLElement {
  constructor() {
    super();
    this.state = { series: [], timeAxis: false };
    this.attachShadow({ mode: 'open' }).innerHTML = TEMPLATE;
    // Vaadin may set properties before this module is loaded: move them onto the accessors.
    for (const name of PROPERTIES) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  connectedCallback() {
    this.refresh();
  }

  disconnectedCallback() {
    this.chart?.destroy();
    this.chart = undefined;
  }

  /** One refresh for all the properties that one server round trip sets. */
  scheduleRefresh() {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.refresh();
    });
  }

  refresh() {
    const series = this.state.series ?? [];
    const empty = this.shadowRoot.querySelector('.empty');
    empty.textContent = this.state.emptyText ?? '';
    empty.hidden = series.some((s) => s.points.length > 0);
    const canvas = this.shadowRoot.querySelector('canvas');
    canvas.setAttribute('aria-label', this.state.chartTitle ?? '');
    if (!this.isConnected) return; // a chart only lives while attached, so disconnect ends it
    if (!this.chart) {
      this.chart = new Chart(canvas, { type: 'line', data: { datasets: this.datasets() }, options: this.options() });
    } else {
      this.chart.data.datasets = this.datasets();
      this.chart.options = this.options();
      this.chart.update('none'); // no animation: a pushed epoch just appears
    }
  }

  datasets() {
    return (this.state.series ?? []).map((s, i) => ({
      label: s.name,
      data: s.points,
      borderColor: COLOURS[i % COLOURS.length],
      backgroundColor: COLOURS[i % COLOURS.length],
      borderDash: s.dashed ? [6, 4] : [],
      borderWidth: 2,
      pointRadius: 3,
    }));
  }

  options() {
    const { chartTitle, xLabel, yLabel, timeAxis, xMin, xMax } = this.state;
    const style = getComputedStyle(this);
    const text = style.getPropertyValue('--lumo-secondary-text-color').trim() || '#666';
    const grid = style.getPropertyValue('--lumo-contrast-10pct').trim() || 'rgba(0,0,0,0.1)';
    // The x range, when set, spans the axis whatever the points cover (charts side by side match).
    const xs = (this.state.series ?? [])
      .flatMap((s) => s.points.map((p) => p.x))
      .concat([xMin, xMax].filter((v) => typeof v === 'number'));
    const step = timeAxis && xs.length ? timeStep(Math.max(...xs) - Math.min(...xs)) : undefined;
    const x = (value) => (timeAxis ? timeLabel(value, step) : value);
    return {
      maintainAspectRatio: false,
      color: text,
      font: { family: style.getPropertyValue('--lumo-font-family').trim() || undefined },
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: {
        title: { display: !!chartTitle, text: chartTitle, align: 'start', color: text },
        legend: { labels: { usePointStyle: true, pointStyle: 'line', pointStyleWidth: 28, color: text } },
        tooltip: { callbacks: { title: (items) => `${xLabel} ${x(items[0].parsed.x)}` } },
      },
      scales: {
        x: {
          type: 'linear',
          title: { display: true, text: timeAxis ? `${xLabel} (UTC)` : xLabel, color: text },
          // Widened to whole steps, so the ticks stay on round times (a step of 3 h counts from 00:00 UTC).
          min: typeof xMin === 'number' ? (step ? Math.floor(xMin / step) * step : xMin) : undefined,
          max: typeof xMax === 'number' ? (step ? Math.ceil(xMax / step) * step : xMax) : undefined,
          ticks: { color: text, precision: timeAxis ? undefined : 0, stepSize: step, callback: x },
          grid: { color: grid },
        },
        y: {
          type: 'linear',
          title: { display: true, text: yLabel, color: text },
          ticks: { color: text },
          grid: { color: grid },
        },
      },
    };
  }
}

for (const name of PROPERTIES) {
  Object.defineProperty(MlpLineChart.prototype, name, {
    get() {
      return this.state[name];
    },
    set(value) {
      this.state[name] = value;
      this.scheduleRefresh();
    },
  });
}

customElements.define('mlp-line-chart', MlpLineChart);
