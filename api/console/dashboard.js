// The authority's dashboard: quality per dataset over its last scans (lines, from
// /v1/reports/quality-trend), on-time share and reopen rate per agency (bars, from
// /v1/reports/on-time, with the figures as tables), open and overdue tasks per agency (bars,
// counted from the task list: the API has no such report figure), and the newest scan's
// progress, followed while it runs. Each part loads on its own; one that
// fails (or that the role may not read) says so in place.
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);
  const SCANS = 10;
  const AWAITING = ['open', 'in_progress', 'extension_requested', 'reopened'];
  const COUNT_CAP = 5000;
  const POLL_MS = 2000;

  function part(key, title) {
    const body = h('div', { class: 'part-body' }, h('p', { class: 'status' }, t('common.loading')));
    const el = h('section', { class: 'card part', dataset: { part: key } }, h('h2', {}, title), body);
    return { el, body };
  }

  // Each dataset's score over its own last scans: a dataset an incremental scan did not touch
  // keeps its points. The categories are the scans any dataset has a point for, in time order.
  async function quality(p, reference) {
    const trend = await JH.api.qualityTrend({ scans: SCANS });
    const scans = new Map();
    for (const d of trend.datasets) for (const pt of d.points) scans.set(pt.scan_id, pt.at);
    const order = [...scans.entries()].sort((a, b) => Date.parse(a[1]) - Date.parse(b[1]) || a[0] - b[0]);
    if (!order.length) return JH.dom.replace(p.body, h('p', {}, t('dash.quality.empty')));
    const series = trend.datasets.map((d) => {
      const at = new Map(d.points.map((pt) => [pt.scan_id, pt.share_passing]));
      return { name: JH.views.datasetTitle(reference, d.dataset_id), data: order.map(([id]) => (at.has(id) ? at.get(id) : null)) };
    });
    JH.dom.clear(p.body);
    await JH.charts.mount(p.body, JH.charts.lines('quality', t('dash.quality'),
      order.map(([id, at]) => '#' + id + ' ' + JH.format.date(at)), series, true));
  }

  function period(ctx) {
    const from = ctx.query.get('from') || '', to = ctx.query.get('to') || '';
    return from && to ? { from, to } : {};
  }

  async function onTime(p, reference, ctx, report) {
    const form = h('form', { class: 'filters inline' },
      JH.dom.field(t('dash.ontime.from'), h('input', { id: 'ontime-from', name: 'from', type: 'date', value: report.from })),
      JH.dom.field(t('dash.ontime.to'), h('input', { id: 'ontime-to', name: 'to', type: 'date', value: report.to })),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, t('common.apply'))));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      ctx.navigate('#/dashboard?from=' + encodeURIComponent(form.elements.from.value) + '&to=' + encodeURIComponent(form.elements.to.value));
    });
    JH.dom.replace(p.body, form);
    const rows = report.agencies;
    if (!rows.length) return p.body.append(h('p', {}, t('dash.ontime.empty')));
    const names = rows.map((a) => JH.views.agencyName(reference, a.agency));
    await JH.charts.mount(p.body, JH.charts.bars('ontime', t('dash.ontime', { from: report.from, to: report.to }), names,
      [{ name: t('dash.share'), data: rows.map((a) => a.on_time_share) }], true));
    p.body.append(JH.dom.table(null, [t('dash.agency'), t('dash.received'), t('dash.answered'), t('dash.on_time'),
      t('dash.share'), t('dash.overdue'), t('dash.extended'), t('dash.avg_days')],
    rows.map((a, i) => ({ attrs: { dataset: { agency: a.agency } }, cells: [names[i], JH.format.number(a.received),
      JH.format.number(a.answered), JH.format.number(a.answered_on_time), JH.format.share(a.on_time_share),
      JH.format.number(a.overdue), JH.format.number(a.extended),
      a.average_working_days_to_answer === null ? '—' : Number(a.average_working_days_to_answer).toFixed(1)] }))));
  }

  // Corrections the next scans found again, per agency, over the same period as on-time.
  async function reopen(p, reference, ctx, report) {
    JH.dom.clear(p.body);
    const rows = report.agencies.filter((a) => a.corrections > 0 || a.correction_not_effective > 0);
    if (!rows.length) return p.body.append(h('p', {}, t('dash.reopen.empty', { from: report.from, to: report.to })));
    const names = rows.map((a) => JH.views.agencyName(reference, a.agency));
    await JH.charts.mount(p.body, JH.charts.bars('reopen', t('dash.reopen.chart', { from: report.from, to: report.to }), names,
      [{ name: t('dash.reopen.rate'), data: rows.map((a) => a.reopen_rate) }], true));
    p.body.append(JH.dom.table(null, [t('dash.agency'), t('dash.reopen.corrections'), t('dash.reopen.found_again'),
      t('dash.reopen.rate'), t('dash.reopen.not_effective'), t('dash.reopen.orders_open'), t('dash.reopen.orders_overdue')],
    rows.map((a, i) => ({ attrs: { dataset: { agency: a.agency } }, cells: [names[i], JH.format.number(a.corrections),
      JH.format.number(a.corrections_found_again), JH.format.share(a.reopen_rate), JH.format.number(a.correction_not_effective),
      JH.format.number(a.rectification_orders ? a.rectification_orders.open : null),
      JH.format.number(a.rectification_orders ? a.rectification_orders.overdue : null)] })), { class: 'data reopen' }));
  }

  // The API has no per-agency count of the tasks open now (the on-time report counts tasks
  // received in a period), so they are counted from the queue, page by page, up to COUNT_CAP.
  async function taskCounts(p, reference) {
    const by = new Map();
    let seen = 0, capped = false;
    for (const status of AWAITING) {
      let cursor = null;
      do {
        const page = await JH.api.tasks({ status, limit: 200, cursor });
        for (const task of page.items) {
          const c = by.get(task.assignee) || { open: 0, overdue: 0, rectify: 0 };
          c.open++;
          if (task.overdue) c.overdue++;
          if (task.kind === 'rectify') c.rectify++;
          by.set(task.assignee, c);
        }
        seen += page.items.length;
        cursor = page.next_cursor;
        if (seen >= COUNT_CAP && cursor) { capped = true; cursor = null; }
      } while (cursor);
      if (capped) break;
    }
    const codes = [...by.keys()].sort();
    JH.dom.clear(p.body);
    if (!codes.length) return p.body.append(h('p', {}, t('dash.tasks.empty')));
    const names = codes.map((c) => JH.views.agencyName(reference, c));
    await JH.charts.mount(p.body, JH.charts.bars('tasks', t('dash.tasks'), names, [
      { name: t('dash.tasks.open'), data: codes.map((c) => by.get(c).open) },
      { name: t('dash.tasks.overdue'), data: codes.map((c) => by.get(c).overdue) },
      { name: t('dash.tasks.rectify'), data: codes.map((c) => by.get(c).rectify) }], false));
    if (capped) p.body.append(h('p', { class: 'hint' }, t('dash.tasks.capped', { n: COUNT_CAP })));
  }

  function scanLines(scan, reference) {
    const pr = scan.progress || {};
    const c = scan.counts || {};
    const lines = [h('p', {}, t('dash.scan.line', { id: scan.id, mode: JH.i18n.label('mode', scan.mode),
      status: JH.i18n.label('status', scan.status), at: JH.format.instant(scan.started_at) }))];
    if (scan.status === 'running') {
      lines.push(h('progress', { max: String(pr.datasets_total || 1), value: String(pr.datasets_done || 0),
        'aria-label': t('dash.scan') }));
      lines.push(h('p', {}, t('dash.scan.progress', { done: pr.datasets_done || 0, total: pr.datasets_total || 0,
        rows: JH.format.number(pr.rows_scanned || 0), dataset: JH.views.datasetTitle(reference, pr.dataset) || '—',
        phase: JH.i18n.label('phase', pr.phase) || '—' })));
    } else if (scan.status === 'succeeded') {
      lines.push(h('p', {}, t('dash.scan.counts', { new: c.findings_new || 0, seen: c.findings_seen || 0,
        resolved: c.findings_resolved || 0, reopened: c.findings_reopened || 0 })));
    } else if (scan.error) {
      lines.push(h('p', { class: 'error' }, t('dash.scan.error', { error: scan.error })));
    }
    return lines;
  }

  async function scanProgress(p, reference, ctx) {
    const page = await JH.api.scans({ limit: 1 });
    if (!page.items.length) return JH.dom.replace(p.body, h('p', {}, t('dash.scan.none')));
    let scan = page.items[0];
    JH.dom.replace(p.body, scanLines(scan, reference));
    let timer = null, stopped = false;
    ctx.onCleanup(() => { stopped = true; clearTimeout(timer); });
    const follow = async () => {
      if (stopped || scan.status !== 'running') return;
      try {
        scan = await JH.api.scan(scan.id);
        if (!stopped) JH.dom.replace(p.body, scanLines(scan, reference));
      } catch (e) { /* the next poll tries again */ }
      if (!stopped && scan.status === 'running') timer = setTimeout(follow, POLL_MS);
    };
    if (scan.status === 'running') timer = setTimeout(follow, POLL_MS);
  }

  async function render(main, params, ctx) {
    const reference = await ctx.reference();
    const parts = {
      scan: part('scan', t('dash.scan')),
      quality: part('quality', t('dash.quality')),
      ontime: part('ontime', t('nav.dashboard')),
      reopen: part('reopen', t('dash.reopen')),
      tasks: part('tasks', t('dash.tasks'))
    };
    parts.ontime.el.querySelector('h2').textContent = t('dash.share');
    main.append(h('h1', { tabindex: '-1' }, t('dash.title')), h('div', { class: 'dashboard' },
      Object.values(parts).map((p) => p.el)));
    // One on-time report feeds both of its parts.
    const report = JH.api.onTime(period(ctx));
    const run = (p, fn, input) => Promise.resolve(input).then((x) => fn(p, reference, ctx, x))
      .catch((e) => JH.dom.replace(p.body, ctx.errorBox(e)));
    await Promise.all([run(parts.scan, scanProgress), run(parts.quality, quality), run(parts.ontime, onTime, report),
      run(parts.reopen, reopen, report), run(parts.tasks, taskCounts)]);
    main.dataset.ready = 'dashboard';
  }

  JH.screens = JH.screens || {};
  JH.screens.dashboard = { roles: ['authority', 'admin'], render };
})(window.JH = window.JH || {});
