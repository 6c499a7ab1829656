// "Who read my data" (Art. 20, 39): a citizen's GET /v1/me/access-log, newest first, one
// entry per staff read (when, which agency or the authority, what was read and through which
// route), page by page. Laid out as a list of short entries so it reads on a phone.
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);
  const PAGE = 50;

  function entry(a) {
    const who = a.agency || (a.role === 'authority' ? t('role.authority') : JH.i18n.label('role', a.role));
    return h('li', { class: 'read', dataset: { read: String(a.id) } },
      h('time', { datetime: a.at }, JH.format.instant(a.at)), ' ',
      h('strong', { class: 'reader' }, who),
      h('p', {}, JH.i18n.label('read', a.action), a.resource ? [' · ', h('code', {}, a.resource)] : null),
      h('p', { class: 'hint' }, t('reads.token', { id: a.token_id })));
  }

  async function render(main, params, ctx) {
    const status = h('p', { class: 'status', role: 'status' }, t('common.loading'));
    const list = h('ol', { class: 'reads plain' });
    const more = h('button', { type: 'button', class: 'more', hidden: true }, t('common.more'));
    main.append(h('h1', { tabindex: '-1' }, t('reads.title')), h('p', {}, t('reads.intro')), status, list, more);
    let cursor = null, shown = 0;
    const load = async () => {
      more.disabled = true;
      const page = await JH.api.accessLog({ limit: PAGE, cursor });
      for (const a of page.items) list.append(entry(a));
      shown += page.items.length;
      cursor = page.next_cursor;
      more.hidden = !cursor;
      more.disabled = false;
      status.textContent = shown ? t('reads.count', { n: shown }) : t('reads.empty');
    };
    more.addEventListener('click', () => load().catch((e) => main.append(ctx.errorBox(e))));
    await load();
    main.dataset.ready = 'reads';
  }

  JH.screens = JH.screens || {};
  JH.screens.reads = { roles: ['citizen'], render };
})(window.JH = window.JH || {});
