/**
 * A task's step rendered from its own description: one choice per outcome,
 * and for the chosen outcome the JSON Schema form the workflow published
 * (`form[outcome]`), rendered and validated by react-jsonschema-form with
 * messages in the person's language. Nothing here knows a task kind.
 */
import { Button, Form as AntForm, Input, Radio, Space } from 'antd';
import Form from '@rjsf/antd';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeEn from 'ajv-i18n/localize/en';
import localizeZh from 'ajv-i18n/localize/zh';
import { useMemo, useState } from 'react';
import { useI18n, type I18n } from '../i18n';
import { FIELDS, OUTCOMES, VALUE_TABLES } from '../i18n/labels';
import { SignaturePad } from './SignaturePad';

const validators = { zh: customizeValidator({}, localizeZh), en: customizeValidator({}, localizeEn) };
const widgets = { signature: SignaturePad };

type Schema = RJSFSchema & { properties?: Record<string, Schema>; items?: Schema };

/** Labels, value names and widgets for a form, from the label tables. */
export function uiSchemaFor(schema: Schema, i18n: I18n, key?: string): UiSchema {
  const ui: UiSchema = {};
  if (key) ui['ui:title'] = schema.title ?? i18n.l(FIELDS, key);
  const table = key ? VALUE_TABLES[key] : undefined;
  if (Array.isArray(schema.enum) && table) ui['ui:enumNames'] = schema.enum.map((v) => i18n.l(table, String(v)));
  if (schema.type === 'string' && !schema.enum && !schema.format && (schema.maxLength ?? 0) > 200) ui['ui:widget'] = 'textarea';
  // Stored forms lose their key order (jsonb); `required` keeps the author's, so it leads.
  const ordered = (schema.required ?? []).filter((name) => name in (schema.properties ?? {}));
  if (ordered.length > 1) ui['ui:order'] = [...ordered, '*'];
  for (const [name, child] of Object.entries(schema.properties ?? {})) ui[name] = uiSchemaFor(child, i18n, name);
  // A customer's signature (`{ reference, signerName }`): the customer draws it, and the pad names the drawing.
  if (key === 'signature' && schema.properties?.reference?.type === 'string') {
    ui.reference = { ...ui.reference, 'ui:widget': 'signature', 'ui:title': i18n.l(FIELDS, 'signaturePad') };
  }
  if (schema.items && !Array.isArray(schema.items)) ui.items = uiSchemaFor(schema.items, i18n, key);
  return ui;
}

export interface Decision {
  outcome: string;
  comment?: string;
  data: Record<string, unknown>;
}

export function TaskForm({
  outcomes,
  forms,
  busy,
  onSubmit,
}: {
  outcomes: string[];
  forms: Record<string, unknown>;
  busy: boolean;
  onSubmit(decision: Decision): void;
}) {
  const i18n = useI18n();
  const { t, l, lang } = i18n;
  const [outcome, setOutcome] = useState(outcomes[0] ?? '');
  const [data, setData] = useState<Record<string, unknown>>({});
  const [comment, setComment] = useState('');
  const schema = (forms[outcome] ?? { type: 'object' }) as Schema;
  const uiSchema = useMemo(() => uiSchemaFor(schema, i18n), [schema, i18n]);

  return (
    <div className="task-form">
      <AntForm layout="vertical">
        <AntForm.Item label={t('task.outcome')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={outcome}
            onChange={(e) => {
              setOutcome(e.target.value as string);
              setData({});
            }}
            options={outcomes.map((o) => ({ value: o, label: l(OUTCOMES, o) }))}
          />
        </AntForm.Item>
      </AntForm>
      <Form
        key={`${outcome}:${lang}`}
        schema={schema}
        uiSchema={uiSchema}
        widgets={widgets}
        validator={validators[lang]}
        formData={data}
        onChange={(e) => setData((e.formData ?? {}) as Record<string, unknown>)}
        onSubmit={(e) => onSubmit({ outcome, data: (e.formData ?? {}) as Record<string, unknown>, ...(comment.trim() ? { comment: comment.trim() } : {}) })}
        showErrorList={false}
        noHtml5Validate
        // A checklist item the schema requires to be true starts unticked: the person ticks it.
        experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
      >
        <AntForm layout="vertical" component="div">
          <AntForm.Item label={t('task.comment')}>
            <Input.TextArea value={comment} maxLength={2000} rows={2} onChange={(e) => setComment(e.target.value)} />
          </AntForm.Item>
        </AntForm>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} className="submit-task">
            {t('task.submit', { outcome: l(OUTCOMES, outcome) })}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
