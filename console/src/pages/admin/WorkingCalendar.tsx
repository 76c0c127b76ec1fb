/**
 * The working calendar as a month: public holidays (休) and weekend make-up
 * working days (班) over the weekday rule; a click sets a day (admin).
 */
import { Badge, Calendar, Card, Form, Input, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ok } from '../../api/client';
import type { CalendarDay } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { EditModal } from './EditModal';
import { useSave } from './useSave';
import { useI18n } from '../../i18n';

const DAY = 'YYYY-MM-DD';

/** Every day a month view may show (six weeks, starting on Sunday or Monday by locale). */
function visibleRange(month: Dayjs): { from: string; to: string } {
  const first = month.startOf('month');
  return { from: first.subtract(7, 'day').format(DAY), to: first.add(42, 'day').format(DAY) };
}

interface DayEdit {
  working: boolean;
  note?: string;
}

const isWeekend = (day: string) => [0, 6].includes(dayjs(day).day());

export function WorkingCalendar() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  // ?month=2026-10 opens that month.
  const [month, setMonth] = useState(() => {
    const asked = params.get('month') ?? '';
    return (/^\d{4}-\d{2}$/.test(asked) ? dayjs(`${asked}-01`) : dayjs()).startOf('month');
  });
  const range = visibleRange(month);
  const days = useLoad(async () => ok(await api.GET('/v1/calendar', { params: { query: range } })), [range.from]);
  const byDay = new Map((days.data ?? []).map((d) => [d.day, d]));
  const [editing, setEditing] = useState<CalendarDay>();
  const [form] = Form.useForm<DayEdit>();

  const { error, save, clearError } = useSave(() => {
    setEditing(undefined);
    return days.reload();
  });
  const saveDay = (values: DayEdit, day: string) =>
    save(async () => {
      ok(await api.PUT('/v1/calendar/{day}', { params: { path: { day } }, body: { working: values.working, note: values.note?.trim() || null } }));
    });

  return (
    <Card title={t('nav.calendar')}>
      <Typography.Paragraph type="secondary">{t('admin.calendarHint')}</Typography.Paragraph>
      <ProblemAlert error={days.error} />
      <Calendar
        value={month}
        onPanelChange={(date) => setMonth(date.startOf('month'))}
        onSelect={(date, { source }) => {
          if (source !== 'date') return setMonth(date.startOf('month'));
          const d = byDay.get(date.format(DAY));
          if (!d) return;
          clearError();
          setEditing(d);
        }}
        cellRender={(date, info) => {
          if (info.type !== 'date') return info.originNode;
          const d = byDay.get(date.format(DAY));
          if (!d?.override) return null;
          const kind = !d.working ? 'admin.holiday' : isWeekend(d.day) ? 'admin.makeUp' : 'admin.workingDay';
          return (
            <div className="calendar-day" data-day={d.day}>
              <Badge status={d.working ? 'processing' : 'error'} text={t(kind)} />
              {d.note && <div className="muted calendar-note">{d.note}</div>}
            </div>
          );
        }}
      />
      <EditModal<DayEdit>
        title={editing && t('admin.setDay', { day: editing.day })}
        form={form}
        id={editing?.day}
        values={editing && { working: editing.working, note: editing.note ?? '' }}
        error={error}
        onClose={() => setEditing(undefined)}
        onFinish={(v) => editing && void saveDay(v, editing.day)}
      >
          <Form.Item name="working" label={t('admin.workingDay')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="note" label={t('admin.note')}>
            <Input maxLength={500} />
          </Form.Item>
      </EditModal>
    </Card>
  );
}
