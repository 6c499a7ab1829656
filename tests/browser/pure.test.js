// The console's pure parts, without a browser: the working days left before a deadline
// (expected values counted by hand from the definition in docs/CONSOLE.md), Shanghai dates
// whatever the machine's zone, masking, the message tables, and the quality report's model.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const source = (name) => fs.readFileSync(path.join(__dirname, '../../api/console', name), 'utf8');
const sandbox = { window: {}, localStorage: { getItem: () => null, setItem() {} }, Intl, Date,
  document: { documentElement: {}, readyState: 'complete', getElementById: () => null } };
vm.createContext(sandbox);
for (const f of ['messages.js', 'format.js', 'dom.js', 'report.js']) vm.runInContext(source(f), sandbox);
const JH = sandbox.window.JH;
const F = JH.format;

// November and December 2026 with weekends off only: 2026-11-01 is a Sunday.
function weekdays(first, days) {
  let w = '';
  const start = Date.parse(first + 'T00:00:00Z');
  for (let i = 0; i < days; i++) {
    const d = new Date(start + i * 86400000).getUTCDay();
    w += d === 0 || d === 6 ? '0' : '1';
  }
  return { first, working: w, provisional_from: null };
}
const cal = weekdays('2026-11-01', 61);
const due = '2026-12-05T00:00:00+08:00';  // the end of Friday 2026-12-04
const at = (iso) => Date.parse(iso);
// Copied out of the sandbox's realm, so deepEqual compares values only.
const left = (d, now) => { const r = F.workingDaysLeft(d, cal, now); return r && { left: r.left, overdue: r.overdue }; };

test('working days left count today up to the last day before the deadline, in Shanghai', () => {
  assert.deepEqual(left(due, at('2026-11-28T05:24:00+08:00')), { left: 5, overdue: false });
  assert.deepEqual(left(due, at('2026-11-30T23:59:00+08:00')), { left: 5, overdue: false });
  assert.deepEqual(left(due, at('2026-12-01T00:00:00+08:00')), { left: 4, overdue: false });
  assert.deepEqual(left(due, at('2026-12-04T23:00:00+08:00')), { left: 1, overdue: false });
  // 2026-12-03T16:30Z is already Friday 00:30 in Shanghai.
  assert.deepEqual(left(due, at('2026-12-03T16:30:00Z')), { left: 1, overdue: false });
});

test('after the deadline: the working days since, marked overdue', () => {
  assert.equal(left(due, at('2026-12-05T10:00:00+08:00')).overdue, true);
  assert.equal(left(due, at('2026-12-05T10:00:00+08:00')).left, 0);
  assert.deepEqual(left(due, at('2026-12-07T09:00:00+08:00')), { left: -1, overdue: true });
});

test('outside the calendar window there is no count rather than a wrong one', () => {
  assert.equal(left('2027-06-01T00:00:00+08:00', at('2026-11-28T05:24:00+08:00')), null);
  assert.equal(F.workingDaysLeft(null, cal), null);
});

test('instants are shown in Asia/Shanghai', () => {
  assert.equal(F.instant('2026-12-04T16:00:00Z'), '2026-12-05 00:00');
  assert.equal(F.date('2026-12-04T16:00:00Z'), '2026-12-05');
});

test('identifiers are masked like the logs mask them', () => {
  assert.equal(F.maskId('33010619900307123X'), '330106********123X');
  assert.equal(F.maskId('91330000MA2XXXXX1Y'), '913300********XX1Y');
});

test('both languages have every key, and a missing one shows the key', () => {
  const { zh, en } = JH.i18n.tables;
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  assert.equal(JH.t('no.such.key'), 'no.such.key');
  assert.equal(JH.t('due.left', { n: 3 }), '剩 3 个工作日');
  JH.i18n.lang = 'en';
  assert.equal(JH.t('due.left', { n: 3 }), '3 working days left');
  JH.i18n.lang = 'zh';
});

