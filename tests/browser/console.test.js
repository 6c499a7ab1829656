// The web console in a real browser: Debian's headless Chromium driven by puppeteer-core,
// against `jiaohe serve` on the test run's PostgreSQL with a small demo province. Every wait
// is for a selector or a response, never for time. Screenshots of each screen go to
// $JIAOHE_SCREENSHOTS for people to look at.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawn } = require('node:child_process');
const puppeteer = require(path.join(process.env.JIAOHE_NODE_MODULES, 'puppeteer-core'));

const JIAOHE = process.env.JIAOHE_BIN;
const CLUSTER = process.env.JIAOHE_TEST_CLUSTER_DIR;
const SHOTS = process.env.JIAOHE_SCREENSHOTS;
fs.mkdirSync(process.env.JIAOHE_TEST_TMP, { recursive: true });
const TMP = fs.mkdtempSync(path.join(process.env.JIAOHE_TEST_TMP, 'browser-'));
const XSS = '<img src=x onerror=alert(1)>';
const DB = 'browser_' + process.pid;

const state = { problems: [] };
// A real 1×1 PNG (the API types a document by its first bytes) and a text file it refuses.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');
const sha256 = (bytes) => require('node:crypto').createHash('sha256').update(bytes).digest('hex');

function run(cmd, args, opts) {
  return execFileSync(cmd, args, Object.assign({ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }, opts));
}
function jiaohe(...args) { return run(JIAOHE, args.concat(['--database-url', state.url])); }
function sql(query) { return run('psql', [state.url, '-XAt', '-v', 'ON_ERROR_STOP=1', '-c', query]).trim(); }
function token(...args) { return run(JIAOHE, ['token', 'create', ...args, '--database-url', state.url]).trim(); }

async function api(tokenValue, method, route, body) {
  const res = await fetch(state.base + route, { method, headers: Object.assign({ Authorization: 'Bearer ' + tokenValue },
    body ? { 'Content-Type': 'application/json' } : {}), body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text && res.headers.get('content-type').includes('json') ? JSON.parse(text) : text };
}

// `jiaohe serve` on the run's database; `extra` arguments after the usual ones (a catalogue).
async function startServer(extra = []) {
  const server = spawn(JIAOHE, ['serve', '--database-url', state.url, '--host', '127.0.0.1', '--port', '0', '--no-migrate'].concat(extra), {
    env: Object.assign({}, process.env, { JIAOHE_JOBS_SCAN_ENABLED: 'false', JIAOHE_JOBS_SWEEPER_ENABLED: 'false',
      JIAOHE_JOBS_DELIVERY_ENABLED: 'false', JIAOHE_LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'inherit']
  });
  state.server = server;
  const base = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /serving on (http:\/\/[0-9.]+:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error('jiaohe serve exited with ' + code)));
  });
  state.base = base;
}

