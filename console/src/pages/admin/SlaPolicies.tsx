/** SLA policies: durations on the continuous or working calendar and the jeopardy point (admin). */
import { Button, Card, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { SlaPolicy } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { EditModal } from './EditModal';
import { useSave } from './useSave';
import { useI18n } from '../../i18n';
import { SLA_KEYS } from '../../i18n/labels';

type Editing = Pick<SlaPolicy, 'duration' | 'calendar'> & { jeopardyPercent: number };

export function SlaPolicies() {
  const { t, l } = useI18n();
  const policies = useLoad(async () => ok(await api.GET('/v1/policies/sla')), []);
  const [editing, setEditing] = useState<SlaPolicy>();
  const [form] = Form.useForm<Editing>();

  const { error, save, clearError } = useSave(() => {
    setEditing(undefined);
    return policies.reload();
  });
  const saveEditing = (values: Editing, key: string) =>
    save(async () => {
      const body = { duration: values.duration.trim(), calendar: values.calendar as 'continuous' | 'working', jeopardyRatio: values.jeopardyPercent / 100 };
      ok(await api.PUT('/v1/policies/sla/{key}', { params: { path: { key } }, body }));
    });

  return (
    <Card title={t('nav.sla')}>
      <Typography.Paragraph type="secondary">{t('admin.slaHint')}</Typography.Paragraph>
      <ProblemAlert error={policies.error} />
      <Table<SlaPolicy>
        rowKey="key"
        size="small"
        pagination={false}
        loading={policies.loading}
        dataSource={policies.data}
        columns={[
          {
            title: t('admin.key'),
            key: 'key',
            render: (_, p) => (
              <>
                {l(SLA_KEYS, p.key)} <Typography.Text type="secondary" code>{p.key}</Typography.Text>
              </>
            ),
          },
          { title: t('admin.duration'), dataIndex: 'duration' },
          { title: t('admin.calendar'), key: 'calendar', render: (_, p) => t(p.calendar === 'working' ? 'admin.working' : 'admin.continuous') },
          { title: t('admin.ratio'), key: 'ratio', render: (_, p) => `${Math.round(p.jeopardyRatio * 100)}%` },
          {
            key: 'edit',
            align: 'right',
            render: (_, p) => (
              <Button
                size="small"
                onClick={() => {
                  clearError();
                  setEditing(p);
                }}
              >
                {t('admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      <EditModal<Editing>
        title={editing && l(SLA_KEYS, editing.key)}
        form={form}
        id={editing?.key}
        values={editing && { duration: editing.duration, calendar: editing.calendar, jeopardyPercent: Math.round(editing.jeopardyRatio * 100) }}
        error={error}
        onClose={() => setEditing(undefined)}
        onFinish={(v) => editing && void saveEditing(v, editing.key)}
      >
          <Form.Item name="duration" label={t('admin.duration')} extra={t('admin.durationHelp')} rules={[{ required: true, pattern: /^P/ }]}>
            <Input />
          </Form.Item>
          <Form.Item name="calendar" label={t('admin.calendar')}>
            <Select
              options={[
                { value: 'continuous', label: t('admin.continuous') },
                { value: 'working', label: t('admin.working') },
              ]}
            />
          </Form.Item>
          <Form.Item name="jeopardyPercent" label={t('admin.ratio')} rules={[{ required: true }]}>
            <InputNumber min={1} max={99} addonAfter="%" />
          </Form.Item>
      </EditModal>
    </Card>
  );
}
