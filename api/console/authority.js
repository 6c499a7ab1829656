// The authority's lists: disputes filed with it that wait to be forwarded to their agency
// (forwarded here in one step), and appeals it must review (answered on the task's page).
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);

  function list(key, title, empty, tasks, reference, action) {
    const rows = tasks.map((task) => ({ attrs: { dataset: { task: String(task.id) } }, cells: [
      h('a', { href: '#/task/' + task.id }, '#' + task.id),
      task.dispute_id ? h('a', { href: '#/dispute/' + task.dispute_id }, '#' + task.dispute_id) : '—',
      JH.views.datasetTitle(reference, task.dataset_id),
      JH.format.instant(task.received_at),
      [JH.views.due(task.due_at, reference.calendar), ' ', JH.views.marks(task)],
      action(task)] }));
    return h('section', { class: 'card', dataset: { list: key } }, h('h2', {}, title),
      rows.length ? JH.dom.table(null, [t('queue.col.id'), t('task.dispute'), t('queue.col.dataset'),
        t('queue.col.received'), t('queue.col.due'), t('task.actions')], rows) : h('p', {}, empty));
  }

  async function render(main, params, ctx) {
    main.append(h('h1', { tabindex: '-1' }, t('fwd.title')));
    const [reference, forward, review] = await Promise.all([ctx.reference(),
      JH.api.tasks({ kind: 'forward_dispute', status: 'open', assignee: 'authority', limit: 200 }),
      JH.api.tasks({ kind: 'review', status: 'open', assignee: 'authority', limit: 200 })]);
    const forwardButton = (task) => {
      const b = h('button', { type: 'button', class: 'primary', dataset: { forward: String(task.id) } }, t('task.forward.submit'));
      b.addEventListener('click', async () => {
        b.disabled = true;
        try {
          const next = await JH.api.forward(task.id);
          ctx.setFlash(t('task.forward.done', { id: next.id }));
          ctx.navigate('#/forward');
        } catch (e) {
          b.disabled = false;
          b.after(ctx.errorBox(e));
        }
      });
      return b;
    };
    main.append(
      list('forward', t('fwd.forward'), t('fwd.forward.empty'), forward.items, reference, forwardButton),
      list('review', t('fwd.review'), t('fwd.review.empty'), review.items, reference,
        (task) => h('a', { href: '#/task/' + task.id, class: 'button' }, t('fwd.open'))));
    main.dataset.ready = 'forward';
  }

  JH.screens = JH.screens || {};
  JH.screens.forward = { roles: ['authority'], render };
})(window.JH = window.JH || {});
