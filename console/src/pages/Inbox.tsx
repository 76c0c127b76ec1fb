/**
 * The tasks the signed-in person may act on, soonest deadline first, with a
 * live countdown; filters by kind, case type and "assigned to me"; claim and
 * release. Polls, so tasks appear and go without a reload.
 */
import { App, Button, Card, Checkbox, Select, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ok } from '../api/client';
import { casePath, kindOfCaseType } from '../api/cases';
import type { Task, TaskQuery } from '../api/types';
import { Countdown } from '../components/Countdown';
import { DataSummary } from '../components/DataView';
import { ProblemAlert } from '../components/ProblemAlert';
import { StateTag } from '../components/StateTag';
import { shortTime } from '../format';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { CASE_TYPES, ROLES, TASK_KINDS } from '../i18n/labels';
import { mayActOn } from '../roles';
import { useSession } from '../session';

export const INBOX_REFRESH_MS = 3000;

async function inbox(filters: { kind?: string; caseType?: string; mine: boolean }): Promise<Task[]> {
  const query: TaskQuery = { sort: 'dueAt', limit: 200 };
  if (filters.kind) query.kind = filters.kind;
  if (filters.caseType) query.caseType = filters.caseType as TaskQuery['caseType'];
  if (filters.mine) query.assignee = 'me';
  return ok(await api.GET('/v1/tasks', { params: { query } })).items;
}

export function Inbox() {
  const { t, l } = useI18n();
  const { staff } = useSession();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? undefined;
  const caseType = params.get('caseType') ?? undefined;
  const mine = params.get('mine') === '1';
  const [actionError, setActionError] = useState<unknown>();
  const [updatedAt, setUpdatedAt] = useState<string>();
  const tasks = useLoad(() => inbox({ kind, caseType, mine }), [kind, caseType, mine], INBOX_REFRESH_MS);

  // Tell the person when tasks arrive while they look at the list.
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!tasks.data) return;
    setUpdatedAt(new Date().toISOString());
    const ids = new Set(tasks.data.map((task) => task.id));
    const fresh = seen.current ? [...ids].filter((id) => !seen.current!.has(id)).length : 0;
    if (fresh > 0) void message.info(t('inbox.appeared', { n: fresh }));
    seen.current = ids;
  }, [tasks.data, message, t]);
  useEffect(() => {
    seen.current = null;
  }, [kind, caseType, mine]);

  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const act = async (task: Task, action: 'claim' | 'release') => {
    setActionError(undefined);
    try {
      const path = action === 'claim' ? '/v1/tasks/{id}/claim' : '/v1/tasks/{id}/release';
      ok(await api.POST(path, { params: { path: { id: task.id } } }));
    } catch (err) {
      setActionError(err);
    }
    await tasks.reload();
  };

  const kinds = [...new Set([...Object.keys(TASK_KINDS), ...(tasks.data ?? []).map((task) => task.kind)])];

  return (
    <Card
      title={t('inbox.title')}
      extra={updatedAt && <Typography.Text type="secondary">{t('inbox.updated', { time: shortTime(updatedAt) })}</Typography.Text>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('inbox.allKinds')}
          value={kind}
          onChange={(v) => setFilter('kind', v)}
          options={kinds.map((k) => ({ value: k, label: l(TASK_KINDS, k) }))}
          className="filter-kind"
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('inbox.allCaseTypes')}
          value={caseType}
          onChange={(v) => setFilter('caseType', v)}
          options={Object.keys(CASE_TYPES).map((k) => ({ value: k, label: l(CASE_TYPES, k) }))}
          className="filter-case-type"
        />
        <Checkbox checked={mine} onChange={(e) => setFilter('mine', e.target.checked ? '1' : undefined)}>
          {t('inbox.mine')}
        </Checkbox>
      </Space>
      <ProblemAlert error={actionError ?? tasks.error} style={{ marginBottom: 16 }} />
      <Table<Task>
        rowKey="id"
        size="middle"
        loading={tasks.loading && !tasks.data}
        dataSource={tasks.data}
        pagination={false}
        locale={{ emptyText: t('inbox.empty') }}
        rowClassName={(task) => `task-row task-${task.kind}`}
        columns={[
          { title: t('inbox.due'), key: 'due', width: 190, render: (_, task) => <Countdown dueAt={task.dueAt} jeopardyAt={task.jeopardyAt} /> },
          {
            title: t('inbox.kind'),
            key: 'kind',
            render: (_, task) => (
              <Space direction="vertical" size={0}>
                <Link to={`/tasks/${task.id}`}>{l(TASK_KINDS, task.kind)}</Link>
                <Typography.Text type="secondary">
                  <DataSummary data={task.data} />
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('inbox.case'),
            key: 'case',
            render: (_, task) => (
              <Space direction="vertical" size={0}>
                <Link to={casePath(kindOfCaseType(task.caseType), task.caseId)}>{task.caseId}</Link>
                <Typography.Text type="secondary">{l(CASE_TYPES, task.caseType)}</Typography.Text>
              </Space>
            ),
          },
          { title: t('inbox.role'), key: 'role', render: (_, task) => l(ROLES, task.role) },
          { title: t('inbox.state'), key: 'state', render: (_, task) => <StateTag state={task.state} /> },
          { title: t('inbox.assignee'), key: 'assignee', render: (_, task) => task.assignee ?? t('common.none') },
          {
            key: 'actions',
            align: 'right',
            render: (_, task) => {
              const mayAct = mayActOn(staff, task);
              const mineNow = task.assignee === staff?.sub;
              return (
                <Space>
                  {mayAct && task.state === 'open' && (
                    <Button size="small" onClick={() => void act(task, 'claim')} className="claim">
                      {t('inbox.claim')}
                    </Button>
                  )}
                  {mineNow && task.state === 'claimed' && (
                    <Button size="small" onClick={() => void act(task, 'release')} className="release">
                      {t('inbox.release')}
                    </Button>
                  )}
                  <Link to={`/tasks/${task.id}`}>
                    <Button size="small" type={mayAct ? 'primary' : 'default'} className="open-task">
                      {t('inbox.open')}
                    </Button>
                  </Link>
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
