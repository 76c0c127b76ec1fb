import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';

/** An admin editor: a dialog whose form opens with `values` (none: closed) and shows why a save failed. */
export function EditModal<T extends object>(props: {
  title: ReactNode;
  form: FormInstance<T>;
  /** Tells one edited thing from another, so the form starts afresh. */
  id: string | undefined;
  values: T | undefined;
  error: unknown;
  onClose(): void;
  onFinish(values: T): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={props.values !== undefined}
      title={props.title}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      onCancel={props.onClose}
      onOk={() => props.form.submit()}
      destroyOnHidden
    >
      <Form form={props.form} key={props.id} layout="vertical" initialValues={props.values} onFinish={props.onFinish}>
        {props.children}
        <ProblemAlert error={props.error} />
      </Form>
    </Modal>
  );
}
