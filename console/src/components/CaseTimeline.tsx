/** A case's events, oldest first, in the business's words. */
import { Timeline, Typography } from 'antd';
import type { CaseEvent } from '../api/types';
import { dateTime } from '../format';
import { useI18n, type I18n } from '../i18n';
import { CASE_TYPES, EVENT_KINDS, NOTIFICATIONS, OUTCOMES, REASONS, ROLES, SLA_KEYS, STAGES, STATES, TASK_KINDS } from '../i18n/labels';

const COLOURS: Record<string, string> = { sla_breached: 'red', sla_jeopardy: 'orange', task_completed: 'green', case_created: 'blue' };

/** What happened, in a line: the parts of `detail` a person reads; the rest stays in the API. */
function summary(e: CaseEvent, { l }: I18n): string {
  const d = e.detail as Record<string, string | undefined>;
  const parts: Array<string | undefined> = [];
  switch (e.kind) {
    case 'case_created':
      parts.push(l(CASE_TYPES, d.type));
      break;
    case 'state_changed':
      parts.push(l(STATES, d.state), d.stage && l(STAGES, d.stage), d.outcome && l(OUTCOMES, d.outcome), d.reason && l(REASONS, d.reason));
      break;
    case 'task_created':
      parts.push(l(TASK_KINDS, d.kind), d.role && l(ROLES, d.role));
      break;
    case 'task_claimed':
    case 'task_released':
      parts.push(l(TASK_KINDS, d.taskKind));
      break;
    case 'task_completed':
    case 'task_escalated':
    case 'task_cancelled':
      parts.push(d.outcome && l(OUTCOMES, d.outcome), d.comment);
      break;
    case 'sla_jeopardy':
    case 'sla_breached':
      parts.push(l(SLA_KEYS, d.policyKey));
      break;
    case 'notification_sent':
      parts.push(l(NOTIFICATIONS, d.template), d.to && (d.to === 'customer' ? l(NOTIFICATIONS, d.to) : l(ROLES, d.to)), l(NOTIFICATIONS, d.channel));
      break;
    default:
      parts.push(...Object.entries(d).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`));
  }
  return parts.filter(Boolean).join(' · ');
}

export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const i18n = useI18n();
  return (
    <Timeline
      className="case-timeline"
      items={events.map((e, i) => ({
        key: i,
        color: COLOURS[e.kind] ?? 'gray',
        children: (
          <div className="timeline-event" data-kind={e.kind}>
            <Typography.Text strong>{i18n.l(EVENT_KINDS, e.kind)}</Typography.Text> <Typography.Text>{summary(e, i18n)}</Typography.Text>
            <div className="muted">
              {dateTime(e.at)} · {e.actor}
            </div>
          </div>
        ),
      }))}
    />
  );
}
