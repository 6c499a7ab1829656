// The quality report in the console: the same drawing as the offline file (report.js), from
// the API, for the scan chosen; and the offline file itself to download.
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);
  const TREND = 12;

  async function render(main, params, ctx) {
    const [page, reference] = await Promise.all([JH.api.quality({ limit: 50 }), ctx.reference()]);
    const container = h('div', { class: 'report' });
    if (!page.items.length) {
      main.append(h('h1', { tabindex: '-1' }, t('report.title')), h('p', {}, t('dash.quality.empty')));
      return;
    }
    const wanted = Number(ctx.query.get('scan')) || page.items[0].scan_id;
    let start = page.items.findIndex((s) => s.scan_id === wanted);
    if (start < 0) start = 0;
    const scans = page.items.slice(start, start + TREND);
    const picker = JH.dom.select('report-scan', page.items.map((s) => [String(s.scan_id),
      '#' + s.scan_id + ' · ' + JH.format.instant(s.at)]), String(scans[0].scan_id));
    picker.addEventListener('change', () => ctx.navigate('#/report?scan=' + encodeURIComponent(picker.value)));
    const status = h('p', { class: 'status', role: 'status' });
    const download = h('button', { type: 'button', class: 'download' }, t('report.download'));
    download.addEventListener('click', async () => {
      download.disabled = true;
      try {
        const html = await JH.api.qualityReportHtml({ scan: scans[0].scan_id });
        const a = h('a', { href: '#/report', download: 'jiaohe-quality-scan-' + scans[0].scan_id + '.html' });
        a.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
        document.body.append(a);
        a.click();
        setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 0);
        status.textContent = t('report.download.done');
      } catch (e) {
        status.textContent = ctx.errorText(e);
      } finally {
        download.disabled = false;
      }
    });
    const bar = h('div', { class: 'report-bar' }, JH.dom.field(t('report.select'), picker), download, status);
    main.append(container);
    await JH.report.render(container, { scan_id: scans[0].scan_id, agency: null, scans, reference }, bar);
    const heading = container.querySelector('h1');
    heading.setAttribute('tabindex', '-1');
    main.dataset.ready = 'report';
  }

  JH.screens = JH.screens || {};
  JH.screens.report = { roles: ['agency', 'authority'], render };
})(window.JH = window.JH || {});
