// The authority's dashboard: quality per dataset over the last scans (lines), on-time share
// per agency (bars), open and overdue tasks per agency (bars, counted from the task list), and
// the newest scan's progress, followed while it runs. Each part loads on its own; one that
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

  async function quality(p, reference) {
    const page = await JH.api.quality({ limit: SCANS });
    const scans = page.items.slice().reverse();
    if (!scans.length) return JH.dom.replace(p.body, h('p', {}, t('dash.quality.empty')));
    const ids = [...new Set(scans.flatMap((s) => s.datasets.map((d) => d.dataset_id)))];
    const series = ids.map((id) => ({ name: JH.views.datasetTitle(reference, id), data: scans.map((s) => {
      const d = s.datasets.find((x) => x.dataset_id === id); return d ? d.share_passing : null; }) }));
    JH.dom.clear(p.body);
    await JH.charts.mount(p.body, JH.charts.lines('quality', t('dash.quality'),
      scans.map((s) => '#' + s.scan_id + ' ' + JH.format.date(s.at)), series, true));
  }

  async function onTime(p, reference, ctx) {
    const from = ctx.query.get('from') || '', to = ctx.query.get('to') || '';
    const report = await JH.api.onTime(from && to ? { from, to } : {});
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

  // The API has no per-agency task counts yet (issue 13), so they are counted from the queue,
  // page by page, up to COUNT_CAP tasks.
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
    JH.dom.replace(parts.reopen.body, h('p', { class: 'slot', dataset: { slot: 'reopen' } }, t('common.not_in_api')));
    main.append(h('h1', { tabindex: '-1' }, t('dash.title')), h('div', { class: 'dashboard' },
      Object.values(parts).map((p) => p.el)));
    const run = (p, fn) => fn(p, reference, ctx).catch((e) => JH.dom.replace(p.body, ctx.errorBox(e)));
    await Promise.all([run(parts.scan, scanProgress), run(parts.quality, quality), run(parts.ontime, onTime),
      run(parts.tasks, taskCounts)]);
    main.dataset.ready = 'dashboard';
  }

  JH.screens = JH.screens || {};
  JH.screens.dashboard = { roles: ['authority', 'admin'], render };
})(window.JH = window.JH || {});
