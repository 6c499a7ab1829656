// Charts: each figure is an ECharts chart (canvas, so no markup from data) with the same
// numbers in a table beside it, for keyboards, screen readers and anyone who wants the exact
// figure. Tooltips render as canvas text (renderMode richText), never as HTML. The library
// (700 KB) is fetched only when a page first draws a chart, so the queue and the citizen pages
// never wait for it; the offline report has it inlined.
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const live = new Set();

  function figure(key, title, tableCaption, headers, rows) {
    const canvas = h('div', { class: 'chart', role: 'img', 'aria-label': title });
    const el = h('figure', { class: 'figure', dataset: { figure: key } },
      h('figcaption', {}, title),
      canvas,
      h('details', { class: 'figure-data' }, h('summary', {}, JH.t('common.data_table')),
        JH.dom.table(tableCaption, headers, rows)));
    return { el, canvas };
  }

  function draw(canvas, option) {
    if (!window.echarts) return null;
    const chart = window.echarts.init(canvas, null, { renderer: 'canvas' });
    chart.setOption(Object.assign({
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { left: 56, right: 16, top: 40, bottom: 56, containLabel: true }
    }, option));
    live.add(chart);
    return chart;
  }

  const percentAxis = { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v) => Math.round(v * 100) + '%' } };

  // Lines over categories: series [{name, data: [number|null]}], values 0..1 when percent.
  function lines(key, title, categories, series, percent) {
    const headers = [''].concat(categories);
    const rows = series.map((s) => [s.name].concat(s.data.map((v) => (percent ? JH.format.share(v) : JH.format.number(v)))));
    const f = figure(key, title, title, headers, rows);
    f.draw = () => draw(f.canvas, {
      legend: { type: 'scroll', top: 0 },
      xAxis: { type: 'category', data: categories, boundaryGap: false },
      // Lines show change: the axis starts a little under the lowest value (bars start at 0).
      yAxis: percent ? Object.assign({}, percentAxis, { min: (v) => Math.max(0, Math.floor(v.min * 20 - 1) / 20) })
        : { type: 'value' },
      series: series.map((s) => ({ name: s.name, type: 'line', data: s.data, connectNulls: false, symbolSize: 6 }))
    });
    return f;
  }

  // Bars per category, one series each: [{name, data}].
  function bars(key, title, categories, series, percent) {
    const headers = [''].concat(series.map((s) => s.name));
    const rows = categories.map((c, i) => [c].concat(series.map((s) =>
      (percent ? JH.format.share(s.data[i]) : JH.format.number(s.data[i])))));
    const f = figure(key, title, title, headers, rows);
    f.draw = () => draw(f.canvas, {
      legend: series.length > 1 ? { top: 0 } : undefined,
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 3 ? 30 : 0, width: 120, overflow: 'truncate' } },
      yAxis: percent ? percentAxis : { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ name: s.name, type: 'bar', data: s.data, barMaxWidth: 36 }))
    });
    return f;
  }

  let loading = null;
  function library() {
    if (window.echarts) return Promise.resolve(window.echarts);
    if (!loading) {
      loading = new Promise((resolve, reject) => {
        const meta = document.querySelector('meta[name="jh-chart-library"]');
        const script = document.createElement('script');
        script.src = meta.content;
        script.addEventListener('load', () => resolve(window.echarts));
        script.addEventListener('error', () => { loading = null; reject(new Error(JH.t('common.charts_failed'))); });
        document.head.append(script);
      });
    }
    return loading;
  }

  // Figures are drawn once they are in the page (ECharts needs their size).
  async function mount(container, ...figures) {
    for (const f of figures) container.append(f.el);
    try {
      await library();
    } catch (e) {
      // Without the library the numbers are still there, in each figure's table.
      for (const f of figures) {
        f.canvas.replaceWith(JH.dom.h('p', { class: 'error', role: 'alert' }, e.message));
        f.el.querySelector('details').open = true;
      }
      return figures;
    }
    for (const f of figures) f.chart = f.draw();
    return figures;
  }

  function disposeAll() {
    for (const c of live) c.dispose();
    live.clear();
  }

  window.addEventListener('resize', () => { for (const c of live) c.resize(); });
  JH.charts = { lines, bars, mount, disposeAll };
})(window.JH = window.JH || {});