test('every message key a page names is in the table (a typo would show the key)', () => {
  const { zh } = JH.i18n.tables;
  const missing = [];
  for (const f of fs.readdirSync(path.join(__dirname, '../../api/console')).filter((n) => n.endsWith('.js'))) {
    // t('literal.key'); keys built from an API value (t('role.' + role)) go through label() or a known prefix.
    for (const m of source(f).matchAll(/\bt\('([a-z_]+(?:\.[a-z_]+)+)'/g)) if (!(m[1] in zh)) missing.push(f + ': ' + m[1]);
  }
  assert.deepEqual(missing, []);
});

// Two scans as GET /v1/reports/quality answers them, newest first.
const reportDoc = {
  scan_id: 8, agency: null,
  reference: {
    datasets: [{ id: 'a1', title: 'A one', agency_code: 'a', agency_name: 'Agency A' },
      { id: 'a2', title: 'A two', agency_code: 'a', agency_name: 'Agency A' },
      { id: 'b1', title: 'B one', agency_code: 'b', agency_name: 'Agency B' }],
    rules: [{ id: 'R-REQ', kind: 'required' }, { id: 'R-CONF', kind: 'cross_agency_conflict' }, { id: 'R-PAT', kind: 'pattern' }]
  },
  scans: [
    { scan_id: 8, at: '2026-12-02T02:00:00+08:00', datasets: [
      { dataset_id: 'a1', agency_code: 'a', rows_checked: 10, checks: 20, checks_failed: 4, share_passing: 0.8,
        rules: [{ rule_id: 'R-REQ', rows_checked: 10, rows_failed: 1, share_passing: 0.9 },
          { rule_id: 'R-CONF', rows_checked: 10, rows_failed: 3, share_passing: 0.7 }] },
      { dataset_id: 'a2', agency_code: 'a', rows_checked: 5, checks: 5, checks_failed: 0, share_passing: 1,
        rules: [{ rule_id: 'R-REQ', rows_checked: 5, rows_failed: 0, share_passing: 1 }] },
      { dataset_id: 'b1', agency_code: 'b', rows_checked: 4, checks: 8, checks_failed: 3, share_passing: 0.625,
        rules: [{ rule_id: 'R-PAT', rows_checked: 4, rows_failed: 3, share_passing: 0.25 },
          { rule_id: 'R-REQ', rows_checked: 4, rows_failed: 0, share_passing: 1 }] }] },
    { scan_id: 7, at: '2026-12-01T02:00:00+08:00', datasets: [
      { dataset_id: 'a1', agency_code: 'a', rows_checked: 10, checks: 20, checks_failed: 2, share_passing: 0.9, rules: [] }] }
  ]
};

test('the report: totals, the change since the previous scan, agencies, worst rules, kinds, trend', () => {
  const m = JSON.parse(JSON.stringify(JH.report.model(reportDoc)));
  assert.deepEqual(m.summary, { checks: 33, failed: 7, share: 26 / 33, datasets: 3 });
  assert.deepEqual(m.datasets.map((d) => [d.id, d.title, d.agencyName]), [['a1', 'A one', 'Agency A'], ['a2', 'A two', 'Agency A'], ['b1', 'B one', 'Agency B']]);
  assert.ok(Math.abs(m.datasets[0].change - (0.8 - 0.9)) < 1e-12);
  assert.equal(m.datasets[1].change, null, 'not scored by the previous scan');
  assert.deepEqual(m.agencies.map((a) => [a.code, a.checks, a.failed, a.share]), [['a', 25, 4, 21 / 25], ['b', 8, 3, 5 / 8]]);
  // Three records failing each of two rules: the tie is broken by the rule's id; rules without failures are left out.
  assert.deepEqual(m.worst.map((r) => [r.rule, r.dataset, r.failed]), [['R-CONF', 'a1', 3], ['R-PAT', 'b1', 3], ['R-REQ', 'a1', 1]]);
  assert.deepEqual(m.byKind, [{ kind: 'cross_agency_conflict', count: 3 }, { kind: 'pattern', count: 3 }, { kind: 'required', count: 1 }]);
  assert.deepEqual(m.trend.scans.map((s) => s.id), [7, 8]);
  assert.deepEqual(m.trend.series.map((s) => [s.id, s.data]), [['a1', [0.9, 0.8]], ['a2', [null, 1]], ['b1', [null, 0.625]]]);
});
