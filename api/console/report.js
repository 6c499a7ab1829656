// The quality report of one scan: a pure model from the data of GET /v1/reports/quality (the
// scan and earlier ones, newest first) with the catalogue's titles and the rules' kinds, and
// its drawing. The console's report page and the offline HTML file (`jiaohe report quality
// --html`, /reports/quality.html) both use it; the file carries its data in #report-data.
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);

  function share(part, whole) { return whole > 0 ? part / whole : null; }

  function model(doc) {
    const ref = doc.reference || {};
    const titles = {}, agencyNames = {}, kinds = {};
    for (const d of ref.datasets || []) { titles[d.id] = d.title; agencyNames[d.agency_code] = d.agency_name; }
    for (const r of ref.rules || []) kinds[r.id] = r.kind;
    const scans = doc.scans || [];
    const current = scans[0] || { datasets: [] };
    const previous = scans[1];
    const before = {};
    if (previous) for (const d of previous.datasets) before[d.dataset_id] = d.share_passing;

    const datasets = current.datasets.map((d) => ({
      id: d.dataset_id, title: titles[d.dataset_id] || d.dataset_id, agency: d.agency_code,
      agencyName: agencyNames[d.agency_code] || d.agency_code, rows: d.rows_checked, checks: d.checks,
      failed: d.checks_failed, share: d.share_passing,
      change: before[d.dataset_id] !== undefined && d.share_passing !== null && before[d.dataset_id] !== null
        ? d.share_passing - before[d.dataset_id] : null
    }));

    const byAgency = new Map();
    for (const d of datasets) {
      const a = byAgency.get(d.agency) || { code: d.agency, name: d.agencyName, checks: 0, failed: 0 };
      a.checks += d.checks; a.failed += d.failed;
      byAgency.set(d.agency, a);
    }
    const agencies = [...byAgency.values()].map((a) => Object.assign(a, { share: share(a.checks - a.failed, a.checks) }));

    const rules = [];
    for (const d of current.datasets)
      for (const r of d.rules) rules.push({ rule: r.rule_id, kind: kinds[r.rule_id] || 'unknown', dataset: d.dataset_id,
        title: titles[d.dataset_id] || d.dataset_id, failed: r.rows_failed, share: r.share_passing });
    const worst = rules.filter((r) => r.failed > 0).sort((a, b) => b.failed - a.failed || a.rule.localeCompare(b.rule)).slice(0, 10);

    const kindCounts = new Map();
    for (const r of rules) if (r.failed > 0) kindCounts.set(r.kind, (kindCounts.get(r.kind) || 0) + r.failed);
    const byKind = [...kindCounts.entries()].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));

    // Oldest first for the trend lines; a dataset a scan did not score is a gap.
    const ordered = scans.slice().reverse();
    const ids = [...new Set(ordered.flatMap((s) => s.datasets.map((d) => d.dataset_id)))];
    const trend = {
      scans: ordered.map((s) => ({ id: s.scan_id, at: s.at })),
      series: ids.map((id) => ({ id, name: titles[id] || id,
        data: ordered.map((s) => { const d = s.datasets.find((x) => x.dataset_id === id); return d ? d.share_passing : null; }) }))
    };
    const checks = datasets.reduce((n, d) => n + d.checks, 0);
    const failed = datasets.reduce((n, d) => n + d.failed, 0);
    return { scan: { id: current.scan_id, at: current.at }, generatedAt: doc.generated_at, agency: doc.agency || null,
      summary: { checks, failed, share: share(checks - failed, checks), datasets: datasets.length },
      datasets, agencies, worst, byKind, trend };
  }

  function pct(x) { return JH.format.share(x); }
  function change(x) {
    if (x === null || x === undefined) return '—';
    const p = (x * 100).toFixed(1);
    return (x > 0 ? '+' : '') + p + '%';
  }

  // Draws the report into `container`; resolves to the model once the charts are drawn.
  async function render(container, doc, extra) {
    const m = model(doc);
    const F = JH.format;
    JH.charts.disposeAll();
    const title = h('h1', {}, t('report.title'));
    const meta = h('p', { class: 'meta' },
      t('report.scan', { id: m.scan.id, at: F.instant(m.scan.at) }), ' · ',
      t('report.scope', { agency: m.agency || t('report.scope.all') }),
      m.generatedAt ? [' · ', t('report.generated', { at: F.instant(m.generatedAt) })] : null);
    const summary = h('section', { class: 'summary', 'aria-labelledby': 'r-summary' },
      h('h2', { id: 'r-summary' }, t('report.summary')),
      h('dl', { class: 'facts' },
        h('dt', {}, t('report.col.share')), h('dd', { class: 'big', dataset: { value: 'share' } }, pct(m.summary.share)),
        h('dt', {}, t('report.col.checks')), h('dd', {}, F.number(m.summary.checks)),
        h('dt', {}, t('report.col.failed')), h('dd', {}, F.number(m.summary.failed))));

    const datasetTable = JH.dom.table(t('report.datasets'),
      [t('report.col.dataset'), t('report.col.agency'), t('report.col.rows'), t('report.col.checks'),
        t('report.col.failed'), t('report.col.share'), t('report.col.change')],
      m.datasets.map((d) => ({ attrs: { dataset: { dataset: d.id } },
        cells: [d.title, d.agencyName, F.number(d.rows), F.number(d.checks), F.number(d.failed), pct(d.share), change(d.change)] })));
    const worstTable = m.worst.length
      ? JH.dom.table(null, [t('report.col.rule'), t('report.col.kind'), t('report.col.dataset'),
        t('report.col.rows_failed'), t('report.col.share')],
      m.worst.map((r) => [r.rule, JH.i18n.label('rulekind', r.kind), r.title, F.number(r.failed), pct(r.share)]))
      : h('p', {}, t('report.none'));

    const figures = [
      JH.charts.bars('report-datasets', t('report.datasets'), m.datasets.map((d) => d.title),
        [{ name: t('report.col.share'), data: m.datasets.map((d) => d.share) }], true),
      JH.charts.bars('report-agencies', t('report.col.agency') + ' · ' + t('report.col.share'), m.agencies.map((a) => a.name),
        [{ name: t('report.col.share'), data: m.agencies.map((a) => a.share) }], true),
      JH.charts.lines('report-trend', t('report.trend'), m.trend.scans.map((s) => '#' + s.id + ' ' + F.date(s.at)),
        m.trend.series.map((s) => ({ name: s.name, data: s.data })), true),
      JH.charts.bars('report-kinds', t('report.kinds'), m.byKind.map((k) => JH.i18n.label('rulekind', k.kind)),
        [{ name: t('report.col.count'), data: m.byKind.map((k) => k.count) }], false)
    ];
    const charts = h('div', { class: 'figures' });
    JH.dom.replace(container, extra || null, title, meta, summary, charts,
      h('section', { 'aria-label': t('report.datasets') }, datasetTable),
      h('section', { 'aria-label': t('report.worst') }, h('h2', {}, t('report.worst')), worstTable));
    await JH.charts.mount(charts, ...figures);
    return m;
  }

  // The offline file: its data block, and a language switch of its own.
  function standalone() {
    const data = document.getElementById('report-data');
    const root = document.getElementById('report');
    if (!data || !root) return;
    const doc = JSON.parse(data.textContent);
    const draw = async () => {
      const toggle = h('button', { type: 'button', class: 'lang', lang: JH.i18n.lang === 'zh' ? 'en' : 'zh-CN',
        on: { click: () => { JH.i18n.setLang(JH.i18n.lang === 'zh' ? 'en' : 'zh'); draw(); } } }, t('lang.switch'));
      await render(root, doc, h('div', { class: 'report-bar' }, toggle));
      document.title = t('app.name') + ' · ' + t('report.title') + ' · ' + doc.scan_id;
    };
    JH.i18n.setLang(JH.i18n.lang);
    draw();
  }

  JH.report = { model, render };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', standalone);
  else standalone();
})(window.JH = window.JH || {});
