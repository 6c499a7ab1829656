// Login: the caller pastes a token; its role is read from the API (JH.api.whoami).
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);

  function render(main, params, ctx) {
    const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false',
      required: true });
    const status = h('p', { class: 'status', role: 'status' });
    const form = h('form', { class: 'card narrow', novalidate: true },
      h('h1', { tabindex: '-1' }, t('login.title')),
      h('p', {}, t('login.intro')),
      JH.dom.field(t('login.token'), input),
      h('button', { type: 'submit', class: 'primary' }, t('login.submit')),
      status);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      JH.dom.clearErrors(form);
      const token = input.value.trim();
      if (!token) return JH.dom.fieldError(form, 'token', t('login.empty'));
      status.textContent = t('login.checking');
      try {
        const who = await JH.api.whoami(token);
        if (!who.role) { status.textContent = ''; return JH.dom.fieldError(form, 'token', t('login.unknown_role')); }
        JH.api.session.save(token, who);
        ctx.navigate(JH.app.home[who.role]);
      } catch (e) {
        status.textContent = '';
        JH.dom.fieldError(form, 'token', e.status === 401 ? t('login.invalid') : ctx.errorText(e));
        input.focus();
      }
    });
    main.append(form);
    input.focus();
  }

  JH.screens = JH.screens || {};
  JH.screens.login = { render };
})(window.JH = window.JH || {});
