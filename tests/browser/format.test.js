// The console's pure helpers, without a browser: the working days left before a deadline
// (expected values counted by hand from the definition in docs/CONSOLE.md), Shanghai dates
// whatever the machine's zone, masking, and the message tables.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const source = (name) => fs.readFileSync(path.join(__dirname, '../../api/console', name), 'utf8');
const sandbox = { window: {}, localStorage: { getItem: () => null, setItem() {} }, document: { documentElement: {} }, Intl, Date };
vm.createContext(sandbox);
for (const f of ['messages.js', 'format.js']) vm.runInContext(source(f), sandbox);
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
