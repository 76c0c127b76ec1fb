/** Refund approval levels: who approves up to which month-to-date amount (admin). */
import { Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { api, ok } from '../../api/client';
import type { ApprovalPolicy } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { useSave } from './useSave';
import { useI18n } from '../../i18n';
import { ROLES } from '../../i18n/labels';

const APPROVERS = ['supervisor', 'branch_leader', 'general_manager'];

interface Level {
  belowYuan?: number;
  role: string;
}

export function ApprovalLevels() {
  const { t, l } = useI18n();
  const policy = useLoad(async () => ok(await api.GET('/v1/policies/refund-approval')), []);
  const [form] = Form.useForm<{ levels: Level[] }>();

  useEffect(() => {
    if (policy.data) form.setFieldsValue({ levels: policy.data.levels.map((v) => ({ role: v.role, belowYuan: v.belowFen === undefined ? undefined : v.belowFen / 100 })) });
  }, [policy.data, form]);

  const { error, save } = useSave(policy.reload);
  const saveLevels = ({ levels }: { levels: Level[] }) =>
    save(async () => {
      const body: ApprovalPolicy = {
        levels: levels.map((v, i) => (i === levels.length - 1 || v.belowYuan === undefined ? { role: v.role } : { role: v.role, belowFen: Math.round(v.belowYuan * 100) })),
      };
      ok(await api.PUT('/v1/policies/refund-approval', { body }));
    });

  return (
    <Card title={t('nav.approvalLevels')} loading={policy.loading}>
      <Typography.Paragraph type="secondary">{t('admin.levelsHint')}</Typography.Paragraph>
      <ProblemAlert error={policy.error} />
      <Form form={form} onFinish={(v) => void saveLevels(v)}>
        <Form.List name="levels">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'role']} label={t('admin.approver')} rules={[{ required: true }]}>
                    <Select style={{ width: 200 }} options={APPROVERS.map((r) => ({ value: r, label: l(ROLES, r) }))} />
                  </Form.Item>
                  {i < fields.length - 1 ? (
                    <Form.Item name={[field.name, 'belowYuan']} label={t('admin.below')} rules={[{ required: true }]}>
                      <InputNumber min={0.01} precision={2} style={{ width: 160 }} />
                    </Form.Item>
                  ) : (
                    <Typography.Text type="secondary">{t('admin.rest')}</Typography.Text>
                  )}
                  {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('admin.remove')} />}
                </Space>
              ))}
              <Space direction="vertical">
                <Button icon={<PlusOutlined />} onClick={() => add({ role: 'general_manager' })}>
                  {t('admin.addLevel')}
                </Button>
                <ProblemAlert error={error} />
                <Button type="primary" htmlType="submit">
                  {t('admin.save')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
