/** Time left to a deadline, live: amber from jeopardy, red once breached. */
import { Tag } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { span } from '../format';
import { useNow } from '../hooks';
import { useI18n } from '../i18n';

export type Urgency = 'ok' | 'jeopardy' | 'breached';

export function urgency(now: number, dueAt: string, jeopardyAt?: string | null): Urgency {
  if (now >= Date.parse(dueAt)) return 'breached';
  if (jeopardyAt && now >= Date.parse(jeopardyAt)) return 'jeopardy';
  return 'ok';
}

const COLOURS: Record<Urgency, string> = { ok: 'green', jeopardy: 'orange', breached: 'red' };

export function Countdown({ dueAt, jeopardyAt }: { dueAt: string | null; jeopardyAt?: string | null }) {
  const { t, lang } = useI18n();
  const now = useNow(1000);
  if (!dueAt) return <span className="muted">{t('inbox.noDue')}</span>;
  const state = urgency(now, dueAt, jeopardyAt);
  const left = Date.parse(dueAt) - now;
  return (
    <Tag color={COLOURS[state]} icon={<ClockCircleOutlined />} data-urgency={state} className="countdown">
      {left >= 0 ? t('due.left', { d: span(left, lang) }) : t('due.overdue', { d: span(left, lang) })}
    </Tag>
  );
}
