import { Tag } from 'antd';
import { useI18n } from '../i18n';
import { STATES } from '../i18n/labels';

const COLOURS: Record<string, string> = {
  acknowledged: 'geekblue',
  inProgress: 'blue',
  pending: 'gold',
  held: 'orange',
  completed: 'green',
  resolved: 'cyan',
  closed: 'default',
  cancelled: 'default',
  rejected: 'red',
  failed: 'red',
  open: 'blue',
  claimed: 'purple',
  escalated: 'orange',
};

export function StateTag({ state }: { state: string }) {
  const { l } = useI18n();
  return (
    <Tag color={COLOURS[state] ?? 'default'} data-state={state}>
      {l(STATES, state)}
    </Tag>
  );
}