async function stopServer() {
  const exited = new Promise((resolve) => state.server.once('exit', resolve));
  state.server.kill('SIGTERM');
  await exited;
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const admin = run(JIAOHE, ['cluster', 'url', '--dir', CLUSTER, '--database', 'postgres']).trim();
  run('psql', [admin, '-XAt', '-v', 'ON_ERROR_STOP=1', '-c', `DROP DATABASE IF EXISTS ${DB}`]);
  run('psql', [admin, '-XAt', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${DB} TEMPLATE jiaohe_template`]);
  state.admin = admin;
  state.url = run(JIAOHE, ['cluster', 'url', '--dir', CLUSTER, '--database', DB]).trim();

  // A small province, a first scan; then one clean person's name in the social-insurance
  // table becomes markup, and a second scan finds the conflict with the registry.
  jiaohe('generate', '--subjects', '300', '--defect-rate', '0.05', '--seed', '5');
  jiaohe('scan', '--full');
  state.subject = sql(`SELECT r.aac002 FROM platform.rst_insured r JOIN platform.gaj_hukou g ON g.gmsfhm = r.aac002
    WHERE r.aac002 ~ '^[0-9]{17}[0-9X]$' AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.subject_id = r.aac002)
    ORDER BY r.aac001 LIMIT 1`);
  assert.match(state.subject, /^[0-9]{17}[0-9X]$/);
  sql(`UPDATE platform.rst_insured SET aac003 = '${XSS}' WHERE aac002 = '${state.subject}'`);
  jiaohe('scan', '--full');
  state.xssTask = sql(`SELECT tf.task_id FROM task_findings tf JOIN findings f ON f.id = tf.finding_id
    WHERE f.subject_id = '${state.subject}' AND f.dataset_id = 'rst_insured' AND f.rule_id = 'BL-CONF-001' LIMIT 1`);
  assert.match(state.xssTask, /^\d+$/, 'the name conflict opened a task');

  state.agency = token('--role', 'agency', '--agency', 'rst', '--label', 'browser clerk');
  state.clerk = token('--role', 'agency', '--agency', 'rst', '--staff', 'S01', '--name', '王科员', '--label', 'browser named clerk');
  state.head = token('--role', 'agency', '--agency', 'rst', '--staff', 'H01', '--name', '赵处长', '--head', '--label', 'browser head');
  state.head2 = token('--role', 'agency', '--agency', 'rst', '--staff', 'H02', '--name', '钱副处长', '--head', '--label', 'browser deputy head');
  state.authority = token('--role', 'authority', '--label', 'browser authority');
  state.citizen = token('--role', 'citizen', '--subject', state.subject, '--label', 'browser citizen');
  await startServer();

  state.browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    userDataDir: path.join(TMP, 'profile'),
    args: ['--no-sandbox', '--headless', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-gpu', '--disable-quic', '--lang=zh-CN']
  });
});

after(async () => {
  if (state.browser) await state.browser.close();
  if (state.server) await stopServer();
  if (state.admin) run('psql', [state.admin, '-XAt', '-c', `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`]);
  fs.rmSync(TMP, { recursive: true, force: true });
});

// A fresh tab with its own session storage; CSP reports, script errors and dialogs are kept.
async function freshPage(viewport) {
  const context = await state.browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport || { width: 1280, height: 900 });
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) state.problems.push('csp: ' + m.text()); });
  page.on('pageerror', (e) => state.problems.push('error: ' + e.message));
  page.on('dialog', async (d) => { state.problems.push('dialog: ' + d.message()); await d.dismiss(); });
  page.on('request', (r) => {
    const url = r.url();
    for (const t of [state.agency, state.clerk, state.head, state.head2, state.authority, state.citizen]) if (url.includes(t)) state.problems.push('token in a URL: ' + url);
    // Nothing but this server and the page's own data: no CDN, no font service, no telemetry.
    if (!/^(file|data|blob):/.test(url) && !url.startsWith(state.base + '/')) state.problems.push('request elsewhere: ' + url);
  });
  return page;
}

async function login(page, tokenValue, ready) {
  await page.goto(state.base + '/', { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('#token');
  // By keyboard only: the field has the focus, Enter sends the form.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'token');
  if (!state.loginShot) state.loginShot = await shot(page, 'login').then(() => true);
  await page.keyboard.type(tokenValue);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`main[data-ready="${ready}"]`);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage: true });
}

const text = (page, selector) => page.$eval(selector, (el) => el.textContent);
const noMarkupFromData = (page) => page.evaluate(() => document.querySelectorAll('main img, main script').length);

test('served with a strict policy, the right types and caching', async () => {
  const index = await fetch(state.base + '/');
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type'), /^text\/html/);
  const csp = index.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  const html = await index.text();
  const m = /src="(\/console\/app\.js\?v=[0-9a-f]{16})"/.exec(html);
  assert.ok(m, 'index.html references versioned files');
  assert.doesNotMatch(html, /<script>|\sstyle=|\son[a-z]+=/i, 'no inline script, style or handler');
  const app = await fetch(state.base + m[1], { headers: { 'Accept-Encoding': 'gzip' } });
  assert.match(app.headers.get('content-type'), /^text\/javascript/);
  assert.match(app.headers.get('cache-control'), /immutable/);
  const revalidate = await fetch(state.base + m[1], { headers: { 'If-None-Match': app.headers.get('etag') } });
  assert.equal(revalidate.status, 304);
  assert.equal((await fetch(state.base + '/console/nosuch.js')).status, 404);
});

test('an agency clerk logs in, finds a task, answers it, and it leaves the queue', async () => {
  const page = await freshPage();
  await login(page, state.agency, 'queue');
  assert.equal(await page.evaluate(() => location.href.includes('token') || sessionStorage.length === 0), false);
  await page.select('#dataset', 'rst_insured');
  await page.select('#kind', 'verify_finding');
  await page.click('form.filters button[type=submit]');
  const row = `tr[data-task="${state.xssTask}"]`;
  await page.waitForSelector(`main[data-ready="queue"] ${row}`);
  const due = await page.$eval(`${row} .due`, (el) => ({ at: el.dataset.due, left: el.dataset.left }));
  const apiTask = (await api(state.agency, 'GET', '/v1/tasks/' + state.xssTask)).body;
  assert.equal(due.at, apiTask.due_at);
  assert.match(due.left, /^\d+$/, 'working days left are counted');
  await shot(page, 'agency-queue');

  await page.focus(`${row} a.task-link`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('main[data-ready="task"]');
  // The name that is markup shows as text, in the evidence and among the agencies' values.
  const body = await text(page, 'main');
  // The evidence gives a name in the form the rules compare (person_name upper-cases Latin
  // letters), so the markup may show upper-cased: as text either way.
  assert.ok(body.toUpperCase().includes(XSS.toUpperCase()), 'the value shows as text');
  assert.equal(await noMarkupFromData(page), 0);
  await shot(page, 'agency-task');

  await page.select('#answer', 'corrected');
  await page.type('#answer-reason', 'registry name restored; ' + XSS);
  await page.click('form[data-action="answer"] button[type=submit]');
  await page.waitForSelector('main[data-ready="queue"] .notice');
  assert.equal(await page.$(row), null, 'the answered task left the open queue');
  assert.equal((await api(state.agency, 'GET', '/v1/tasks/' + state.xssTask)).body.status, 'answered');
  await page.close();
});

test('a citizen files with one invalid field, sees the error in place, fixes it and sees the deadline', async () => {
  const page = await freshPage({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await login(page, state.citizen, 'disputes');
  await page.click('a[href="#/file"]');
  await page.waitForSelector('main[data-ready="file"]');
  // A wrong check character: the ID validator's reason appears under the field.
  const last = state.subject.slice(-1);
  const wrong = state.subject.slice(0, -1) + (last === '0' ? '1' : '0');
  await page.evaluate(() => { document.getElementById('subject_id').value = ''; });
  await page.type('#subject_id', wrong);
  await page.select('#dataset_id', 'rst_insured');
  await page.select('#attribute', 'person.name');
  await page.type('#claimed_value', '张三');
  await page.type('#description', 'my name is wrong: ' + XSS);
  await page.click('form.dispute-form button[type=submit]');
  await page.waitForSelector('#subject_id-error:not([hidden])');
  assert.equal(await page.$eval('#subject_id', (el) => el.getAttribute('aria-invalid')), 'true');
  assert.match(await text(page, '#subject_id-error'), /校验码/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'subject_id', 'focus moves to the field');
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, 'the form fits a phone screen');
  await shot(page, 'citizen-file-error');

  await page.evaluate(() => { document.getElementById('subject_id').value = ''; });
  await page.type('#subject_id', state.subject);
  // A supporting document goes with the filing.
  state.png = path.join(TMP, 'certificate.png');
  fs.writeFileSync(state.png, PNG);
  await (await page.$('#documents')).uploadFile(state.png);
  await page.click('form.dispute-form button[type=submit]');
  await page.waitForSelector('main[data-ready="dispute"] [data-action="deadline"] .due');
  const id = (await page.evaluate(() => location.hash)).replace('#/dispute/', '');
  const dispute = (await api(state.citizen, 'GET', '/v1/disputes/' + id)).body;
  assert.equal(await page.$eval('[data-action="deadline"] .due', (el) => el.dataset.due), dispute.deadline);
  assert.match(await page.$eval('[data-action="deadline"] .due', (el) => el.dataset.left), /^[1-9]\d*$/);
  assert.equal(dispute.claimed_value, '张三');
  assert.match(await text(page, 'main .notice'), /证明材料已保存 1\/1 份/);
  // The claim as filed, as text; the document stored with it.
  assert.ok((await text(page, 'main')).includes('my name is wrong: ' + XSS));
  await page.waitForSelector('[data-part="documents"][data-ready] li[data-document-id]');
  const docs = (await api(state.citizen, 'GET', `/v1/disputes/${id}/documents`)).body.items;
  assert.equal(docs.length, 1);
  assert.equal(docs[0].sha256, sha256(PNG));
  await shot(page, 'citizen-dispute');
  // A file the API refuses (not a PDF, JPEG or PNG): its reason beside it, nothing stored.
  const notes = path.join(TMP, 'notes.txt');
  fs.writeFileSync(notes, 'not a document');
  await (await page.$('#documents-file')).uploadFile(notes);
  await page.click('form[data-action="upload"] button[type=submit]');
  await page.waitForSelector('form[data-action="upload"][data-done] [data-upload="refused"]');
  assert.match(await text(page, '[data-upload="refused"]'), /notes\.txt.*不是 PDF、JPEG 或 PNG/);
  assert.equal((await api(state.citizen, 'GET', `/v1/disputes/${id}/documents`)).body.items.length, 1);
  assert.equal(await page.$$eval('[data-part="documents"] li[data-document-id]', (l) => l.length), 1);
  await shot(page, 'citizen-documents');
  state.dispute = dispute;
  state.document = docs[0];
  // The agency's queue is not a citizen's page: the console says so and asks the API nothing.
  await page.goto(state.base + '/#/queue');
  await page.waitForFunction((forbidden) => {
    const h1 = document.querySelector('main h1');
    return h1 && h1.textContent === forbidden;
  }, {}, '您的身份无权查看此内容。');
  assert.equal(await page.$('main table'), null);
  await page.close();
});

const disputeTask = async () => (await api(state.agency, 'GET', '/v1/tasks?kind=verify_dispute')).body.items
  .find((t) => t.dispute_id === state.dispute.id);
const eventText = (page, action) => page.$$eval(`li[data-action="${action}"]`, (l) => l.map((e) => e.textContent));

test('the task shows the party\'s claim, the documents and flags; start, assign and comment name the person', async () => {
  const task = await disputeTask();
  const apiTask = (await api(state.clerk, 'GET', '/v1/tasks/' + task.id)).body;
  const page = await freshPage();
  await login(page, state.clerk, 'queue');
  assert.match(await text(page, '#bar .who'), /王科员/);
  await page.goto(state.base + '/#/task/' + task.id);
  await page.waitForSelector('main[data-ready="task"] [data-part="claim"]');
  assert.equal(await text(page, '[data-part="claim"] [data-value="claimed"]'), '张三');
  assert.equal(await text(page, '[data-part="claim"] [data-value="description"]'), 'my name is wrong: ' + XSS);
  if (apiTask.claim.authoritative_value)
    assert.equal(await text(page, '[data-part="claim"] [data-value="authoritative"]'), String(apiTask.claim.authoritative_value.value));
  // Each agency's value with the authoritative one marked and the claim beside the disputed attribute.
  const values = await page.$$eval('table.values tbody tr', (rows) => rows.map((r) => ({
    authoritative: !!r.querySelector('[data-mark="authoritative"]'), claimed: (r.querySelector('.claimed') || {}).textContent || null })));
  assert.equal(values.length, apiTask.values.length);
  assert.deepEqual(values.map((v) => v.authoritative), apiTask.values.map((v) => v.authoritative));
  assert.deepEqual(values.map((v) => v.claimed), apiTask.values.map((v) => (v.claimed_value === undefined ? null : v.claimed_value)));
  assert.equal(await noMarkupFromData(page), 0);
  // The record's flags: this task flags the disputed subject.
  await page.waitForSelector(`[data-part="flags"][data-ready] tr[data-flag-task="${task.id}"]`);
  // A unit token cannot decide extensions and nobody offers what the API would refuse: no upload for an agency.
  await page.waitForSelector('[data-part="documents"][data-ready] li[data-document-id]');
  assert.equal(await page.$('form[data-action="upload"]'), null);
  // The document downloads with the bearer token (no link to the route): the browser saves
  // the same bytes under the API's file name.
  const downloads = path.join(TMP, 'downloads');
  fs.mkdirSync(downloads, { recursive: true });
  const cdp = await state.browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true,
    browserContextId: page.browserContext().id });
  const saved = new Promise((resolve) => cdp.on('Browser.downloadProgress', (e) => { if (e.state !== 'inProgress') resolve(e.state); }));
  const request = page.waitForRequest((r) => r.url().endsWith(`/v1/disputes/${state.dispute.id}/documents/${state.document.id}`));
  // By keyboard: the download is a button.
  await page.focus(`button[data-document="${state.document.id}"]`);
  await page.keyboard.press('Enter');
  assert.equal((await request).headers().authorization, 'Bearer ' + state.clerk);
  assert.equal(await saved, 'completed');
  const file = path.join(downloads, `dispute-${state.dispute.id}-document-${state.document.id}.png`);
  assert.equal(sha256(fs.readFileSync(file)), state.document.sha256);
  await shot(page, 'agency-task-claim');

  // Acknowledge, assign to me, comment: each an event naming the person.
  await page.focus('form[data-action="start"] button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('main[data-ready="task"] li[data-action="start"]');
  assert.match((await eventText(page, 'start')).join(), /王科员/);
  await page.click('form[data-action="assign-me"] button[type=submit]');
  await page.waitForSelector('main[data-ready="task"] [data-assigned-to="S01"]');
  assert.match((await eventText(page, 'assign')).join(), /王科员.*→ 王科员 \(S01\)/);
  // A staff id not in the register: the API's refusal under the field.
  await page.type('#assign-staff', 'S99');
  await page.click('form[data-action="assign"] button[type=submit]');
  await page.waitForSelector('#assign-staff-error:not([hidden])');
  assert.match(await text(page, '#assign-staff-error'), /S99/);
  await page.type('#comment-text', 'asked the registry: ' + XSS);
  await page.click('form[data-action="comment"] button[type=submit]');
  await page.waitForSelector('main[data-ready="task"] li[data-action="comment"]');
  const comment = (await eventText(page, 'comment')).join();
  assert.ok(comment.includes('王科员') && comment.includes('asked the registry: ' + XSS));
  assert.equal(await noMarkupFromData(page), 0);
  const events = (await api(state.clerk, 'GET', `/v1/tasks/${task.id}/events`)).body.items;
  for (const action of ['start', 'assign', 'comment'])
    assert.equal(events.find((e) => e.action === action).person.name, '王科员', action + ' names the person');
  await shot(page, 'agency-task-work');

  // The queue: assigned to me.
  await page.goto(state.base + '/#/queue');
  await page.waitForSelector('main[data-ready="queue"]');
  await page.select('#assigned_to', 'me');
  await page.select('#status', '');
  await page.click('form.filters button[type=submit]');
  await page.waitForSelector(`main[data-ready="queue"] tr[data-task="${task.id}"]`);
  const mine = (await api(state.clerk, 'GET', '/v1/tasks?assigned_to=me')).body.items.map((t) => String(t.id));
  assert.deepEqual(await page.$$eval('table.queue tbody tr', (l) => l.map((r) => r.dataset.task)), mine);
  await shot(page, 'agency-queue-mine');
  await page.close();
  // The unit token names nobody: "assigned to me" is not offered.
  const unit = await freshPage();
  await login(unit, state.agency, 'queue');
  assert.deepEqual(await unit.$$eval('#assigned_to option', (l) => l.map((o) => o.value)), ['', 'none']);
  await unit.close();
});

test('the citizen sees who read their data, on a phone', async () => {
  const page = await freshPage({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await login(page, state.citizen, 'disputes');
  await page.click('a[href="#/reads"]');
  await page.waitForSelector('main[data-ready="reads"]');
  const log = (await api(state.citizen, 'GET', '/v1/me/access-log?limit=50')).body.items;
  assert.ok(log.some((a) => a.action === 'read_task' && a.agency_code === 'rst'), 'the clerk\'s read is logged');
  assert.deepEqual(await page.$$eval('li[data-read]', (l) => l.map((e) => Number(e.dataset.read))), log.map((a) => a.id));
  const first = await text(page, `li[data-read="${log[0].id}"]`);
  assert.ok(first.includes(log[0].agency || '公共数据主管部门'));
  assert.ok(first.includes(log[0].resource));
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, 'the list fits a phone screen');
  await shot(page, 'citizen-reads');
  await page.close();
});

test('the clerk asks for the extension, the head decides, and the due date moves', async () => {
  const task = await disputeTask();
  let page = await freshPage();
  await login(page, state.clerk, 'queue');
  await page.goto(state.base + '/#/task/' + task.id);
  await page.waitForSelector('main[data-ready="task"] form[data-action="extension"]');
  const before = await page.$eval('main dl.facts .due', (el) => el.dataset.due);
  assert.equal(before, task.due_at);
  await page.type('#extension-reason', 'the registry must be asked first');
  await page.click('form[data-action="extension"] button[type=submit]');
  // The one who asked is not offered the decision (nor is a clerk who heads nothing).
  await page.waitForSelector('main[data-ready="task"] [data-decision="not-mine"]');
  assert.equal(await page.$('form[data-action="decision"]'), null);
  assert.ok(await page.$('[data-mark="extension_requested"]'));
  assert.equal(await page.$('[data-mark="extended"]'), null, 'not extended before the decision');
  await page.close();
  // And the API refuses it: the requester's own token, and the unit's token that names no head.
  for (const t of [state.clerk, state.agency]) {
    const refused = await api(t, 'POST', `/v1/tasks/${task.id}/extension/decision`,
      { approve: true, reason: 'approved by the clerk', approver_name: '赵处长' });
    assert.equal(refused.status, 403);
  }
  const unit = await freshPage();
  await login(unit, state.agency, 'queue');
  await unit.goto(state.base + '/#/task/' + task.id);
  await unit.waitForSelector('main[data-ready="task"] [data-decision="not-mine"]');
  assert.equal(await unit.$('form[data-action="decision"]'), null);
  await unit.close();
  // A head's decision is recorded under the head's registered name: no name field is offered.
  page = await freshPage();
  await login(page, state.head, 'queue');
  await page.goto(state.base + '/#/task/' + task.id);
  await page.waitForSelector('main[data-ready="task"] form[data-action="decision"]');
  assert.equal(await page.$('#decision-approver'), null);
  await page.type('#decision-reason', 'approved: a registry check is needed');
  await page.click('form[data-action="decision"] button[type=submit]');
  await page.waitForFunction((was) => {
    const due = document.querySelector('main[data-ready="task"] dl.facts .due');
    return due && due.dataset.due !== was;
  }, {}, before);
  assert.ok(await page.$('[data-mark="extended"]'), 'marked extended');
  const after = (await api(state.agency, 'GET', '/v1/tasks/' + task.id)).body;
  assert.equal(await page.$eval('main dl.facts .due', (el) => el.dataset.due), after.due_at);
  assert.ok(Date.parse(after.due_at) > Date.parse(before), 'the due date moved later');
  const approved = (await api(state.agency, 'GET', `/v1/tasks/${task.id}/events`)).body.items.find((e) => e.action === 'approve_extension');
  assert.equal(approved.person.name, '赵处长');
  assert.match((await eventText(page, 'approve_extension')).join(), /赵处长/);
  await shot(page, 'agency-extension');
  await page.close();
});

test('what people typed shows as text: the answer reason and the appeal in the timeline', async () => {
  const task = await disputeTask();
  const answered = await api(state.agency, 'POST', `/v1/tasks/${task.id}/answer`, { answer: 'rejected', reason: XSS });
  assert.equal(answered.status, 200);
  const page = await freshPage({ width: 390, height: 844, isMobile: true, hasTouch: true });
  await login(page, state.citizen, 'disputes');
  await page.click(`tr[data-dispute="${state.dispute.id}"] a`);
  await page.waitForSelector('main[data-ready="dispute"] form[data-action="appeal"]');
  await page.type('#appeal-reason', XSS);
  await page.click('form[data-action="appeal"] button[type=submit]');
  await page.waitForSelector('main[data-ready="dispute"] .notice');
  const body = await text(page, 'main');
  assert.ok(body.includes('the party appealed the result: ' + XSS));
  assert.ok(body.includes(XSS));
  assert.equal(await noMarkupFromData(page), 0);
  assert.equal((await api(state.citizen, 'GET', '/v1/disputes/' + state.dispute.id)).body.status, 'appealed');
  await shot(page, 'citizen-timeline');
  // The citizen's list masks the identifier the page of the dispute shows whole.
  await page.goto(state.base + '/#/disputes');
  await page.waitForSelector('main[data-ready="disputes"]');
  const listed = await text(page, 'table.disputes');
  assert.ok(!listed.includes(state.subject));
  assert.ok(listed.includes(state.subject.slice(0, 6) + '********' + state.subject.slice(-4)));
  await shot(page, 'citizen-list');
  await page.close();
});

async function openTaskCounts() {
  const by = {};
  for (const status of ['open', 'in_progress', 'extension_requested', 'reopened']) {
    let cursor = '';
    do {
      const page = (await api(state.authority, 'GET', `/v1/tasks?status=${status}&limit=200${cursor ? '&cursor=' + cursor : ''}`)).body;
      for (const t of page.items) {
        by[t.assignee] = by[t.assignee] || { open: 0, overdue: 0 };
        by[t.assignee].open++;
        if (t.overdue) by[t.assignee].overdue++;
      }
      cursor = page.next_cursor;
    } while (cursor);
  }
  return by;
}

test('the authority dashboard shows one chart per figure with the numbers of the API', async () => {
  const page = await freshPage();
  await login(page, state.authority, 'dashboard');
  const charts = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('figure[data-figure]')].map((f) => {
    const chart = window.echarts.getInstanceByDom(f.querySelector('.chart'));
    const o = chart.getOption();
    return [f.dataset.figure, { count: document.querySelectorAll(`figure[data-figure="${f.dataset.figure}"]`).length,
      categories: o.xAxis[0].data, series: o.series.map((s) => ({ name: s.name, type: s.type, data: s.data })) }];
  })));
  const onTime = (await api(state.authority, 'GET', '/v1/reports/on-time')).body;
  const corrected = onTime.agencies.filter((a) => a.corrections > 0 || a.correction_not_effective > 0);
  assert.ok(corrected.length > 0, 'the clerk\'s correction is in the period');
  assert.deepEqual(Object.keys(charts).sort(), ['ontime', 'quality', 'reopen', 'tasks']);
  for (const c of Object.values(charts)) assert.equal(c.count, 1);

  const reference = (await api(state.authority, 'GET', '/console/reference.json')).body;
  const title = (id) => reference.datasets.find((d) => d.id === id).title;
  // Each dataset's line is its trend as /v1/reports/quality-trend gives it (two full scans here).
  const trend = (await api(state.authority, 'GET', '/v1/reports/quality-trend?scans=10')).body.datasets;
  assert.equal(charts.quality.categories.length, 2);
  assert.equal(charts.quality.series.length, trend.length);
  for (const s of charts.quality.series) {
    assert.equal(s.type, 'line');
    const id = reference.datasets.find((d) => d.title === s.name).id;
    assert.deepEqual(s.data, trend.find((d) => d.dataset_id === id).points.map((p) => p.share_passing));
  }

  assert.equal(charts.ontime.series[0].type, 'bar');
  assert.deepEqual(charts.ontime.series[0].data, onTime.agencies.map((a) => a.on_time_share));
  assert.equal(charts.reopen.series[0].type, 'bar');
  assert.deepEqual(charts.reopen.categories, corrected.map((a) => reference.datasets.find((d) => d.agency_code === a.agency).agency_name));
  assert.deepEqual(charts.reopen.series[0].data, corrected.map((a) => a.reopen_rate));
  assert.deepEqual(await page.$$eval('table.reopen tbody tr', (l) => l.map((r) => r.dataset.agency)), corrected.map((a) => a.agency));

  const counts = await openTaskCounts();
  const codes = Object.keys(counts).sort();
  assert.equal(charts.tasks.categories.length, codes.length);
  assert.deepEqual(charts.tasks.series[0].data, codes.map((c) => counts[c].open));
  assert.deepEqual(charts.tasks.series[1].data, codes.map((c) => counts[c].overdue));

  const scan = (await api(state.authority, 'GET', '/v1/scans?limit=1')).body.items[0];
  assert.ok((await text(page, '[data-part="scan"]')).includes(String(scan.id)));
  assert.ok(title('rst_insured'));
  await shot(page, 'authority-dashboard');

  // English on the page, and back.
  await page.click('#bar button.lang');
  await page.waitForSelector('main[data-ready="dashboard"]');
  assert.equal(await text(page, 'main h1'), 'Supervision');
  await shot(page, 'authority-dashboard-en');
  await page.click('#bar button.lang');
  await page.waitForSelector('main[data-ready="dashboard"]');
  assert.equal(await text(page, 'main h1'), '监管看板');

  // A dispute the authority took in for a party waits to be forwarded; one click forwards it.
  const filed = await api(state.authority, 'POST', '/v1/disputes', { subject_id: state.subject, dataset_id: 'rst_insured',
    attribute: 'person.name', description: 'filed at the authority\'s counter' });
  assert.equal(filed.status, 201);
  const forwardTask = (await api(state.authority, 'GET', '/v1/tasks?kind=forward_dispute&status=open&assignee=authority'))
    .body.items.find((t) => t.dispute_id === filed.body.id);
  await page.goto(state.base + '/#/forward');
  await page.waitForSelector('main[data-ready="forward"] [data-list="review"] tr[data-task]');
  await shot(page, 'authority-forward-review');
  await page.click(`button[data-forward="${forwardTask.id}"]`);
  await page.waitForSelector('main[data-ready="forward"] .notice');
  assert.equal(await page.$(`button[data-forward="${forwardTask.id}"]`), null);
  const forwarded = (await api(state.agency, 'GET', '/v1/tasks?kind=verify_dispute&status=open')).body.items
    .find((t) => t.dispute_id === filed.body.id);
  assert.ok(forwarded, 'the agency has the dispute to verify');
  state.forwardedDispute = filed.body.id;
  assert.ok((await text(page, 'main .notice')).includes(String(forwarded.id)));
  await page.goto(state.base + '/#/report');
  await page.waitForSelector('main[data-ready="report"] figure[data-figure="report-kinds"] canvas');
  await shot(page, 'authority-report');
  await page.close();
});

test('a head who asked for an extension is not offered its decision; another head decides it', async () => {
  // The dispute the authority forwarded above is the agency's to verify.
  const task = (await api(state.head, 'GET', '/v1/tasks?kind=verify_dispute&status=open')).body.items
    .find((t) => t.dispute_id === state.forwardedDispute);
  let page = await freshPage();
  await login(page, state.head, 'queue');
  await page.goto(state.base + '/#/task/' + task.id);
  await page.waitForSelector('main[data-ready="task"] form[data-action="extension"]');
  await page.type('#extension-reason', 'the head asks: the registry must be asked first');
  await page.click('form[data-action="extension"] button[type=submit]');
  await page.waitForSelector('main[data-ready="task"] [data-decision="not-mine"]');
  assert.equal(await page.$('form[data-action="decision"]'), null, 'the head who asked is not offered the decision');
  assert.match(await text(page, '[data-decision="not-mine"]'), /您本人申请/);
  await shot(page, 'agency-extension-own-request');
  assert.equal((await api(state.head, 'POST', `/v1/tasks/${task.id}/extension/decision`, { approve: false, reason: 'own' })).status, 403);
  await page.close();
  page = await freshPage();
  await login(page, state.head2, 'queue');
  await page.goto(state.base + '/#/task/' + task.id);
  await page.waitForSelector('main[data-ready="task"] form[data-action="decision"]');
  await page.select('#decision-approve', 'false');
  await page.type('#decision-reason', 'not needed: the registry answered');
  await page.click('form[data-action="decision"] button[type=submit]');
  await page.waitForSelector('main[data-ready="task"] li[data-action="deny_extension"]');
  assert.match((await eventText(page, 'deny_extension')).join(), /钱副处长/);
  const after = (await api(state.head, 'GET', '/v1/tasks/' + task.id)).body;
  assert.equal(after.due_at, task.due_at, 'a denial leaves the due date');
  assert.equal(await page.$('[data-mark="extended"]'), null);
  await page.close();
});

test('the quality report travels: one HTML file, no network, no identifier, the same page under serve', async () => {
  // Mistakes in the call are usage errors (exit 2) that name what is missing; an unknown scan is refused.
  const usage = (args) => { try { jiaohe(...args); return null; } catch (e) { return { status: e.status, text: e.stderr + e.stdout }; } };
  const noFile = usage(['report', 'quality']);
  assert.equal(noFile.status, 2);
  assert.match(noFile.text, /--html FILE/);
  const noScan = usage(['report', 'quality', '--html', path.join(TMP, 'x.html'), '--scan', '999']);
  assert.equal(noScan.status, 1);
  assert.match(noScan.text, /no successful scan with this id/);
  assert.ok(!fs.existsSync(path.join(TMP, 'x.html')));
  const file = path.join(TMP, 'quality.html');
  const out = jiaohe('report', 'quality', '--html', file);
  assert.match(out, /wrote .*quality\.html \(scan \d+, 2 scans/);
  const html = fs.readFileSync(file, 'utf8');
  assert.ok(!html.includes(state.subject), 'no identifier of the province');
  const data = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
  assert.ok(data, 'the data block holds no raw "<"');
  assert.doesNotMatch(data[1], /\d{17}[\dX]/);
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/, 'everything is inlined');

  const page = await freshPage();
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  await page.goto('file://' + file);
  await page.waitForSelector('figure[data-figure="report-kinds"] canvas');
  assert.deepEqual(requests, [], 'the file needs no network');
  const quality = (await api(state.authority, 'GET', '/v1/reports/quality?limit=1')).body.items[0];
  const checks = quality.datasets.reduce((n, d) => n + d.checks, 0);
  const failed = quality.datasets.reduce((n, d) => n + d.checks_failed, 0);
  assert.equal(await text(page, '[data-value="share"]'), ((checks - failed) / checks * 100).toFixed(1) + '%');
  assert.equal((await page.$$('figure[data-figure]')).length, 4);
  await shot(page, 'report-file');
  await page.close();

  // Served: only with a token, with the inline script and style allowed by their hashes.
  assert.equal((await fetch(state.base + '/reports/quality.html')).status, 401);
  const served = await api(state.authority, 'GET', '/reports/quality.html');
  assert.equal(served.status, 200);
  assert.match(served.headers.get('content-security-policy'), /script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-/);
  const tab = await freshPage();
  await tab.setExtraHTTPHeaders({ Authorization: 'Bearer ' + state.authority });
  await tab.goto(state.base + '/reports/quality.html');
  await tab.waitForSelector('figure[data-figure="report-trend"] canvas');
  await tab.close();
});

test('the citizen sees a withdrawal suspend the record, the agency an exposure suspend the dataset', async () => {
  // The same province as open data: the insured persons' register published (restricted), the
  // market register published unconditionally. Served and scanned with that catalogue from here on.
  const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, '../../data/demo/catalogue.json'), 'utf8'));
  for (const d of catalogue.datasets) if (d.id === 'rst_insured' || d.id === 'scj_company') d.opening.published = true;
  const published = path.join(TMP, 'published-catalogue.json');
  fs.writeFileSync(published, JSON.stringify(catalogue));
  await stopServer();
  await startServer(['--catalogue', published]);

  // A withdrawal request about the published register: the record is suspended at filing.
  const filed = await api(state.citizen, 'POST', '/v1/disputes', { subject_id: state.subject, dataset_id: 'rst_insured',
    attribute: 'person.name', withdrawal: true, description: 'my name must not be published' });
  assert.equal(filed.status, 201);
  assert.equal(filed.body.publication.state, 'suspended');
  const citizen = await freshPage();
  await login(citizen, state.citizen, 'disputes');
  await citizen.goto(state.base + '/#/dispute/' + filed.body.id);
  await citizen.waitForSelector('main[data-ready="dispute"] [data-publication="suspended"]');
  const suspended = await text(citizen, '[data-publication="suspended"]');
  assert.ok(suspended.includes('暂停开放'), suspended);
  assert.ok(suspended.includes(filed.body.publication.since.slice(0, 10)), 'since when: ' + suspended);
  assert.ok((await text(citizen, '.timeline')).includes('暂停开放'), 'the suspension is in the timeline');
  await shot(citizen, 'citizen-withdrawal-suspended');

  // The agency's task page shows the record suspended; its answer withdraws the record.
  const task = (await api(state.agency, 'GET', '/v1/tasks?kind=verify_withdrawal&status=open')).body.items
    .find((t) => t.dispute_id === filed.body.id);
  const agency = await freshPage();
  await login(agency, state.agency, 'queue');
  await agency.goto(state.base + '/#/task/' + task.id);
  await agency.waitForSelector('main[data-ready="task"] [data-publication="suspended"]');
  assert.equal(await agency.$('[data-part="publication"]:not([hidden])'), null, 'no dataset suspension for a withdrawal');
  const answered = await api(state.agency, 'POST', '/v1/tasks/' + task.id + '/answer',
    { answer: 'withdrawn', reason: 'the name is withdrawn from the open register' });
  assert.equal(answered.status, 200);
  await citizen.goto(state.base + '/#/disputes');
  await citizen.waitForSelector('main[data-ready="disputes"]');
  await citizen.goto(state.base + '/#/dispute/' + filed.body.id);
  await citizen.waitForSelector('main[data-ready="dispute"] [data-publication="withdrawn"]');
  assert.ok((await text(citizen, '[data-publication="withdrawn"]')).includes('已撤回'));
  await citizen.close();
  await agency.close();

  // A mobile number in the market register's address column: the scan's exposure task suspends
  // the whole dataset, and the agency's task page says so.
  sql(`UPDATE platform.scj_company SET zs = zs || ' 联系电话 13800138000'
    WHERE qyid = (SELECT min(qyid) FROM platform.scj_company)`);
  jiaohe('scan', '--full', '--catalogue', published);
  const market = token('--role', 'agency', '--agency', 'scj', '--label', 'browser market clerk');
  const exposure = (await api(market, 'GET', '/v1/tasks?kind=verify_finding&dataset=scj_company')).body.items
    .find((t) => t.rule_id === 'BL-EXP-001');
  assert.ok(exposure, 'the exposure opened a task');
  const listed = (await api(market, 'GET', '/v1/datasets/publication?dataset=scj_company')).body.items;
  assert.equal(listed.length, 1);
  assert.equal(listed[0].state, 'suspended');
  const clerk = await freshPage();
  await login(clerk, market, 'queue');
  await clerk.goto(state.base + '/#/task/' + exposure.id);
  await clerk.waitForSelector('main[data-ready="task"] [data-part="publication"][data-ready="publication"]');
  const part = await text(clerk, '[data-part="publication"]');
  assert.ok(part.includes('暂停开放'), part);
  assert.ok(part.includes('#' + exposure.id), 'the open exposure task is named');
  assert.equal(await clerk.$eval('[data-part="publication"] [data-publication]', (el) => el.dataset.publication), 'suspended');
  await shot(clerk, 'agency-dataset-suspended');
  await clerk.close();
});

test('no page broke the policy, raised an error or opened a dialog', () => {
  assert.deepEqual(state.problems, []);
});
