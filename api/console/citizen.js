// Citizens and companies: file a dispute or withdrawal request about their own record (the
// API's field errors shown under each field, the identifier validator's reason in words),
// follow it as a timeline with its deadline, appeal a result once. Staff see the same
// dispute pages read-only. Identifiers are masked in lists, whole on a dispute's own page.
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);
  const POINTERS = {
    '/subject_id': 'subject_id', '/dataset_id': 'dataset_id', '/agency_code': 'dataset_id', '/attribute': 'attribute',
    '/claimed_value': 'claimed_value', '/description': 'description', '/notify': 'notify_address',
    '/notify/channel': 'notify_channel', '/notify/address': 'notify_address', '/withdrawal': 'withdrawal',
    '/publication_suspended': 'publication_suspended'
  };

  function checkbox(id, label) {
    return h('div', { class: 'field check', dataset: { field: id } },
      h('input', { id, name: id, type: 'checkbox', 'aria-describedby': id + '-error' }), h('label', { for: id }, label),
      h('p', { class: 'field-error', id: id + '-error', role: 'alert', hidden: true }));
  }

  function body(els) {
    const b = { subject_id: els.subject_id.value.trim(), description: els.description.value };
    for (const k of ['dataset_id', 'attribute', 'claimed_value']) if (els[k].value) b[k] = els[k].value;
    if (els.notify_channel.value) b.notify = { channel: els.notify_channel.value, address: els.notify_address.value.trim() };
    if (els.withdrawal.checked) {
      b.withdrawal = true;
      // The dataset's publication decides the suspension (Art. 44); the box only confirms it,
      // so an unticked box asks nothing rather than asking the API not to suspend.
      if (els.publication_suspended.checked) b.publication_suspended = true;
    }
    return b;
  }

  async function fileScreen(main, params, ctx) {
    const reference = await ctx.reference();
    const datasets = [['', t('file.dataset.choose')]].concat((reference.datasets || []).map((d) => [d.id, d.title + ' · ' + d.agency_name]));
    const attributes = [['', t('file.attribute.none')]].concat((reference.attributes || [])
      .filter((a) => a.type !== 'citizen_id' && a.type !== 'credit_code').map((a) => [a.name, JH.i18n.label('attr', a.name)]));
    const alert = h('p', { class: 'error', role: 'alert', hidden: true });
    const form = h('form', { class: 'card dispute-form', novalidate: true },
      JH.dom.field(t('file.subject_id'), h('input', { id: 'subject_id', name: 'subject_id', type: 'text', inputmode: 'text',
        autocomplete: 'off', spellcheck: 'false', value: ctx.session.subject || '' })),
      JH.dom.field(t('file.dataset_id'), JH.dom.select('dataset_id', datasets, '')),
      JH.dom.field(t('file.attribute'), JH.dom.select('attribute', attributes, '')),
      JH.dom.field(t('file.claimed_value'), h('input', { id: 'claimed_value', name: 'claimed_value', type: 'text' })),
      JH.dom.field(t('file.description'), h('textarea', { id: 'description', name: 'description', rows: 4 }), t('file.description_hint')),
      JH.dom.field(t('file.notify_channel'), JH.dom.select('notify_channel', [['', t('file.notify.none')],
        ['sms', t('file.notify.sms')], ['email', t('file.notify.email')]], '')),
      JH.dom.field(t('file.notify_address'), h('input', { id: 'notify_address', name: 'notify_address', type: 'text', autocomplete: 'tel' })),
      checkbox('withdrawal', t('file.withdrawal')),
      checkbox('publication_suspended', t('file.publication_suspended')),
      JH.dom.field(t('docs.add'), JH.documents.picker('documents'), t('docs.hint', { left: JH.documents.MAX })),
      h('button', { type: 'submit', class: 'primary' }, t('file.submit')),
      alert);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      alert.hidden = true;
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const d = await JH.api.fileDispute(body(form.elements));
        // The dispute is filed (2xx: committed); its documents follow, each answered on its own.
        const files = [...form.elements.documents.files];
        const done = files.length ? await JH.documents.upload(d.id, files) : [];
        const refused = done.filter((r) => r.error);
        ctx.setFlash(t('file.filed', { id: d.id }) + (files.length ? ' ' + t('docs.filed', { stored: done.length - refused.length,
          total: done.length }) + (refused.length ? ' ' + t('docs.retry') : '') : ''));
        ctx.navigate('#/dispute/' + d.id);
      } catch (e) {
        JH.views.problemInForm(form, e, POINTERS, alert);
      } finally {
        button.disabled = false;
      }
    });
    main.append(h('h1', { tabindex: '-1' }, t('file.title')), h('p', {}, t('file.intro')), form);
    main.dataset.ready = 'file';
  }

  async function listScreen(main, params, ctx) {
    const citizen = ctx.session.role === 'citizen';
    main.append(h('h1', { tabindex: '-1' }, t(citizen ? 'disputes.title' : 'disputes.title.staff')));
    if (citizen) main.append(h('p', {}, h('a', { href: '#/file', class: 'button primary' }, t('disputes.new'))));
    const [page, reference] = await Promise.all([JH.api.disputes({ limit: 50 }), ctx.reference()]);
    if (!page.items.length) {
      main.append(h('p', {}, t('disputes.empty')));
    } else {
      main.append(JH.dom.table(null, [t('disputes.col.id'), t('disputes.col.kind'), t('disputes.col.subject'),
        t('disputes.col.dataset'), t('disputes.col.filed'), t('disputes.col.deadline'), t('disputes.col.status')],
      page.items.map((d) => ({ attrs: { dataset: { dispute: String(d.id) } }, cells: [
        h('a', { href: '#/dispute/' + d.id }, '#' + d.id), JH.i18n.label('kind', d.kind), JH.format.maskId(d.subject_id),
        JH.views.datasetTitle(reference, d.dataset_id), JH.format.instant(d.filed_at),
        JH.views.due(d.deadline, reference.calendar, { paused: d.status === 'open' }), JH.views.status(d.status)] })),
      { class: 'data disputes' }));
    }
    main.dataset.ready = 'disputes';
  }

  function timeline(d, reference) {
    return h('ol', { class: 'timeline steps' }, (d.history || []).map((e) => h('li', { dataset: { action: e.action } },
      h('time', { datetime: e.at }, JH.format.instant(e.at)), ' ',
      h('strong', {}, JH.i18n.label('action', e.action)), e.step ? [' · ', e.step] : null,
      ' · ', JH.i18n.label('actor', e.actor_role),
      e.reason ? h('p', { class: 'reason' }, e.reason) : null)),
    d.deadline ? h('li', { class: 'next', dataset: { action: 'deadline' } },
      h('strong', {}, t('dispute.deadline')), ' ', JH.views.due(d.deadline, reference.calendar)) : null);
  }

  async function disputeScreen(main, params, ctx) {
    const [d, reference] = await Promise.all([JH.api.dispute(params[0]), ctx.reference()]);
    const back = ctx.session.role === 'citizen' ? '#/disputes' : '#/disputes';
    main.append(
      h('p', {}, h('a', { href: back }, '← ' + t('nav.disputes'))),
      h('h1', { tabindex: '-1' }, t('dispute.title', { id: d.id }), ' · ', JH.i18n.label('kind', d.kind)),
      h('div', { class: 'marks' }, JH.views.status(d.status)),
      h('section', { class: 'card' }, JH.views.facts([
        [t('dispute.deadline'), d.deadline ? JH.views.due(d.deadline, reference.calendar) : null],
        [t('dispute.step'), d.current_step],
        [t('task.assignee'), d.assignee ? JH.views.agencyName(reference, d.assignee) : null],
        [t('disputes.col.subject'), d.subject_id],
        [t('disputes.col.dataset'), JH.views.datasetTitle(reference, d.dataset_id)],
        [t('file.attribute'), JH.i18n.label('attr', d.attribute)],
        [t('file.claimed_value'), d.claimed_value],
        [t('file.description'), d.description ? h('span', { class: 'reason' }, d.description) : null],
        [t('dispute.filed'), [JH.format.instant(d.filed_at), ' · ', t('dispute.channel.' + d.channel)]],
        // A withdrawal request's record: suspended since filing, then withdrawn or resumed (Art. 44).
        [t('publication.record'), JH.views.publication(d.publication)],
        [t('dispute.result'), d.result ? JH.i18n.label('answer', d.result) : null],
        [t('dispute.result_reason'), d.result_reason]
      ])),
      h('section', { class: 'card' }, h('h2', {}, t('dispute.timeline')), timeline(d, reference)));
    if (d.status === 'resolved' && (ctx.session.role === 'citizen' || ctx.session.role === 'authority')) {
      const alert = h('p', { class: 'error', role: 'alert', hidden: true });
      const form = h('form', { class: 'card action', dataset: { action: 'appeal' }, novalidate: true },
        h('h2', {}, t('dispute.appeal')),
        JH.dom.field(t('dispute.appeal.reason'), h('textarea', { id: 'appeal-reason', name: 'appeal-reason', rows: 3 })),
        h('button', { type: 'submit', class: 'primary' }, t('dispute.appeal.submit')), alert);
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
          await JH.api.appeal(d.id, form.elements['appeal-reason'].value);
          ctx.setFlash(t('dispute.appeal.done'));
          ctx.navigate('#/dispute/' + d.id);
        } catch (e) {
          JH.views.problemInForm(form, e, { '/reason': 'appeal-reason' }, alert);
        }
      });
      main.append(form);
    }
    // The party (or the authority on its behalf) adds documents while the dispute is not closed.
    const uploads = (ctx.session.role === 'citizen' || ctx.session.role === 'authority') && d.status !== 'closed';
    main.append(JH.documents.section(d.id, uploads));
    if (ctx.session.role === 'citizen')
      main.append(h('p', {}, h('a', { href: '#/reads' }, t('reads.link'))));
    main.dataset.ready = 'dispute';
  }

  JH.screens = JH.screens || {};
  JH.screens.file = { roles: ['citizen', 'authority'], render: fileScreen };
  JH.screens.disputes = { roles: ['citizen', 'agency', 'authority'], render: listScreen };
  JH.screens.dispute = { roles: ['citizen', 'agency', 'authority'], render: disputeScreen };
})(window.JH = window.JH || {});
