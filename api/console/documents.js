// A dispute's supporting documents (PDF, JPEG, PNG, at most 2 MiB, at most 5): the list with a
// download button each, and for those who may upload (the party, the authority on its behalf) a
// file picker. Bytes are fetched with the bearer token and handed to the browser as a blob, so
// no token and no document route ever sits in a link. The API decides what it takes: each
// refusal (too large, not a PDF/JPEG/PNG, a sixth document, a closed dispute) is shown beside
// the file it was about.
(function (JH) {
  'use strict';
  const { h } = JH.dom;
  const t = (k, v) => JH.t(k, v);
  const MAX = 5;
  const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
  const TYPE = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MiB' : Math.max(1, Math.round(bytes / 1024)) + ' KiB';
  }

  function item(disputeId, d, n) {
    const status = h('span', { class: 'doc-status', role: 'status' });
    const button = h('button', { type: 'button', dataset: { document: String(d.id) } },
      t('docs.download', { n, type: TYPE[d.media_type] || d.media_type, size: size(d.size) }));
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.textContent = t('common.busy');
      try {
        const got = await JH.api.document(disputeId, d.id);
        JH.dom.download(got.blob, got.filename);
        status.textContent = '';
      } catch (e) {
        status.textContent = JH.app.errorText(e);
      } finally {
        button.disabled = false;
      }
    });
    return h('li', { dataset: { documentId: String(d.id) } }, button, ' ',
      h('span', { class: 'hint' }, t('docs.uploaded', { at: JH.format.instant(d.uploaded_at) })), ' ', status);
  }

  // What the API said about one file, in the page's words where the status says it all.
  function refusal(e) {
    if (e && e.status === 413) return t('docs.too_large');
    if (e && e.status === 415) return t('docs.wrong_type');
    if (e && e.status === 409) return t('docs.refused', { detail: e.message });
    return JH.app.errorText(e);
  }

  // Uploads `files` one after another (the API counts them under the dispute's lock); resolves
  // to [{file, doc} | {file, error}] in order.
  async function upload(disputeId, files) {
    const out = [];
    for (const file of files) {
      try { out.push({ file, doc: await JH.api.uploadDocument(disputeId, file) }); } catch (e) { out.push({ file, error: e }); }
    }
    return out;
  }

  // A file input (multiple, typed); `id` names it for its label and errors.
  function picker(id) {
    return h('input', { id, name: id, type: 'file', multiple: true, accept: ACCEPT });
  }

  // The outcome of an upload as a list beside the picker: what was stored, what was refused and why.
  function outcome(results) {
    return h('ul', { class: 'plain doc-results' }, results.map((r) => h('li', {
      class: r.error ? 'error' : 'ok', dataset: { upload: r.error ? 'refused' : 'stored' } },
    r.file.name, '：', r.error ? refusal(r.error) : t('docs.stored'))));
  }

  // The documents section of a dispute; `canUpload` adds the picker. Loads itself.
  function section(disputeId, canUpload) {
    const list = h('div', { class: 'doc-list' }, h('p', { class: 'status' }, t('common.loading')));
    const el = h('section', { class: 'card', dataset: { part: 'documents' } }, h('h2', {}, t('docs.title')), list);
    const load = async () => {
      try {
        const page = await JH.api.documents(disputeId);
        JH.dom.replace(list, page.items.length
          ? h('ol', { class: 'plain docs' }, page.items.map((d, i) => item(disputeId, d, i + 1)))
          : h('p', {}, t('docs.none')));
        return page.items.length;
      } catch (e) {
        JH.dom.replace(list, JH.app.errorBox(e));
        return 0;
      }
    };
    load().then((count) => {
      if (!canUpload) { el.dataset.ready = 'documents'; return; }
      const input = picker('documents-file');
      const results = h('div', { class: 'doc-outcome', 'aria-live': 'polite' });
      const form = h('form', { class: 'action', dataset: { action: 'upload' }, novalidate: true },
        JH.dom.field(t('docs.add'), input, t('docs.hint', { left: Math.max(0, MAX - count) })),
        h('button', { type: 'submit', class: 'primary' }, t('docs.submit')), results);
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        JH.dom.clearErrors(form);
        if (!input.files.length) { JH.dom.fieldError(form, input.id, t('docs.choose')); input.focus(); return; }
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        const done = await upload(disputeId, [...input.files]);
        button.disabled = false;
        input.value = '';
        await load();
        JH.dom.replace(results, outcome(done));
        form.dataset.done = String(done.length);
      });
      el.append(form);
      el.dataset.ready = 'documents';
    });
    return el;
  }

  JH.documents = { section, upload, picker, outcome, ACCEPT, MAX };
})(window.JH = window.JH || {});
