// One task: what it is about (the findings with their evidence, the party's claim beside each
// agency's value and the authoritative one, the dispute's documents, the record's flags, the
// record's or the dataset's publication), its
// history, and the actions the caller has on it through the API: acknowledge, assign, comment,
// answer with a reason, ask for the extension, decide on one (a head of the agency who did not
// ask), forward. What the token cannot do is not offered; the API still decides, and a refusal
// is shown where the action was tried.
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
    const values = task.values || [];
    if (!values.length) return null;
    const claimed = values.some((v) => v.claimed_value !== undefined);
    const rows = values.map((v) => ({ attrs: { dataset: { dataset: v.dataset_id }, class: v.authoritative ? 'authoritative' : null },
      cells: [
        JH.views.datasetTitle(reference, v.dataset_id), JH.views.agencyName(reference, v.agency_code),
        JH.i18n.label('attr', v.attribute), h('span', { class: 'value' }, v.value === null ? '—' : String(v.value)),
        v.authoritative ? h('span', { class: 'mark authoritative', dataset: { mark: 'authoritative' } }, t('task.values.authoritative')) : '',
        claimed ? (v.claimed_value === undefined ? '' : h('span', { class: 'value claimed' }, v.claimed_value === null ? '—' : String(v.claimed_value))) : null
      ].filter((c) => c !== null) }));
    return section(t('task.values'),
      task.values_source ? h('p', { class: 'hint' }, JH.i18n.label('task.values.source', task.values_source)) : null,
      JH.dom.table(null, [t('task.values.dataset'), t('task.values.agency'), t('task.values.attribute'), t('task.values.value'),
        t('task.values.source_col')].concat(claimed ? [t('task.values.claimed')] : []), rows, { class: 'data values' }));
  }

  // What the party says (in full: this read is logged) beside the authoritative source's value.
  function claimView(claim, reference) {
    const a = claim.authoritative_value;
    return h('section', { class: 'card claim', dataset: { part: 'claim' } }, h('h2', {}, t('task.dispute.claim')),
      JH.views.facts([
        [t('file.attribute'), JH.i18n.label('attr', claim.attribute) || t('task.claim.whole_record')],
        [t('file.claimed_value'), h('span', { class: 'value claimed', dataset: { value: 'claimed' } },
          claim.claimed_value === null || claim.claimed_value === undefined ? t('task.claim.none') : String(claim.claimed_value))],
        [t('task.claim.authoritative'), a
          ? [h('span', { class: 'value', dataset: { value: 'authoritative' } }, a.value === null ? '—' : String(a.value)),
            ' · ', JH.views.datasetTitle(reference, a.dataset_id)]
          : t('task.claim.no_authoritative')],
        [t('file.description'), h('span', { class: 'reason', dataset: { value: 'description' } }, claim.description || '')]
      ]));
  }

  // The live 异议标注 flags of what the task is about: the disputed subject, or each finding's record.
  function flagsView(task) {
    const queries = [];
    if (task.dispute && task.dispute.subject_id) queries.push({ subject: task.dispute.subject_id });
    const records = new Set();
    for (const f of task.findings || []) {
      const key = f.dataset_id + '\u0000' + f.record_key;
      if (f.record_key && !records.has(key)) { records.add(key); queries.push({ dataset: f.dataset_id, record: f.record_key }); }
    }
    if (!queries.length) return null;
    const body = h('div', {}, h('p', { class: 'status' }, t('common.loading')));
    const el = h('section', { class: 'card', dataset: { part: 'flags' } }, h('h2', {}, t('task.flags.title')), body);
    Promise.all(queries.map((q) => JH.api.flags(q))).then(async (answers) => {
      const reference = await JH.app.reference();
      const items = answers.flatMap((a) => a.items);
      JH.dom.replace(body, items.length ? JH.dom.table(null, [t('task.flags.task'), t('queue.col.dataset'), t('file.attribute'),
        t('task.finding.record'), t('task.assignee'), t('task.flags.since')], items.map((f) => ({
        attrs: { dataset: { flagTask: String(f.task_id) } }, cells: [
          h('a', { href: '#/task/' + f.task_id }, '#' + f.task_id), JH.views.datasetTitle(reference, f.dataset_id),
          JH.i18n.label('attr', f.attribute) || t('task.claim.whole_record'), f.record_key || '—',
          JH.views.agencyName(reference, f.assignee), JH.format.instant(f.set_at)] })), { class: 'data flags' })
        : h('p', {}, t('task.flags.none')));
      el.dataset.ready = 'flags';
    }, (e) => { JH.dom.replace(body, JH.app.errorBox(e)); el.dataset.ready = 'flags'; });
    return el;
  }

  // The publication of the task's dataset when an exposure of personal data suspended it (Art. 44
  // para. 3): suspended since, or resumed since, and the exposure tasks still open.
  function datasetPublicationView(task) {
    if (!task.dataset_id || task.kind !== 'verify_finding') return null;
    const el = h('section', { class: 'card', dataset: { part: 'publication' }, hidden: true });
    JH.api.datasetPublication({ dataset: task.dataset_id }).then((answer) => {
      const p = answer.items[0];
      if (p) {
        el.append(h('h2', {}, t('publication.dataset')), JH.views.facts([
          [t('publication.state'), JH.views.publication(p)],
          [t('publication.open_tasks'), p.open_tasks.length
            ? p.open_tasks.map((id, i) => [i ? '、' : '', h('a', { href: '#/task/' + id }, '#' + id)]) : t('publication.none_open')]
        ]));
        el.hidden = false;
      }
      el.dataset.ready = 'publication';
    }, (e) => { el.append(JH.app.errorBox(e)); el.hidden = false; el.dataset.ready = 'publication'; });
    return el;
  }

  function historyView(items, withActor) {
    return h('ol', { class: 'timeline' }, items.map((e) => h('li', { dataset: { action: e.action } },
      h('time', { datetime: e.at }, JH.format.instant(e.at)), ' ',
      h('strong', {}, JH.i18n.label('action', e.action)),
      e.step ? [' · ', e.step] : null,
      withActor ? [' · ', t('task.event.actor'), '：', JH.i18n.label('actor', e.actor || e.actor_role)] : [' · ', JH.i18n.label('actor', e.actor_role)],
      e.action === 'assign' && e.after && e.after.assigned_to ? [' → ', personName(e.after.assigned_to)] : null,
      e.reason ? h('p', { class: 'reason' }, e.reason) : null)));
  }

  function personName(p) {
    return p ? p.name + ' (' + p.staff_id + ')' : t('task.assigned.unit');
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

  // Whether the token asked for the pending extension itself (the same token, or the same
  // person on another): the API refuses its decision, so the console does not offer one.
  function askedByMe(events, me) {
    const asked = events.filter((e) => e.action === 'request_extension').pop();
    if (!asked) return false;
    return asked.token_id === me.token_id || !!(asked.person && me.person && asked.person.staff_id === me.person.staff_id);
  }

  // Who decides a pending extension, as the statute profile says ('agency_head', 'authority'),
  // and whether this token is that one: a head of the task's agency, or an authority token.
  function decider(task, events, me, reference) {
    const procedure = (reference.procedures || {})[task.kind];
    const approver = procedure && procedure.extension ? procedure.extension.approver : null;
    let may = false;
    if (approver === 'agency_head') may = me.role === 'agency' && !!(me.person && me.person.head) && task.assignee === me.agency;
    else if (approver === 'authority') may = me.role === 'authority';
    else if (approver) may = me.role === 'agency' && task.assignee === me.agency;
    return { approver, article: procedure && procedure.extension ? procedure.extension.article : '', may: may && !askedByMe(events, me) };
  }

  function decisionForm(task, me, reload) {
    // A typed approver name only where the API still takes one: an authority approver on a
    // token that names no person. A head is recorded by the staff register.
    const typed = me.role === 'authority' && !me.person;
    return actionForm('decision', [
      JH.dom.field(t('task.decision'), JH.dom.select('decision-approve', [['true', t('task.decision.approve')], ['false', t('task.decision.deny')]], 'true')),
      JH.dom.field(t('task.decision.reason'), h('textarea', { id: 'decision-reason', name: 'decision-reason', rows: 2 })),
      typed ? JH.dom.field(t('task.decision.approver'), h('input', { id: 'decision-approver', name: 'decision-approver', type: 'text', autocomplete: 'name' })) : null,
      me.person ? h('p', { class: 'hint' }, t('task.decision.as', { name: me.person.name })) : null
    ], t('task.decision.submit'), (els) => JH.api.decideExtension(task.id, els['decision-approve'].value === 'true',
      els['decision-reason'].value, typed ? els['decision-approver'].value : undefined),
    { '/approve': 'decision-approve', '/reason': 'decision-reason', '/approver_name': 'decision-approver' }, () => reload(t('task.decision.done')));
  }

  // Acknowledge, assign (to a member of the unit's staff, or to me), comment.
  function workForms(task, me, acts, reload) {
    const out = [];
    if (acts && (task.status === 'open' || task.status === 'reopened'))
      out.push(actionForm('start', [h('p', { class: 'hint' }, t('task.start.hint'))], t('task.start.submit'),
        () => JH.api.start(task.id), {}, () => reload(t('task.start.done'))));
    if (acts && ACTIVE.includes(task.status)) {
      const mine = me.person && (!task.assigned_to || task.assigned_to.staff_id !== me.person.staff_id);
      out.push(h('h3', {}, t('task.assign')), actionForm('assign', [
        JH.dom.field(t('task.assign.staff'), h('input', { id: 'assign-staff', name: 'assign-staff', type: 'text', autocomplete: 'off',
          spellcheck: 'false' }), t('task.assign.hint'))
      ], t('task.assign.submit'), (els) => JH.api.assign(task.id, els['assign-staff'].value.trim()), { '/staff_id': 'assign-staff' },
      () => reload(t('task.assign.done'))));
      if (mine)
        out.push(actionForm('assign-me', [], t('task.assign.me', { name: me.person.name }),
          () => JH.api.assign(task.id, me.person.staff_id), {}, () => reload(t('task.assign.done'))));
    }
    // The assignee comments, and the authority in supervision; a closed or forwarded task takes none.
    if ((acts || me.role === 'authority') && task.status !== 'closed' && task.status !== 'forwarded')
      out.push(h('h3', {}, t('task.comment')), actionForm('comment', [
        JH.dom.field(t('task.comment.text'), h('textarea', { id: 'comment-text', name: 'comment-text', rows: 2, maxlength: 4000 }))
      ], t('task.comment.submit'), (els) => JH.api.comment(task.id, els['comment-text'].value), { '/text': 'comment-text' },
      () => reload(t('task.comment.done'))));
    return out;
  }

  function actionsView(task, events, ctx, reference) {
    const me = ctx.session;
    const role = me.role;
    const acts = (role === 'agency' && task.assignee === me.agency) || (role === 'authority' && task.assignee === 'authority');
    const reload = (text) => { ctx.setFlash(text || t('common.saved')); ctx.navigate('#/task/' + task.id); };
    const procedure = (reference.procedures || {})[task.kind];
    const out = [];
    if (!acts) out.push(h('p', { class: 'hint' }, t('task.no_actions')));
    out.push(workForms(task, me, acts, reload));
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
      // Only a procedure the profile lets extend, once.
      if (procedure && procedure.extension && task.status !== 'extension_requested' && !task.extensions) {
        out.push(h('h3', {}, t('task.extension')), actionForm('extension', [
          JH.dom.field(t('task.extension.reason'), h('textarea', { id: 'extension-reason', name: 'extension-reason', rows: 2 })),
          JH.dom.field(t('task.extension.amount'), h('input', { id: 'extension-amount', name: 'extension-amount', type: 'number', min: 1, inputmode: 'numeric' }))
        ], t('task.extension.submit'), (els) => JH.api.requestExtension(task.id, els['extension-reason'].value,
          els['extension-amount'].value ? Number(els['extension-amount'].value) : undefined),
        { '/reason': 'extension-reason', '/amount': 'extension-amount' }, () => reload()));
      }
    }
    if (task.status === 'extension_requested') {
      const d = decider(task, events, me, reference);
      out.push(h('h3', {}, t('task.decision')));
      if (d.may) out.push(decisionForm(task, me, reload));
      else out.push(h('p', { class: 'hint', dataset: { decision: 'not-mine' } }, askedByMe(events, me)
        ? t('task.decision.own_request') : t('task.decision.by', { approver: JH.i18n.label('actor', d.approver), article: d.article })));
    }
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
        [t('task.assigned_to'), h('span', { dataset: { assignedTo: task.assigned_to ? task.assigned_to.staff_id : '' } }, personName(task.assigned_to))],
        [t('task.dataset'), JH.views.datasetTitle(reference, task.dataset_id)],
        [t('task.rule'), task.rule_id],
        [t('task.scan'), task.scan_id],
        [t('task.received'), JH.format.instant(task.received_at)],
        [t('task.due'), JH.views.due(task.due_at, reference.calendar)],
        [t('task.extensions'), task.extensions ? String(task.extensions) : null],
        [t('task.resolution'), task.resolution ? JH.i18n.label('answer', task.resolution) : null],
        [t('task.resolution_reason'), task.resolution_reason],
        [t('task.flags'), (task.flags || []).length ? task.flags.map(String).join('、') : null],
        [t('publication.record'), task.dispute ? JH.views.publication(task.dispute.publication) : null]
      ])),
      task.claim ? claimView(task.claim, reference) : null,
      valuesView(task, reference),
      actionsView(task, events.items || [], ctx, reference),
      (task.findings || []).length ? section(t('task.findings'), findingsView(task)) : null,
      task.dispute ? disputeView(task.dispute, reference) : null,
      task.dispute ? JH.documents.section(task.dispute.id, ctx.session.role === 'authority') : null,
      flagsView(task),
      datasetPublicationView(task),
      section(t('task.events'), historyView(events.items || [], true)));
    main.dataset.ready = 'task';
  }

  JH.screens = JH.screens || {};
  JH.screens.task = { roles: ['agency', 'authority'], render };
})(window.JH = window.JH || {});
