// The console's one door to the server: every call of the public /v1 API (and the console's
// reference data) is a function here, so the pages never build URLs or bodies themselves, and
// new routes are added in one place. The bearer token lives in sessionStorage (this tab only)
// and goes in the Authorization header, never in a URL: a document is downloaded by fetching
// its bytes with the header and handing the browser a blob, not by a link to the route.
(function (JH) {
  'use strict';
  const TOKEN = 'jiaohe.token';
  const SESSION = 'jiaohe.session';

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
      this.status = status;
      this.problem = problem || {};
    }
  }

  const session = {
    token() { return sessionStorage.getItem(TOKEN); },
    info() {
      try { return JSON.parse(sessionStorage.getItem(SESSION) || 'null'); } catch (e) { return null; }
    },
    save(token, info) {
      sessionStorage.setItem(TOKEN, token);
      sessionStorage.setItem(SESSION, JSON.stringify(info));
    },
    clear() {
      sessionStorage.removeItem(TOKEN);
      sessionStorage.removeItem(SESSION);
    }
  };

  function url(path, query) {
    const u = new URL(path, location.origin);
    for (const [k, v] of Object.entries(query || {}))
      if (v !== undefined && v !== null && v !== '') u.searchParams.set(k, String(v));
    return u.pathname + u.search;
  }

  // One request; resolves to the parsed JSON (or text), rejects with ApiError.
  async function call(method, path, opts) {
    const o = opts || {};
    const headers = { Accept: o.accept || 'application/json' };
    const token = o.token !== undefined ? o.token : session.token();
    if (token) headers.Authorization = 'Bearer ' + token;
    let body;
    if (o.bytes !== undefined) {
      // A file's own bytes (the API detects the type from them and ignores this header).
      headers['Content-Type'] = o.bytes.type || 'application/octet-stream';
      body = o.bytes;
    } else if (o.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    // A retried POST (a reload, a double click) is answered from the first one.
    if (method === 'POST') headers['Idempotency-Key'] = o.key || crypto.randomUUID();
    const res = await fetch(url(path, o.query), { method, headers, body, cache: 'no-store', credentials: 'omit',
      referrerPolicy: 'no-referrer' });
    if (o.blob && res.ok) {
      const disposition = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '');
      return { blob: await res.blob(), filename: disposition ? disposition[1] : 'document' };
    }
    const text = await res.text();
    let data = text;
    if ((res.headers.get('Content-Type') || '').includes('json')) {
      try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    }
    if (!res.ok) {
      if (res.status === 401 && JH.api.onUnauthorized && !o.token) JH.api.onUnauthorized();
      throw new ApiError(res.status, typeof data === 'object' ? data : null);
    }
    return data;
  }

  const get = (path, query, o) => call('GET', path, Object.assign({ query }, o));
  const post = (path, body, o) => call('POST', path, Object.assign({ body }, o));
  const id = (n) => encodeURIComponent(String(n));

  // Who a token is: GET /v1/me (role, unit, the person it names, whether a head). 401: the
  // token is not valid. A citizen's own identifier (to fill in the filing form) comes whole only
  // in its own disputes, so the first of them is read for it.
  async function whoami(token) {
    const me = await get('/v1/me', {}, { token });
    const info = { role: me.role, token_id: me.token_id, agency: me.agency_code, agency_name: me.agency, person: me.person };
    if (me.role === 'citizen') {
      const disputes = await get('/v1/disputes', { limit: 1 }, { token }).catch((e) => { if (e.status === 401) throw e; return null; });
      const first = disputes && disputes.items[0];
      info.subject = first ? first.subject_id : null;
    }
    return info;
  }

  JH.api = {
    ApiError,
    session,
    onUnauthorized: null,
    whoami,
    // The console's public reference data: calendar window, dataset titles, rule kinds.
    reference: () => get('/console/reference.json'),

    tasks: (filters) => get('/v1/tasks', filters),
    task: (n) => get('/v1/tasks/' + id(n)),
    taskEvents: (n) => get('/v1/tasks/' + id(n) + '/events'),
    answer: (n, answer, reason) => post('/v1/tasks/' + id(n) + '/answer', { answer, reason }),
    requestExtension: (n, reason, amount) =>
      post('/v1/tasks/' + id(n) + '/extension', amount ? { reason, amount } : { reason }),
    // approver_name only where the API still takes a typed name (a token naming no person).
    decideExtension: (n, approve, reason, approverName) =>
      post('/v1/tasks/' + id(n) + '/extension/decision', approverName ? { approve, reason, approver_name: approverName } : { approve, reason }),
    start: (n) => post('/v1/tasks/' + id(n) + '/start', {}),
    assign: (n, staffId) => post('/v1/tasks/' + id(n) + '/assign', { staff_id: staffId }),
    comment: (n, text) => post('/v1/tasks/' + id(n) + '/comments', { text }),
    // The live 异议标注 flags of a subject ({subject}) or a record ({dataset, record}).
    flags: (query) => get('/v1/flags', query),
    // The datasets an exposure of personal data suspended ({state, dataset}; Art. 44 para. 3).
    datasetPublication: (query) => get('/v1/datasets/publication', query),
    forward: (n) => post('/v1/tasks/' + id(n) + '/forward', {}),

    disputes: (filters) => get('/v1/disputes', filters),
    dispute: (n) => get('/v1/disputes/' + id(n)),
    fileDispute: (body) => post('/v1/disputes', body),
    appeal: (n, reason) => post('/v1/disputes/' + id(n) + '/appeal', { reason }),
    documents: (n) => get('/v1/disputes/' + id(n) + '/documents'),
    // {blob, filename} of one document, fetched with the bearer token.
    document: (n, doc) => call('GET', '/v1/disputes/' + id(n) + '/documents/' + id(doc), { accept: '*/*', blob: true }),
    uploadDocument: (n, file) => call('POST', '/v1/disputes/' + id(n) + '/documents', { bytes: file }),
    accessLog: (query) => get('/v1/me/access-log', query),

    scans: (filters) => get('/v1/scans', filters),
    scan: (n) => get('/v1/scans/' + id(n)),
    findings: (filters) => get('/v1/findings', filters),
    quality: (filters) => get('/v1/reports/quality', filters),
    onTime: (filters) => get('/v1/reports/on-time', filters),
    qualityTrend: (filters) => get('/v1/reports/quality-trend', filters),
    // The offline report as the HTML text of one file.
    qualityReportHtml: (filters) => get('/reports/quality.html', filters, { accept: 'text/html' })
  };
})(window.JH = window.JH || {});
