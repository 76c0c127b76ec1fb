/**
 * Where a case stands: state, stage and outcome, its SLA clocks, pending
 * tasks, related cases, the customer, its details and its timeline, with a
 * link to its workflow in the Temporal UI. Orders and complaints alike.
 */
import { Card, Col, Descriptions, Row, Space, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ExportOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { casePath, isFinished, kindOfCaseType, loadCase, loadCaseEvents, type CaseKind, type CaseView } from '../api/cases';
import type { ConsoleConfig, PendingTask } from '../api/types';
import { CaseTimeline } from '../components/CaseTimeline';
import { Countdown } from '../components/Countdown';
import { CustomerCard } from '../components/CustomerCard';
import { DataFields, renderValue } from '../components/DataView';
import { ProblemAlert } from '../components/ProblemAlert';
import { SlaBars } from '../components/SlaBars';
import { StateTag } from '../components/StateTag';
import { dateTime } from '../format';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { CASE_KINDS, CASE_TYPES, FIELDS, OUTCOMES, REASONS, ROLES, STAGES, TASK_KINDS } from '../i18n/labels';

/** An open case is re-read this often, so the page follows the workflow. */
const CASE_REFRESH_MS = 3000;
const RELATION_FIELDS = ['parentCaseId', 'parentCaseType', 'childCases'];

interface Related {
  id: string;
  kind: CaseKind;
  type?: string;
  state?: string;
}

/** `data.parentCaseId` (with `parentCaseType`) and `data.childCases` (ids, or `{ id, type, state }`). */
function relatedCases(data: Record<string, unknown>): { parent?: Related; children: Related[] } {
  const parentId = typeof data.parentCaseId === 'string' ? data.parentCaseId : undefined;
  const parentType = typeof data.parentCaseType === 'string' ? data.parentCaseType : undefined;
  const children = (Array.isArray(data.childCases) ? data.childCases : []).flatMap((c): Related[] => {
    if (typeof c === 'string') return [{ id: c, kind: 'order' }];
    if (c && typeof c === 'object' && typeof (c as Related).id === 'string') {
      const child = c as Related;
      return [{ id: child.id, type: child.type, state: child.state, kind: kindOfCaseType(child.type ?? 'order') }];
    }
    return [];
  });
  return { parent: parentId ? { id: parentId, type: parentType, kind: kindOfCaseType(parentType ?? 'order') } : undefined, children };
}

function workflowUrl(config: ConsoleConfig, id: string): string | undefined {
  if (!config.temporalUiUrl) return undefined;
  return `${config.temporalUiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(config.temporalNamespace)}/workflows/${encodeURIComponent(id)}`;
}

function Header({ c, config }: { c: CaseView; config: ConsoleConfig }) {
  const i18n = useI18n();
  const { t, l } = i18n;
  const temporal = workflowUrl(config, c.id);
  return (
    <Card
      title={
        <Space>
          <span>
            {l(CASE_KINDS, c.kind)} {c.id}
          </span>
          <StateTag state={c.state} />
          {c.outcome && <Tag className="case-outcome">{l(OUTCOMES, c.outcome)}</Tag>}
        </Space>
      }
      extra={
        temporal && (
          <a href={temporal} target="_blank" rel="noreferrer" className="temporal-link">
            {t('case.workflow')} <ExportOutlined />
          </a>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'type', label: t('case.type'), children: l(CASE_TYPES, c.type) },
          { key: 'stage', label: t('case.stage'), children: <span className="case-stage">{l(STAGES, c.stage)}</span> },
          { key: 'reason', label: t('case.reason'), children: c.stateReason ? l(REASONS, c.stateReason) : t('common.none') },
          { key: 'customer', label: t('case.customer'), children: c.customerId },
          { key: 'createdBy', label: t('case.createdBy'), children: c.createdBy },
          { key: 'createdAt', label: t('case.createdAt'), children: dateTime(c.createdAt) },
          { key: 'updatedAt', label: t('case.updatedAt'), children: dateTime(c.updatedAt) },
          ...Object.entries(c.extra).map(([key, value]) => ({ key, label: l(FIELDS, key), children: renderValue(key, value, i18n) })),
        ]}
      />
    </Card>
  );
}

function PendingTasks({ tasks }: { tasks: PendingTask[] }) {
  const { t, l } = useI18n();
  return (
    <Table<PendingTask>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={tasks}
      locale={{ emptyText: t('case.noTasks') }}
      columns={[
        { title: t('inbox.kind'), key: 'kind', render: (_, task) => <Link to={`/tasks/${task.id}`}>{l(TASK_KINDS, task.kind)}</Link> },
        { title: t('inbox.role'), key: 'role', render: (_, task) => l(ROLES, task.role) },
        { title: t('inbox.assignee'), key: 'assignee', render: (_, task) => task.assignee ?? t('common.none') },
        { title: t('inbox.due'), key: 'due', render: (_, task) => <Countdown dueAt={task.dueAt} /> },
      ]}
    />
  );
}

function RelatedCases({ data }: { data: Record<string, unknown> }) {
  const { t, l } = useI18n();
  const { parent, children } = relatedCases(data);
  if (!parent && children.length === 0) return null;
  const link = (r: Related) => (
    <Space key={r.id}>
      <Link to={casePath(r.kind, r.id)}>{r.id}</Link>
      {r.type && <span className="muted">{l(CASE_TYPES, r.type)}</span>}
      {r.state && <StateTag state={r.state} />}
    </Space>
  );
  return (
    <Card title={t('case.related')} size="small">
      <Descriptions
        size="small"
        column={1}
        items={[
          ...(parent ? [{ key: 'parent', label: t('case.parent'), children: link(parent) }] : []),
          ...(children.length ? [{ key: 'children', label: t('case.children'), children: <Space direction="vertical">{children.map(link)}</Space> }] : []),
        ]}
      />
    </Card>
  );
}

export function CasePage({ kind, config }: { kind: CaseKind; config: ConsoleConfig }) {
  const { id = '' } = useParams();
  const { t } = useI18n();
  // Follows an open case until it finishes.
  const [live, setLive] = useState(true);
  const current = useLoad(() => loadCase(kind, id), [kind, id], live ? CASE_REFRESH_MS : undefined);
  const state = current.data?.state;
  useEffect(() => {
    if (state) setLive(!isFinished(state));
  }, [state]);
  const events = useLoad(() => loadCaseEvents(kind, id), [kind, id, current.data?.updatedAt]);
  const c = current.data;

  if (!c) return current.error ? <ProblemAlert error={current.error} /> : <Spin />;
  const details = Object.fromEntries(Object.entries(c.data).filter(([k]) => !RELATION_FIELDS.includes(k)));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} className="case-page" data-case-state={c.state}>
      <Header c={c} config={config} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Card title={t('case.sla')} size="small">
              <SlaBars clocks={c.sla} casePending={c.state === 'pending'} />
            </Card>
            <Card title={t('case.tasks')} size="small">
              <PendingTasks tasks={c.pendingTasks} />
            </Card>
            <RelatedCases data={c.data} />
            <Card title={t('case.data')} size="small">
              <DataFields data={details} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            {c.customerId && <CustomerCard id={c.customerId} />}
            <Card title={t('case.timeline')} size="small">
              <ProblemAlert error={events.error} />
              {events.data ? <CaseTimeline events={events.data} /> : <Spin />}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
