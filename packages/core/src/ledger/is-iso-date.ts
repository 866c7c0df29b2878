/** Allocation-free twin of the calendar's `isIsoDate`, for the planner's per-item hot path. */
/**
 * Tells whether a value is a real calendar date written `YYYY-MM-DD` (years 0001-9999).
 *
 * @example
 * ```ts
 * isIsoDate("2026-02-28"); // true
 * isIsoDate("2026-02-29"); // false
 * isIsoDate("2026-2-1"); // false
 * ```
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
