/**
 * One task: what it is about (its `data`, shown generically), and its form
 * for the chosen outcome. Completing it shows the case's new state; a 409
 * (someone was faster) or 403 is explained in words.
 */
import { Alert, Button, Card, Descriptions, Result, Space, Spin } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, ok } from '../api/client';
import { casePath, kindOfCaseType } from '../api/cases';
import type { CompleteResult } from '../api/types';
import { Countdown } from '../components/Countdown';
import { DataFields } from '../components/DataView';
import { ProblemAlert } from '../components/ProblemAlert';
import { StateTag } from '../components/StateTag';
import { TaskForm, type Decision } from '../components/TaskForm';
import { dateTime } from '../format';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { CASE_TYPES, OUTCOMES, ROLES, STAGES, STATES, TASK_KINDS } from '../i18n/labels';
import { mayActOn } from '../roles';
import { useSession } from '../session';

const FINISHED = ['completed', 'escalated', 'cancelled'];

export function TaskPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const { staff } = useSession();
  const task = useLoad(async () => ok(await api.GET('/v1/tasks/{id}', { params: { path: { id } } })), [id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<CompleteResult>();

  if (!task.data) return task.error ? <ProblemAlert error={task.error} /> : <Spin />;
  const current = task.data;
  const caseLink = casePath(kindOfCaseType(current.caseType), current.caseId);

  const complete = async (decision: Decision) => {
    setBusy(true);
    setError(undefined);
    try {
      setDone(ok(await api.POST('/v1/tasks/{id}/complete', { params: { path: { id } }, body: decision })));
    } catch (err) {
      setError(err);
      // The task changed under us (completed or taken by someone else): show how it stands now.
      if (err instanceof ApiError && err.status === 409) await task.reload();
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Card>
        <Result
          status="success"
          title={t('task.done')}
          subTitle={
            <span className="case-now">
              {t('task.caseNow', { state: l(STATES, done.case.state), stage: l(STAGES, done.case.stage) })}
            </span>
          }
          extra={[
            <Link key="case" to={caseLink}>
              <Button type="primary">{t('task.viewCase')}</Button>
            </Link>,
            <Link key="inbox" to="/inbox">
              <Button>{t('task.backToInbox')}</Button>
            </Link>,
          ]}
        />
      </Card>
    );
  }

  const finished = FINISHED.includes(current.state);
  const mayAct = mayActOn(staff, current);
  const heldByOther = current.state === 'claimed' && current.assignee !== null && current.assignee !== staff?.sub;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={t('task.title', { kind: l(TASK_KINDS, current.kind), case: current.caseId })}
        extra={!finished && <Countdown dueAt={current.dueAt} jeopardyAt={current.jeopardyAt} />}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'case', label: t('inbox.case'), children: <Link to={caseLink}>{current.caseId}</Link> },
            { key: 'type', label: t('inbox.caseType'), children: l(CASE_TYPES, current.caseType) },
            { key: 'role', label: t('inbox.role'), children: l(ROLES, current.role) },
            { key: 'state', label: t('inbox.state'), children: <StateTag state={current.state} /> },
            { key: 'assignee', label: t('inbox.assignee'), children: current.assignee ?? t('common.none') },
            { key: 'created', label: t('case.createdAt'), children: dateTime(current.createdAt) },
          ]}
        />
      </Card>
      <Card title={t('task.context')}>
        <DataFields data={current.data} />
      </Card>
      <Card>
        <ProblemAlert error={error} style={{ marginBottom: 16 }} />
        {finished ? (
          <Alert
            type="info"
            showIcon
            message={t('task.finished', { state: l(STATES, current.state) })}
            description={
              current.outcome &&
              t('task.completedBy', { who: current.completedBy ?? '', outcome: l(OUTCOMES, current.outcome), at: dateTime(current.completedAt) })
            }
          />
        ) : !mayAct ? (
          <Alert
            type="info"
            showIcon
            message={current.approvesMoney && staff?.roles.includes('admin') ? t('task.adminMoney') : t('task.cannotAct', { role: l(ROLES, current.role) })}
          />
        ) : heldByOther ? (
          <Alert type="warning" showIcon message={t('task.heldBy', { who: current.assignee ?? '' })} />
        ) : (
          <TaskForm outcomes={current.outcomes} forms={current.form} busy={busy} onSubmit={(d) => void complete(d)} />
        )}
      </Card>
    </Space>
  );
}
