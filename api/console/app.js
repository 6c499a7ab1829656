// The shell: the bar (who is logged in, the pages their role has, the language switch), and a
// hash router (#/queue, #/task/7...) that draws one screen at a time into <main>. Screens are
// registered by their own files as JH.screens[name] = {roles, render(main, params, ctx)}.
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);

  const routes = [
    ['login', /^#\/login$/],
    ['queue', /^#\/queue$/],
    ['task', /^#\/task\/(\d+)$/],
    ['dashboard', /^#\/dashboard$/],
    ['forward', /^#\/forward$/],
    ['report', /^#\/report$/],
    ['file', /^#\/file$/],
    ['disputes', /^#\/disputes$/],
    ['dispute', /^#\/dispute\/(\d+)$/],
    ['reads', /^#\/reads$/]
  ];
  const home = { citizen: '#/disputes', agency: '#/queue', authority: '#/dashboard', admin: '#/dashboard' };
  const menus = {
    citizen: [['#/file', 'nav.file'], ['#/disputes', 'nav.disputes'], ['#/reads', 'nav.reads']],
    agency: [['#/queue', 'nav.queue'], ['#/disputes', 'disputes.title.staff'], ['#/report', 'nav.report']],
    authority: [['#/dashboard', 'nav.dashboard'], ['#/queue', 'nav.queue'], ['#/forward', 'nav.forward'],
      ['#/disputes', 'disputes.title.staff'], ['#/report', 'nav.report']],
    admin: [['#/dashboard', 'nav.dashboard']]
  };

  let cleanups = [];
  let referencePromise = null;
  let flash = null;

  function reference() {
    if (!referencePromise) referencePromise = JH.api.reference().catch((e) => { referencePromise = null; throw e; });
    return referencePromise;
  }

  function navigate(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  // The message for a failed call, shown in place.
  function errorText(e) {
    if (e && e.status === 403) return t('common.forbidden');
    if (e && e.status === 404) return t('common.not_found');
    return t('common.error', { detail: (e && e.message) || String(e) });
  }
  function errorBox(e) { return h('p', { class: 'error', role: 'alert' }, errorText(e)); }

  function drawBar(info) {
    const bar = document.getElementById('bar');
    const current = location.hash.split('?')[0];
    const links = info && info.role ? (menus[info.role] || []) : [];
    JH.dom.replace(bar,
      h('a', { class: 'brand', href: info && info.role ? home[info.role] : '#/login' },
        h('span', { class: 'brand-name' }, t('app.name')), h('span', { class: 'brand-sub' }, t('app.subtitle'))),
      h('nav', { 'aria-label': t('app.name') }, h('ul', {}, links.map(([href, key]) =>
        h('li', {}, h('a', { href, 'aria-current': current === href ? 'page' : null }, t(key)))))),
      h('div', { class: 'bar-end' },
        info && info.role ? h('span', { class: 'who' }, t('nav.role', { role: t('role.' + info.role) }),
          info.person ? [' · ', info.person.name, info.person.head ? ' (' + t('nav.head') + ')' : ''] : null) : null,
        h('button', { type: 'button', class: 'lang', lang: JH.i18n.lang === 'zh' ? 'en' : 'zh-CN',
          'aria-label': t('lang.switch.label'), on: { click: switchLang } }, t('lang.switch')),
        info && info.role ? h('button', { type: 'button', class: 'logout', on: { click: logout } }, t('nav.logout')) : null));
  }

  function switchLang() {
    JH.i18n.setLang(JH.i18n.lang === 'zh' ? 'en' : 'zh');
    route();
    const b = document.querySelector('#bar .lang');
    if (b) b.focus();
  }

  function logout() {
    JH.api.session.clear();
    navigate('#/login');
  }

  function route() {
    for (const c of cleanups) c();
    cleanups = [];
    JH.charts.disposeAll();
    const [path, search] = location.hash.split('?');
    const info = JH.api.session.info();
    let name = null, params = [];
    for (const [n, re] of routes) {
      const m = re.exec(path || '');
      if (m) { name = n; params = m.slice(1); break; }
    }
    if (!info || !JH.api.session.token()) {
      if (name !== 'login') return navigate('#/login');
    } else if (!name || name === 'login') {
      return navigate(home[info.role] || '#/login');
    }
    const main = document.getElementById('main');
    drawBar(info);
    const screen = JH.screens[name];
    JH.dom.clear(main);
    delete main.dataset.ready;
    if (flash) { main.append(h('p', { class: 'notice', role: 'status' }, flash)); flash = null; }
    if (info && screen.roles && !screen.roles.includes(info.role)) {
      main.append(h('h1', { tabindex: '-1' }, t('common.forbidden')));
    } else {
      const ctx = { session: info, query: new URLSearchParams(search || ''), navigate, reference, errorBox, errorText,
        onCleanup: (fn) => cleanups.push(fn), setFlash: (text) => { flash = text; } };
      Promise.resolve(screen.render(main, params, ctx)).catch((e) => main.append(errorBox(e))).then(() => focusHeading(main));
      return;
    }
    focusHeading(main);
  }

  // A new screen starts at its heading (keyboard and screen-reader users hear where they are),
  // unless the screen put the focus somewhere itself or the user is in the bar.
  function focusHeading(main) {
    const active = document.activeElement;
    if (active && (main.contains(active) && active !== main || document.getElementById('bar').contains(active))) return;
    const heading = main.querySelector('h1');
    if (heading) heading.focus();
  }

  JH.screens = JH.screens || {};
  JH.app = { navigate, reference, errorBox, errorText, home };
  JH.api.onUnauthorized = () => {
    JH.api.session.clear();
    flash = t('login.expired');
    navigate('#/login');
  };

  window.addEventListener('hashchange', route);
  JH.i18n.setLang(JH.i18n.lang);
  route();
})(window.JH = window.JH || {});
