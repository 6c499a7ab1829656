// The console's one door to the server: every call of the public /v1 API (and the console's
// reference data) is a function here, so the pages never build URLs or bodies themselves, and
// new routes (issue 13: assignment, comments, flags, /v1/me/access-log...) are added in one
// place. The bearer token lives in sessionStorage (this tab only) and goes in the
// Authorization header, never in a URL.
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
    if (o.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    // A retried POST (a reload, a double click) is answered from the first one.
    if (method === 'POST') headers['Idempotency-Key'] = o.key || crypto.randomUUID();
    const res = await fetch(url(path, o.query), { method, headers, body, cache: 'no-store', credentials: 'omit',
      referrerPolicy: 'no-referrer' });
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

  // Which role a token has. The API has no "who am I" route yet (issue 13 may add one), so the
  // console asks the lists each role may read: tasks (agency, authority), scans (authority,
  // admin), disputes (citizen). 401 anywhere: the token is not valid. Staff never list
  // disputes here (that read would be access-logged for nothing).
  async function whoami(token) {
    const probe = (path) => get(path, { limit: 1 }, { token }).then((d) => ({ ok: true, d }),
      (e) => { if (e.status === 401) throw e; return { ok: false, status: e.status }; });
    const [tasks, scans] = await Promise.all([probe('/v1/tasks'), probe('/v1/scans')]);
    if (tasks.ok && scans.ok) return { role: 'authority' };
    if (tasks.ok) {
      const first = tasks.d.items[0];
      return { role: 'agency', agency: first && first.assignee !== 'authority' ? first.assignee : null };
    }
    if (scans.ok) return { role: 'admin' };
    const disputes = await probe('/v1/disputes');
    if (disputes.ok) {
      const first = disputes.d.items[0];
      return { role: 'citizen', subject: first ? first.subject_id : null };
    }
    return { role: null };
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
    decideExtension: (n, approve, reason, approverName) =>
      post('/v1/tasks/' + id(n) + '/extension/decision', { approve, reason, approver_name: approverName }),
    forward: (n) => post('/v1/tasks/' + id(n) + '/forward', {}),

    disputes: (filters) => get('/v1/disputes', filters),
    dispute: (n) => get('/v1/disputes/' + id(n)),
    fileDispute: (body) => post('/v1/disputes', body),
    appeal: (n, reason) => post('/v1/disputes/' + id(n) + '/appeal', { reason }),

    scans: (filters) => get('/v1/scans', filters),
    scan: (n) => get('/v1/scans/' + id(n)),
    findings: (filters) => get('/v1/findings', filters),
    quality: (filters) => get('/v1/reports/quality', filters),
    onTime: (filters) => get('/v1/reports/on-time', filters),
    // The offline report as the HTML text of one file.
    qualityReportHtml: (filters) => get('/reports/quality.html', filters, { accept: 'text/html' })
  };
})(window.JH = window.JH || {});
