// One task: what it is about (the findings with their evidence, the dispute, each agency's
// value), its history, and the actions the caller's role has on it through the API: answer
// with a reason, ask for the extension, decide on one, forward. The API decides; a refusal is
// shown where the action was tried.
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);
  const ANSWERS = {
    verify_finding: ['corrected', 'confirmed_accurate', 'rejected'],
    verify_dispute: ['corrected', 'confirmed_accurate', 'rejected'],
    verify_withdrawal: ['withdrawn', 'rejected'],
    review: ['upheld', 'overturned'],
    rectify: ['rectified']
  };
  const ACTIVE = ['open', 'in_progress', 'reopened', 'extension_requested'];

  // Evidence is what a rule saw, of any shape: drawn as nested lists of text.
  function value(v) {
    if (v === null || v === undefined) return h('span', { class: 'null' }, '—');
    if (Array.isArray(v)) return h('ul', { class: 'plain' }, v.map((x) => h('li', {}, value(x))));
    if (typeof v === 'object')
      return h('dl', { class: 'evidence' }, Object.entries(v).map(([k, x]) => [h('dt', {}, k), h('dd', {}, value(x))]));
    return String(v);
  }

  function section(title, ...content) {
    return h('section', { class: 'card' }, h('h2', {}, title), content);
  }

  function findingsView(task) {
    return (task.findings || []).map((f) => h('article', { class: 'finding', dataset: { finding: String(f.id) } },
      h('h3', {}, t('task.finding', { id: f.id, kind: JH.i18n.label('rulekind', f.kind), severity: JH.i18n.label('severity', f.severity) })),
      JH.views.facts([
        [t('task.rule'), f.rule_id],
        [t('task.finding.attribute'), JH.i18n.label('attr', f.attribute)],
        [t('task.finding.record'), f.record_key],
        [t('task.finding.subject'), f.subject_id],
        [t('task.status'), JH.i18n.label('status', f.status)],
        [t('task.finding.outcome'), f.outcome]
      ]),
      f.evidence !== undefined ? h('div', {}, h('h4', {}, t('task.finding.evidence')), value(f.evidence)) : null));
  }

  function valuesView(task, reference) {
    const authoritative = {};
    for (const a of reference.attributes || []) authoritative[a.name] = a.authoritative_source;
    const rows = (task.values || []).map((v) => ({ attrs: { dataset: { dataset: v.dataset_id } }, cells: [
      JH.views.datasetTitle(reference, v.dataset_id), JH.views.agencyName(reference, v.agency_code),
      JH.i18n.label('attr', v.attribute), h('span', { class: 'value' }, v.value === null ? '—' : String(v.value))] }));
    if (!rows.length) return null;
    return section(t('task.values'),
      task.values_source ? h('p', { class: 'hint' }, JH.i18n.label('task.values.source', task.values_source)) : null,
      JH.dom.table(null, [t('task.values.dataset'), t('task.values.agency'), t('task.values.attribute'), t('task.values.value')], rows));
  }

  function historyView(items, withActor) {
    return h('ol', { class: 'timeline' }, items.map((e) => h('li', {},
      h('time', { datetime: e.at }, JH.format.instant(e.at)), ' ',
      h('strong', {}, JH.i18n.label('action', e.action)),
      e.step ? [' · ', e.step] : null,
      withActor ? [' · ', t('task.event.actor'), '：', JH.i18n.label('actor', e.actor || e.actor_role)] : [' · ', JH.i18n.label('actor', e.actor_role)],
      e.reason ? h('p', { class: 'reason' }, e.reason) : null)));
  }

  function disputeView(d, reference) {
    return section(t('task.dispute'),
      JH.views.facts([
        ['#', h('a', { href: '#/dispute/' + d.id }, String(d.id))],
        [t('disputes.col.kind'), JH.i18n.label('kind', d.kind)],
        [t('disputes.col.subject'), d.subject_id],
        [t('disputes.col.dataset'), JH.views.datasetTitle(reference, d.dataset_id)],
        [t('file.attribute'), JH.i18n.label('attr', d.attribute)],
        [t('dispute.filed'), JH.format.instant(d.filed_at)],
        [t('disputes.col.status'), JH.i18n.label('status', d.status)]
      ]),
      // The claim and description: the API stores them but does not return them yet (issue 13).
      d.claimed_value !== undefined || d.description !== undefined
        ? JH.views.facts([[t('file.claimed_value'), d.claimed_value], [t('file.description'), d.description]])
        : h('p', { class: 'slot', dataset: { slot: 'claim' } }, t('task.dispute.claim'), '：', t('common.not_in_api')),
      historyView(d.history || [], false));
  }

  // A form that posts with `send(values)`, shows field errors in place, and reloads on success.
  function actionForm(key, fields, submitText, send, pointers, done) {
    const alert = h('p', { class: 'error', role: 'alert', hidden: true });
    const form = h('form', { class: 'action', dataset: { action: key }, novalidate: true },
      fields, h('button', { type: 'submit', class: 'primary' }, submitText), alert);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      alert.hidden = true;
      JH.dom.clearErrors(form);
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const result = await send(form.elements);
        done(result);
      } catch (e) {
        JH.views.problemInForm(form, e, pointers, alert);
      } finally {
        button.disabled = false;
      }
    });
    return form;
  }

  function actionsView(task, ctx) {
    const role = ctx.session.role;
    const acts = (role === 'agency' && task.assignee !== 'authority') || (role === 'authority' && task.assignee === 'authority');
    const reload = (text) => { ctx.setFlash(text || t('common.saved')); ctx.navigate('#/task/' + task.id); };
    const out = [];
    if (!acts || !ACTIVE.includes(task.status)) {
      out.push(h('p', { class: 'hint' }, acts ? '' : t('task.no_actions')));
    }
    if (acts && task.kind === 'forward_dispute' && task.status === 'open') {
      out.push(actionForm('forward', [], t('task.forward.submit'), () => JH.api.forward(task.id), {}, (next) => {
        ctx.setFlash(t('task.forward.done', { id: next.id }));
        ctx.navigate('#/forward');
      }));
    } else if (acts && ACTIVE.includes(task.status) && ANSWERS[task.kind]) {
      const choices = ANSWERS[task.kind].map((a) => [a, JH.i18n.label('answer', a)]);
      out.push(h('h3', {}, t('task.answer')), actionForm('answer', [
        JH.dom.field(t('task.answer.choice'), JH.dom.select('answer', choices, choices[0][0])),
        JH.dom.field(t('task.answer.reason'), h('textarea', { id: 'answer-reason', name: 'answer-reason', rows: 3 }), t('task.answer.reason_hint'))
      ], t('task.answer.submit'), (els) => JH.api.answer(task.id, els.answer.value, els['answer-reason'].value),
      { '/answer': 'answer', '/reason': 'answer-reason' }, () => {
        ctx.setFlash(t('task.answer.done'));
        ctx.navigate('#/queue');
      }));
      if (task.status !== 'extension_requested' && !task.extensions) {
        out.push(h('h3', {}, t('task.extension')), actionForm('extension', [
          JH.dom.field(t('task.extension.reason'), h('textarea', { id: 'extension-reason', name: 'extension-reason', rows: 2 })),
          JH.dom.field(t('task.extension.amount'), h('input', { id: 'extension-amount', name: 'extension-amount', type: 'number', min: 1, inputmode: 'numeric' }))
        ], t('task.extension.submit'), (els) => JH.api.requestExtension(task.id, els['extension-reason'].value,
          els['extension-amount'].value ? Number(els['extension-amount'].value) : undefined),
        { '/reason': 'extension-reason', '/amount': 'extension-amount' }, () => reload()));
      }
    }
    if (task.status === 'extension_requested' && (acts || role === 'authority')) {
      out.push(h('h3', {}, t('task.decision')), actionForm('decision', [
        JH.dom.field(t('task.decision'), JH.dom.select('decision-approve', [['true', t('task.decision.approve')], ['false', t('task.decision.deny')]], 'true')),
        JH.dom.field(t('task.decision.reason'), h('textarea', { id: 'decision-reason', name: 'decision-reason', rows: 2 })),
        JH.dom.field(t('task.decision.approver'), h('input', { id: 'decision-approver', name: 'decision-approver', type: 'text', autocomplete: 'name' }))
      ], t('task.decision.submit'), (els) => JH.api.decideExtension(task.id, els['decision-approve'].value === 'true',
        els['decision-reason'].value, els['decision-approver'].value),
      { '/approve': 'decision-approve', '/reason': 'decision-reason', '/approver_name': 'decision-approver' }, () => reload()));
    }
    out.push(h('p', { class: 'slot', dataset: { slot: 'assign' } }, t('task.assign_slot')));
    return section(t('task.actions'), out);
  }

  async function render(main, params, ctx) {
    const id = params[0];
    main.append(h('p', { class: 'status', role: 'status' }, t('common.loading')));
    const [task, events, reference] = await Promise.all([JH.api.task(id), JH.api.taskEvents(id), ctx.reference()]);
    JH.dom.replace(main,
      main.querySelector('.notice'),
      h('p', {}, h('a', { href: '#/queue' }, '← ' + t('nav.queue'))),
      h('h1', { tabindex: '-1' }, t('task.title', { id: task.id }), ' · ', JH.i18n.label('kind', task.kind)),
      h('div', { class: 'marks' }, JH.views.status(task.status), ' ', JH.views.marks(task)),
      section(t('task.step'), JH.views.facts([
        [t('task.step'), task.step],
        [t('task.assignee'), JH.views.agencyName(reference, task.assignee)],
        [t('task.dataset'), JH.views.datasetTitle(reference, task.dataset_id)],
        [t('task.rule'), task.rule_id],
        [t('task.scan'), task.scan_id],
        [t('task.received'), JH.format.instant(task.received_at)],
        [t('task.due'), JH.views.due(task.due_at, reference.calendar)],
        [t('task.extensions'), task.extensions ? String(task.extensions) : null],
        [t('task.resolution'), task.resolution ? JH.i18n.label('answer', task.resolution) : null],
        [t('task.resolution_reason'), task.resolution_reason],
        [t('task.flags'), (task.flags || []).length ? task.flags.map(String).join('、') : null]
      ])),
      actionsView(task, ctx),
      (task.findings || []).length ? section(t('task.findings'), findingsView(task)) : null,
      task.dispute ? disputeView(task.dispute, reference) : null,
      valuesView(task, reference),
      section(t('task.events'), historyView(events.items || [], true)));
    main.dataset.ready = 'task';
  }

  JH.screens = JH.screens || {};
  JH.screens.task = { roles: ['agency', 'authority'], render };
})(window.JH = window.JH || {});
