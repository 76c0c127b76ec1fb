/**
 * Any JSON object shown as labelled fields, so a task's or case's `data`
 * needs no page of its own: names from the FIELDS table, money (`…Fen`) in
 * yuan, times in local time, coded values through their label tables.
 */
import { Descriptions, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { dateTime, ISO_TIME, yuan } from '../format';
import { useI18n, type I18n } from '../i18n';
import { FIELDS, SUMMARY_FIELDS, VALUE_TABLES } from '../i18n/labels';

function scalar(key: string, value: unknown, i18n: I18n): ReactNode {
  if (value === null || value === undefined || value === '') return <span className="muted">{i18n.t('common.none')}</span>;
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return /Fen$/.test(key) ? yuan(value) : value.toLocaleString();
  const text = String(value);
  if (ISO_TIME.test(text)) return dateTime(text);
  const table = VALUE_TABLES[key];
  return table ? i18n.l(table, text) : text;
}

export function renderValue(key: string, value: unknown, i18n: I18n): ReactNode {
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">{i18n.t('common.none')}</span>;
    if (value.every((v) => v === null || typeof v !== 'object')) {
      return (
        <Space size={[4, 4]} wrap>
          {value.map((v, i) => (
            <Tag key={i}>{scalar(key, v, i18n)}</Tag>
          ))}
        </Space>
      );
    }
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {value.map((v, i) => (
          <DataFields key={i} data={v as Record<string, unknown>} nested />
        ))}
      </Space>
    );
  }
  if (value !== null && typeof value === 'object') return <DataFields data={value as Record<string, unknown>} nested />;
  return scalar(key, value, i18n);
}

/** A line with the few facts of `data` that identify it at a glance ("¥68.00 · 其他"). */
export function DataSummary({ data }: { data: Record<string, unknown> }) {
  const i18n = useI18n();
  const shown = SUMMARY_FIELDS.filter((key) => data[key] !== undefined && data[key] !== null && typeof data[key] !== 'object').slice(0, 3);
  return (
    <span className="data-summary">
      {shown.map((key, i) => (
        <span key={key}>
          {i > 0 && ' · '}
          {scalar(key, data[key], i18n)}
        </span>
      ))}
    </span>
  );
}

export function DataFields({ data, nested = false, columns = 2 }: { data: Record<string, unknown>; nested?: boolean; columns?: number }) {
  const i18n = useI18n();
  const entries = Object.entries(data ?? {});
  if (entries.length === 0) return <span className="muted">{i18n.t('common.none')}</span>;
  return (
    <Descriptions
      bordered
      size="small"
      column={nested ? 1 : { xs: 1, md: columns }}
      className="data-fields"
      items={entries.map(([key, value]) => ({
        key,
        label: i18n.l(FIELDS, key),
        children: renderValue(key, value, i18n),
      }))}
    />
  );
}
