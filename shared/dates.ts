/**
 * Calendar arithmetic on `YYYY-MM-DD` / `YYYY-MM` strings. Dates are calendar days in China
 * time; nothing here goes through the local time zone of the machine.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isValidMonth(text: string): boolean {
  const m = MONTH.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/**
 * Age in full years (周岁) on `at`: the birthday counts on its day, so someone born 1961-03-30
 * is 59 on 2020-03-30. A 02-29 birthday is reached on 03-01 in common years.
 */
export function fullYearsAt(birthDate: string, at: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = at.split('-').map(Number) as [number, number, number];
  const beforeBirthday = am < bm || (am === bm && ad < bd);
  return ay - by - (beforeBirthday ? 1 : 0);
}

/** Months from `start` to `end` (`YYYY-MM`) counting both ends: 2020-01..2022-12 = 36. */
export function monthsInclusive(start: string, end: string): number {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm) + 1;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China (UTC+8) of an instant given as an ISO datetime with offset. */
export function chinaDateOf(isoDateTime: string): string | null {
  const ms = Date.parse(isoDateTime);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's calendar date in China. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** 「2020-03-30 18:00」 in China time, for messages. */
export function chinaDateTimeLabel(isoDateTime: string): string | null {
  const ms = Date.parse(isoDateTime);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms + CHINA_OFFSET_MS).toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' || time === '23:59' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
