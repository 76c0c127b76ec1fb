/** How numbers, money and times are shown. */
import dayjs from 'dayjs';
import type { Lang } from './i18n/labels';

/** Integer fen as yuan: 12345 → "¥123.45". */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function dateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '';
}

export function shortTime(iso: string): string {
  return dayjs(iso).format('MM-DD HH:mm');
}

export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A span as its two largest units: "2h 13m" / "2小时13分". */
export function span(ms: number, lang: Lang): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const parts: Array<[number, string, string]> = [
    [Math.floor(s / 86400), 'd', '天'],
    [Math.floor((s % 86400) / 3600), 'h', '小时'],
    [Math.floor((s % 3600) / 60), 'm', '分'],
    [s % 60, 's', '秒'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  const shown = first === -1 ? [parts[3]!] : parts.slice(first, first + 2).filter(([n], i) => i === 0 || n > 0);
  return shown.map(([n, en, zh]) => `${n}${lang === 'zh' ? zh : en}`).join(lang === 'zh' ? '' : ' ');
}
