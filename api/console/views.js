// Small pieces several screens show the same way: a deadline with the working days left, a
// task's marks (overdue, extended, extension asked, provisional), a status, a dataset's title,
// a publication state (Art. 44).
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);

  // "2026-12-05 00:00 · 剩 3 个工作日", marked when overdue.
  function due(dueIso, calendar, opts) {
    if (!dueIso) return h('span', { class: 'due none' }, opts && opts.paused ? t('due.paused') : t('due.none'));
    const w = JH.format.workingDaysLeft(dueIso, calendar);
    let text, cls = 'due';
    if (!w) text = t('due.unknown');
    else if (w.overdue) { text = w.left < 0 ? t('due.overdue', { n: -w.left }) : t('due.overdue_today'); cls += ' overdue'; }
    else if (w.left <= 1) { text = w.left === 1 ? t('due.today') : t('due.left', { n: w.left }); cls += ' soon'; }
    else text = t('due.left', { n: w.left });
    return h('span', { class: cls, dataset: { due: dueIso, left: w ? String(w.left) : '' } },
      h('time', { datetime: dueIso }, JH.format.instant(dueIso)), ' ', h('span', { class: 'left' }, text));
  }

  function marks(task) {
    const out = [];
    if (task.overdue) out.push(h('span', { class: 'mark overdue', dataset: { mark: 'overdue' } }, t('queue.mark.overdue')));
    // `extensions` counts requests; an approval starts a new deadline version, a denial does not.
    if (task.extensions > 0 && task.deadline_version > 1 && task.status !== 'extension_requested') out.push(h('span', { class: 'mark extended', dataset: { mark: 'extended' } }, t('queue.mark.extended')));
    if (task.status === 'extension_requested')
      out.push(h('span', { class: 'mark asked', dataset: { mark: 'extension_requested' } }, t('queue.mark.extension_requested')));
    if (task.provisional) out.push(h('span', { class: 'mark provisional', dataset: { mark: 'provisional' } }, t('queue.mark.provisional')));
    return out;
  }

  function status(value) {
    return h('span', { class: 'status status-' + String(value).replace(/[^a-z_]/g, '') }, JH.i18n.label('status', value));
  }

  function datasetTitle(reference, id) {
    if (!id) return '';
    const d = reference && (reference.datasets || []).find((x) => x.id === id);
    return d ? d.title : id;
  }

  function agencyName(reference, code) {
    if (code === 'authority') return t('role.authority');
    const d = reference && (reference.datasets || []).find((x) => x.agency_code === code);
    return d ? d.agency_name : code;
  }

  // The facts of a record as a definition list: [[label, value], ...] (empty values left out).
  function facts(pairs) {
    return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  // A publication state, {state, since}: a withdrawal request's record or a dataset's.
  // "暂停开放 · 自 2026-12-02 10:00".
  function publication(p) {
    if (!p || !p.state) return null;
    return h('span', { class: 'mark publication publication-' + String(p.state).replace(/[^a-z_]/g, ''), dataset: { publication: p.state } },
      JH.i18n.label('publication', p.state), p.since ? [' · ', t('publication.since', { at: JH.format.instant(p.since) })] : null);
  }

  JH.views = { due, marks, status, datasetTitle, agencyName, facts, publication };
})(window.JH = window.JH || {});
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  // Shows a failed call's problem in `form`: each entry of `errors` whose JSON pointer `map`
  // names goes under its field (with the identifier validator's reason in words), the rest in
  // the form's own alert. Returns whether any field was marked.
  function problemInForm(form, error, map, alertEl) {
    JH.dom.clearErrors(form);
    const entries = (error && error.problem && error.problem.errors) || [];
    let marked = false;
    const rest = [];
    for (const e of entries) {
      const id = map[e.pointer];
      // The validator's reason in the page's language when the table has it, else the API's text.
      const reason = e.reason ? JH.i18n.label('reason', e.reason) : '';
      const text = reason && reason !== e.reason ? reason : e.detail;
      if (id && JH.dom.fieldError(form, id, text)) marked = true;
      else rest.push(text || e.detail);
    }
    if (alertEl) {
      alertEl.textContent = marked ? JH.t('file.invalid') + (rest.length ? ' ' + rest.join('; ') : '') : JH.app.errorText(error);
      alertEl.hidden = false;
    }
    if (marked) {
      const first = form.querySelector('[aria-invalid="true"]');
      if (first) first.focus();
    }
    return marked;
  }
  JH.views.problemInForm = problemInForm;
})(window.JH = window.JH || {});
