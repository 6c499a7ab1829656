// The one way the console puts anything on the page: elements built with createElement and
// text set with text nodes, so a value from the API can never become markup. No innerHTML,
// no inline handlers, no style attributes (the Content-Security-Policy forbids them anyway).
(function (JH) {
  'use strict';

  function append(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  // h('tag', {class, text, on: {click: fn}, dataset: {...}, any-attribute: value}, ...children)
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = String(v);
      else if (k === 'on') for (const [type, fn] of Object.entries(v)) el.addEventListener(type, fn);
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k === 'value') el.value = String(v);
      else if (/^on|^style$|^srcdoc$/i.test(k)) throw new Error('dom: attribute ' + k + ' is not allowed');
      else if (k === 'href' && !/^(#|\/)/.test(String(v))) throw new Error('dom: only local links');
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    return append(el, children);
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  function replace(el, ...children) {
    return append(clear(el), children);
  }

  // A labelled form field; `control` is an input, select or textarea with an id.
  function field(labelText, control, hint) {
    const id = control.id;
    const error = h('p', { class: 'field-error', id: id + '-error', role: 'alert', hidden: true });
    const parts = [h('label', { for: id }, labelText), control];
    if (hint) parts.push(h('p', { class: 'hint', id: id + '-hint' }, hint));
    parts.push(error);
    control.setAttribute('aria-describedby', (hint ? id + '-hint ' : '') + id + '-error');
    return h('div', { class: 'field', dataset: { field: id } }, parts);
  }

  // Shows `message` under the field whose control has id `id` (or hides it when empty).
  function fieldError(form, id, message) {
    const control = form.querySelector('#' + CSS.escape(id));
    const error = form.querySelector('#' + CSS.escape(id + '-error'));
    if (!control || !error) return false;
    error.textContent = message || '';
    error.hidden = !message;
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
    return true;
  }

  function clearErrors(form) {
    for (const e of form.querySelectorAll('.field-error')) { e.textContent = ''; e.hidden = true; }
    for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  }

  function select(id, options, selected) {
    return h('select', { id, name: id },
      options.map(([value, text]) => h('option', { value, selected: value === selected }, text)));
  }

  // A table from column headers and rows of cells (each a string, a node or an array of them).
  function table(caption, headers, rows, opts) {
    return h('table', { class: (opts && opts.class) || 'data' },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map((r) => h('tr', r.attrs || {},
        (r.cells || r).map((c, i) => h('td', { 'data-label': typeof headers[i] === 'string' ? headers[i] : null }, c))))));
  }

  // Hands `blob` to the browser to save as `filename`: the one link that is not local (a blob:
  // URL of bytes already fetched with the token), made here and removed at once. The save reads
  // the blob after the click returns, so the URL is released a minute later (at once cancels it).
  const KEEP_BLOB_MS = 60000;
  function download(blob, filename) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), KEEP_BLOB_MS);
  }

  JH.dom = { h, append, clear, replace, field, fieldError, clearErrors, select, table, download };
})(window.JH = window.JH || {});
