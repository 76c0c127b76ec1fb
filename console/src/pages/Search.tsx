/** Operators' search: cases by id, customer, type, state, and breached or not. */
import { Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { casePath, searchCases, type CaseKind, type CaseSummary } from '../api/cases';
import type { ConsoleConfig } from '../api/types';
import { ProblemAlert } from '../components/ProblemAlert';
import { StateTag } from '../components/StateTag';
import { dateTime } from '../format';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { CASE_KINDS, CASE_TYPES, OUTCOMES, STAGES, STATES } from '../i18n/labels';

const ORDER_STATES = ['acknowledged', 'inProgress', 'pending', 'held', 'completed', 'cancelled', 'rejected', 'failed'];
const COMPLAINT_STATES = ['acknowledged', 'inProgress', 'pending', 'held', 'resolved', 'closed', 'cancelled', 'rejected'];
const FILTERS = ['kind', 'customerId', 'type', 'state', 'breached'] as const;

type Filters = Partial<Record<(typeof FILTERS)[number] | 'id', string>>;

export function Search({ config }: { config: ConsoleConfig }) {
  const { t, l } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const kind = (params.get('kind') as CaseKind | null) ?? 'order';
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? undefined])) as Filters;
  const [pages, setPages] = useState<{ key: string; items: CaseSummary[]; next: string | null }>();
  const key = params.toString();

  const search = {
    kind,
    type: filters.type,
    state: filters.state,
    customerId: filters.customerId,
    breached: filters.breached === undefined ? undefined : filters.breached === 'true',
  };

  const first = useLoad(async () => {
    const page = await searchCases(search);
    setPages({ key, items: page.items, next: page.nextCursor });
    return page;
  }, [key]);
  const [moreError, setMoreError] = useState<unknown>();

  const more = async () => {
    if (!pages?.next) return;
    try {
      const page = await searchCases({ ...search, cursor: pages.next });
      setPages({ key, items: [...pages.items, ...page.items], next: page.nextCursor });
    } catch (err) {
      setMoreError(err);
    }
  };

  const submit = (values: Filters) => {
    if (values.id?.trim()) return navigate(casePath((values.kind as CaseKind | undefined) ?? kind, values.id.trim()));
    const next = new URLSearchParams();
    for (const f of FILTERS) if (values[f]?.trim()) next.set(f, values[f]!.trim());
    setParams(next);
  };

  const items = pages?.key === key ? pages.items : [];
  const states = kind === 'complaint' ? COMPLAINT_STATES : ORDER_STATES;
  const types = Object.keys(CASE_TYPES).filter((type) => (kind === 'complaint' ? type === 'complaint' : type !== 'complaint'));

  return (
    <Card title={t('search.title')}>
      <Form form={form} layout="inline" initialValues={{ ...filters, kind }} onFinish={submit} className="case-search" style={{ rowGap: 12, marginBottom: 16 }}>
        {config.caseKinds.length > 1 && (
          <Form.Item name="kind" label={t('search.kind')}>
            <Select style={{ width: 110 }} options={config.caseKinds.map((k) => ({ value: k, label: l(CASE_KINDS, k) }))} />
          </Form.Item>
        )}
        <Form.Item name="id" label={t('search.id')}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="customerId" label={t('search.customer')}>
          <Input allowClear style={{ width: 180 }} className="search-customer" />
        </Form.Item>
        <Form.Item name="type" label={t('search.type')}>
          <Select allowClear style={{ width: 150 }} placeholder={t('search.any')} options={types.map((k) => ({ value: k, label: l(CASE_TYPES, k) }))} />
        </Form.Item>
        <Form.Item name="state" label={t('search.state')}>
          <Select allowClear style={{ width: 140 }} placeholder={t('search.any')} options={states.map((s) => ({ value: s, label: l(STATES, s) }))} />
        </Form.Item>
        <Form.Item name="breached" label={t('search.sla')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('search.any')}
            options={[
              { value: 'true', label: t('search.breached') },
              { value: 'false', label: t('search.notBreached') },
            ]}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" className="search-go">
            {t('search.go')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setParams(new URLSearchParams());
            }}
          >
            {t('search.reset')}
          </Button>
        </Space>
      </Form>
      <ProblemAlert error={first.error ?? moreError} style={{ marginBottom: 16 }} />
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={first.loading}
        dataSource={items}
        pagination={false}
        className="search-results"
        columns={[
          { title: t('search.id'), key: 'id', render: (_, c) => <Link to={casePath(c.kind, c.id)}>{c.id}</Link> },
          { title: t('case.type'), key: 'type', render: (_, c) => l(CASE_TYPES, c.type) },
          { title: t('case.state'), key: 'state', render: (_, c) => <StateTag state={c.state} /> },
          { title: t('case.stage'), key: 'stage', render: (_, c) => l(STAGES, c.stage) },
          { title: t('case.outcome'), key: 'outcome', render: (_, c) => (c.outcome ? l(OUTCOMES, c.outcome) : t('common.none')) },
          { title: t('case.customer'), key: 'customer', dataIndex: 'customerId' },
          { title: t('case.createdAt'), key: 'created', render: (_, c) => dateTime(c.createdAt) },
        ]}
      />
      {pages?.next && pages.key === key && (
        <Button style={{ marginTop: 16 }} onClick={() => void more()}>
          {t('search.more')}
        </Button>
      )}
    </Card>
  );
}
