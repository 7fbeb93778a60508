import dayjs from 'dayjs';

/** ISO time shown in the user's local time zone. */
export function formatLocalTime(iso: string | null): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}
