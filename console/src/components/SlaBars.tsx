/**
 * SLA clocks as bars from start to due: how much has elapsed, the jeopardy
 * point, and whether the clock is in jeopardy, breached, paused (the case is
 * pending on the customer) or stopped (its step is done).
 */
import { Space, Tag, Tooltip } from 'antd';
import type { SlaEntry } from '../api/types';
import { dateTime, span } from '../format';
import { useNow } from '../hooks';
import { useI18n } from '../i18n';
import { SLA_KEYS } from '../i18n/labels';

type ClockState = 'running' | 'jeopardy' | 'breached' | 'stopped' | 'paused';

function clockState(c: SlaEntry, now: number, casePending: boolean): ClockState {
  if (c.breached || (!c.stoppedAt && now >= Date.parse(c.dueAt))) return 'breached';
  if (c.stoppedAt) return 'stopped';
  if (casePending) return 'paused';
  if (c.jeopardy || (c.jeopardyAt && now >= Date.parse(c.jeopardyAt))) return 'jeopardy';
  return 'running';
}

const COLOURS: Record<ClockState, string> = { running: '#52c41a', jeopardy: '#faad14', breached: '#ff4d4f', stopped: '#8c8c8c', paused: '#1677ff' };
const TAGS: Record<ClockState, string> = { running: 'green', jeopardy: 'orange', breached: 'red', stopped: 'default', paused: 'blue' };

export function SlaBars({ clocks, casePending }: { clocks: SlaEntry[]; casePending: boolean }) {
  const { t, l, lang } = useI18n();
  const now = useNow(1000);
  if (clocks.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {clocks.map((c, i) => {
        const start = Date.parse(c.startedAt);
        const due = Date.parse(c.dueAt);
        const end = c.stoppedAt ? Date.parse(c.stoppedAt) : now;
        const total = Math.max(due - start, 1);
        const elapsed = Math.min(Math.max((end - start) / total, 0), 1);
        const jeopardy = c.jeopardyAt ? Math.min(Math.max((Date.parse(c.jeopardyAt) - start) / total, 0), 1) : null;
        const state = clockState(c, now, casePending);
        const stateLabel = { running: 'sla.running', jeopardy: 'sla.jeopardy', breached: 'sla.breached', stopped: 'sla.stopped', paused: 'sla.paused' } as const;
        return (
          <div key={`${c.key}:${i}`} className="sla-clock" data-clock-state={state}>
            <div className="sla-head">
              <strong>{l(SLA_KEYS, c.key)}</strong>
              <Tag color={TAGS[state]}>{t(stateLabel[state])}</Tag>
              <span className="muted">
                {state === 'breached' || state === 'stopped' ? '' : t('due.left', { d: span(due - now, lang) })}
              </span>
            </div>
            <Tooltip title={t('sla.elapsed', { p: Math.round(elapsed * 100) })}>
              <div className="sla-bar">
                <div className="sla-elapsed" style={{ width: `${elapsed * 100}%`, background: COLOURS[state] }} />
                {jeopardy !== null && <div className="sla-jeopardy-mark" style={{ left: `${jeopardy * 100}%` }} title={t('sla.jeopardy')} />}
              </div>
            </Tooltip>
            <div className="sla-times muted">
              <span>
                {t('sla.started')} {dateTime(c.startedAt)}
              </span>
              {c.jeopardyAt && (
                <span>
                  {t('sla.jeopardy')} {dateTime(c.jeopardyAt)}
                </span>
              )}
              <span>
                {t('sla.due')} {dateTime(c.dueAt)}
              </span>
              {c.stoppedAt && (
                <span>
                  {t('sla.stopped')} {dateTime(c.stoppedAt)}
                </span>
              )}
            </div>
          </div>
        );
      })}
    </Space>
  );
}
