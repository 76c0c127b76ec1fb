/** An API failure explained in words: what happened and what to do, then the server's own detail. */
import { Alert } from 'antd';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/messages';

const EXPLAINED = [400, 401, 403, 404, 409, 422];

export function ProblemAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { t } = useI18n();
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    return <Alert type="error" showIcon style={style} message={t('problem.network')} description={String((error as Error)?.message ?? error)} />;
  }
  const words = EXPLAINED.includes(error.status) ? t(`problem.${error.status}` as MessageKey) : t('problem.other', { status: error.status });
  const fieldErrors = error.problem.errors ?? [];
  return (
    <Alert
      type={error.status === 409 ? 'warning' : 'error'}
      showIcon
      style={style}
      data-status={error.status}
      className="problem"
      message={words}
      description={
        <>
          {error.problem.detail && <div className="problem-detail">{error.problem.detail}</div>}
          {fieldErrors.length > 0 && (
            <ul className="problem-errors">
              {fieldErrors.map((e) => (
                <li key={`${e.path}:${e.message}`}>
                  <code>{e.path}</code> {e.message}
                </li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
