// The work queue: GET /v1/tasks with the API's filters (kept in the address, so Back works),
// one page at a time, each task with its deadline, working days left, marks and the person it
// is assigned to. "Assigned to me" is offered to a token that names a person; "my agency" is
// the whole unit's queue, which an agency token reads anyway.
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);
  const STATUSES = ['open', 'in_progress', 'extension_requested', 'answered', 'reopened', 'verified', 'forwarded', 'closed'];
  const KINDS = ['verify_finding', 'verify_dispute', 'forward_dispute', 'verify_withdrawal', 'review', 'rectify'];
  const FILTERS = ['status', 'kind', 'dataset', 'assignee', 'assigned_to', 'due_before', 'overdue'];
  const PAGE = 50;

  function filterForm(ctx, reference, current) {
    const any = ['', t('common.any')];
    const agencies = [...new Map((reference.datasets || []).map((d) => [d.agency_code, d.agency_name])).entries()];
    const controls = [
      [t('queue.filter.status'), JH.dom.select('status', [any].concat(STATUSES.map((s) => [s, JH.i18n.label('status', s)])), current.status || '')],
      [t('queue.filter.kind'), JH.dom.select('kind', [any].concat(KINDS.map((k) => [k, JH.i18n.label('kind', k)])), current.kind || '')],
      [t('queue.filter.dataset'), JH.dom.select('dataset', [any].concat((reference.datasets || []).map((d) => [d.id, d.title])), current.dataset || '')],
      [t('queue.filter.due_before'), h('input', { id: 'due_before', name: 'due_before', type: 'date', value: current.due_before || '' })],
      [t('queue.filter.overdue'), JH.dom.select('overdue', [any, ['true', t('common.yes')], ['false', t('common.no')]], current.overdue || '')]
    ];
    const whose = [['', t('queue.whose.unit')], ['none', t('queue.whose.none')]];
    if (ctx.session.person) whose.splice(1, 0, ['me', t('queue.whose.me', { name: ctx.session.person.name })]);
    controls.splice(0, 0, [t('queue.filter.assigned_to'), JH.dom.select('assigned_to', whose, current.assigned_to || '')]);
    if (ctx.session.role === 'authority')
      controls.splice(4, 0, [t('queue.filter.assignee'), JH.dom.select('assignee',
        [any, ['authority', t('role.authority')]].concat(agencies), current.assignee || '')]);
    const form = h('form', { class: 'filters', role: 'search' },
      controls.map(([label, control]) => JH.dom.field(label, control)),
      h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary' }, t('common.apply')),
        h('a', { href: '#/queue', class: 'button' }, t('common.reset'))));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const q = new URLSearchParams();
      for (const name of FILTERS) {
        const c = form.elements.namedItem(name);
        if (c && (c.value || name === 'status')) q.set(name, c.value);
      }
      ctx.navigate('#/queue' + (q.toString() ? '?' + q : ''));
    });
    return form;
  }

  function row(task, ctx, reference) {
    const cells = [
      h('a', { href: '#/task/' + task.id, class: 'task-link' }, '#' + task.id),
      JH.i18n.label('kind', task.kind),
      JH.views.datasetTitle(reference, task.dataset_id),
      ctx.session.role === 'authority' ? JH.views.agencyName(reference, task.assignee) : null,
      task.assigned_to ? task.assigned_to.name : '—',
      JH.format.instant(task.received_at),
      [JH.views.due(task.due_at, reference.calendar), ' ', JH.views.marks(task)],
      JH.views.status(task.status)
    ].filter((c) => c !== null);
    return { attrs: { dataset: { task: String(task.id) }, class: task.overdue ? 'overdue' : null }, cells };
  }

  async function render(main, params, ctx) {
    // Without a status in the address the queue shows what waits for action: open tasks.
    const current = ctx.query.has('status') ? {} : { status: 'open' };
    for (const name of FILTERS) if (ctx.query.get(name)) current[name] = ctx.query.get(name);
    const heading = h('h1', { tabindex: '-1' }, t('queue.title'));
    const status = h('p', { class: 'status', role: 'status' }, t('common.loading'));
    main.append(heading, status);
    // The first page is asked for at once, beside the reference data, not after it.
    let pending = JH.api.tasks(Object.assign({ limit: PAGE }, current));
    const reference = await ctx.reference();
    main.insertBefore(filterForm(ctx, reference, current), status);
    const headers = [t('queue.col.id'), t('queue.col.kind'), t('queue.col.dataset'),
      ctx.session.role === 'authority' ? t('queue.col.assignee') : null,
      t('queue.col.assigned_to'), t('queue.col.received'), t('queue.col.due'), t('queue.col.status')].filter((x) => x !== null);
    const table = JH.dom.table(null, headers, [], { class: 'data queue' });
    const body = table.querySelector('tbody');
    const more = h('button', { type: 'button', class: 'more', hidden: true }, t('common.more'));
    let cursor = null, shown = 0;
    const load = async () => {
      more.disabled = true;
      const page = await (pending || JH.api.tasks(Object.assign({ limit: PAGE, cursor }, current)));
      pending = null;
      for (const task of page.items) {
        const r = row(task, ctx, reference);
        body.append(h('tr', r.attrs, r.cells.map((c, i) => h('td', { 'data-label': headers[i] }, c))));
      }
      shown += page.items.length;
      cursor = page.next_cursor;
      more.hidden = !cursor;
      more.disabled = false;
      status.textContent = shown ? t('queue.count', { n: shown }) : t('queue.empty');
      table.hidden = !shown;
    };
    more.addEventListener('click', () => load().catch((e) => main.append(ctx.errorBox(e))));
    main.append(table, more);
    await load();
    main.dataset.ready = 'queue';
  }

  JH.screens = JH.screens || {};
  JH.screens.queue = { roles: ['agency', 'authority'], render };
})(window.JH = window.JH || {});
