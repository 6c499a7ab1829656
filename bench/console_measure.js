// The browser half of bench/console.sh: page weight of the dashboard's first load and the
// queue's time to first render, each next to its baseline, printed as a small table.
'use strict';
const path = require('node:path');
const puppeteer = require(path.join(process.env.JIAOHE_NODE_MODULES, 'puppeteer-core'));
const [base, token, runsText, work, citizen, subject] = process.argv.slice(2);
const FILINGS = 10000;
const runs = Number(runsText);

const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// A tab already logged in as the authority (the token in this tab's session storage).
async function loggedIn(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  // Another document of the origin, so that going to the console afterwards is a real load.
  await page.goto(base + '/healthz', { waitUntil: 'domcontentloaded' });
  await page.evaluate((t) => {
    sessionStorage.setItem('jiaohe.token', t);
    sessionStorage.setItem('jiaohe.session', JSON.stringify({ role: 'authority' }));
  }, token);
  return { context, page };
}

// Bytes received (headers and bodies as sent, i.e. compressed) while `action` runs.
async function wire(page, action) {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  const urls = new Map();
  const totals = { console: 0, api: 0, requests: 0 };
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    const u = urls.get(e.requestId) || '';
    totals.requests++;
    if (/\/v1\//.test(u)) totals.api += e.encodedDataLength;
    else totals.console += e.encodedDataLength;
  });
  await action();
  await cdp.detach();
  return totals;
}

// 10,000 disputes filed by the citizen over the API, 16 at a time: 10,000 open tasks.
async function seed() {
  let next = 0;
  const body = JSON.stringify({ subject_id: subject, dataset_id: 'gaj_hukou', attribute: 'person.name', description: 'bench' });
  const worker = async () => {
    while (next < FILINGS) {
      next++;
      const r = await fetch(base + '/v1/disputes', { method: 'POST', body,
        headers: { Authorization: 'Bearer ' + citizen, 'Content-Type': 'application/json' } });
      if (r.status !== 201) throw new Error('filing answered ' + r.status + ': ' + (await r.text()));
      await r.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

async function dashboardWeight(browser) {
  const { context, page } = await loggedIn(browser);
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  const ready = () => page.waitForSelector('main[data-ready="dashboard"]', { timeout: 300000 });
  const cold = await wire(page, () => page.goto(base + '/#/dashboard', { waitUntil: 'domcontentloaded' }).then(ready));
  const warm = await wire(page, () => page.reload().then(ready));
  await context.close();
  return { cold, warm };
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium', headless: true, userDataDir: path.join(work, 'profile'),
    args: ['--no-sandbox', '--headless', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-gpu', '--disable-quic']
  });
  const { cold, warm } = await dashboardWeight(browser);
  const t0 = Date.now();
  await seed();
  const seeded = (Date.now() - t0) / 1000;
  const loaded = await dashboardWeight(browser);

  const render = [], api = [], blank = [];
  for (let i = 0; i < runs; i++) {
    const tab = await loggedIn(browser);
    const t0 = Date.now();
    await tab.page.goto(base + '/#/queue', { waitUntil: 'domcontentloaded' });
    await tab.page.waitForSelector('main[data-ready="queue"] tbody tr');
    render.push(Date.now() - t0);
    api.push(await tab.page.evaluate(async (t) => {
      const s = performance.now();
      const r = await fetch('/v1/tasks?status=open&limit=50', { headers: { Authorization: 'Bearer ' + t } });
      await r.json();
      return performance.now() - s;
    }, token));
    const t1 = Date.now();
    await tab.page.goto(base + '/healthz', { waitUntil: 'load' });
    blank.push(Date.now() - t1);
    await tab.context.close();
  }
  await browser.close();
  const kb = (n) => (n / 1024).toFixed(1) + ' KiB';
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| dashboard first load, empty cache: console files | ${kb(cold.console)} |`);
  console.log(`| dashboard first load, empty cache: API answers | ${kb(cold.api)} |`);
  console.log(`| dashboard first load, empty cache: total (${cold.requests} responses) | ${kb(cold.console + cold.api)} |`);
  console.log(`| dashboard reload, warm cache: total (${warm.requests} responses) | ${kb(warm.console + warm.api)} |`);
  console.log(`| (filed ${FILINGS} disputes in ${seeded.toFixed(1)} s: ${FILINGS} more open tasks) | |`);
  console.log(`| dashboard first load with them, empty cache: console files / API answers (${loaded.cold.requests} responses) | ${kb(loaded.cold.console)} / ${kb(loaded.cold.api)} |`);
  console.log(`| queue first render (navigation to first row drawn), median of ${runs} | ${median(render)} ms |`);
  console.log(`| baseline: the same GET /v1/tasks page fetched in the page, median | ${median(api).toFixed(1)} ms |`);
  console.log(`| baseline: navigation to /healthz (one small document), median | ${median(blank)} ms |`);
  console.log(`| ratio first render / API page | ${(median(render) / median(api)).toFixed(1)} |`);
  console.log(`| ratio first render / one-document navigation | ${(median(render) / median(blank)).toFixed(1)} |`);
})().catch((e) => { console.error(e); process.exit(1); });
