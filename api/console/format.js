// How values are shown: instants and dates in Asia/Shanghai whatever the browser's zone,
// shares as percentages, identifiers masked in lists, working days left before a deadline
// counted with the server's working-day calendar (the law is data: no holiday lives here).
(function (JH) {
  'use strict';
  const ZONE = 'Asia/Shanghai';
  const DAY = 86400000;

  function parts(ms) {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const p = {};
    for (const x of f.formatToParts(new Date(ms))) p[x.type] = x.value;
    return p;
  }

  // "2026-12-05" of an instant, in Shanghai.
  function localDate(ms) {
    const p = parts(ms);
    return p.year + '-' + p.month + '-' + p.day;
  }

  function instant(iso) {
    if (!iso) return '';
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return String(iso);
    const p = parts(ms);
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }

  function date(iso) {
    if (!iso) return '';
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? String(iso) : localDate(ms);
  }

  function share(x) {
    if (x === null || x === undefined) return '—';
    return (x * 100).toFixed(1) + '%';
  }

  function number(n) {
    if (n === null || n === undefined) return '—';
    return Number(n).toLocaleString(JH.i18n.locale());
  }

  // 330106********123X: what the server's logs and problem documents show (engine/log/mask).
  function maskId(id) {
    const s = String(id || '');
    if (s.length < 15) return s;
    return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
  }

  function dayIndex(calendar, isoDate) {
    return Math.round((Date.parse(isoDate + 'T00:00:00Z') - Date.parse(calendar.first + 'T00:00:00Z')) / DAY);
  }

  // Working days from today (included) to the last day before the deadline (due_at is the
  // instant the period ends, usually 00:00 of the next day). Negative: working days since it
  // passed. Null when the calendar window does not reach.
  function workingDaysLeft(dueIso, calendar, nowMs) {
    if (!dueIso || !calendar) return null;
    const due = Date.parse(dueIso);
    const now = nowMs === undefined ? Date.now() : nowMs;
    const today = dayIndex(calendar, localDate(now));
    const last = dayIndex(calendar, localDate(due - 1));
    const w = calendar.working;
    if (today < 0 || last < 0 || today >= w.length || last >= w.length) return null;
    let n = 0;
    if (due > now) {
      for (let i = today; i <= last; i++) if (w[i] === '1') n++;
      return { left: n, overdue: false };
    }
    for (let i = last + 1; i <= today; i++) if (w[i] === '1') n++;
    return { left: n === 0 ? 0 : -n, overdue: true };
  }

  function provisional(dueIso, calendar) {
    return !!(calendar && calendar.provisional_from && date(dueIso) >= calendar.provisional_from);
  }

  JH.format = { instant, date, localDate, share, number, maskId, workingDaysLeft, provisional };
})(window.JH = window.JH || {});
