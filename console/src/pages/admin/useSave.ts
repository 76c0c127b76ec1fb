import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useI18n } from '../../i18n';

/** An admin page's write: on success "Saved" and `after` (close the editor, re-read); on failure the problem to show. */
export function useSave(after: () => unknown) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  const save = useCallback(
    async (write: () => Promise<unknown>) => {
      setError(undefined);
      try {
        await write();
      } catch (err) {
        setError(err);
        return;
      }
      void message.success(t('admin.saved'));
      await after();
    },
    [after, message, t],
  );
  return { error, save, clearError: () => setError(undefined) };
}
