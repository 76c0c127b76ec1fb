/**
 * Sign-in. Development (the server signs with the development secret): say
 * who you are and get a token from POST /v1/dev/token. Otherwise: paste the
 * organisation's token.
 */
import { Alert, Button, Card, Checkbox, Form, Input, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ok } from '../api/client';
import type { ConsoleConfig, Role } from '../api/types';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';
import { ROLES } from '../i18n/labels';
import { ALL_ROLES } from '../roles';
import { readToken, useSession } from '../session';

interface DevForm {
  sub: string;
  name?: string;
  roles: Role[];
  dept?: string;
}

const PRESETS: Array<DevForm & { zh: string; en: string }> = [
  { sub: 'sup-wang', name: '王芳', roles: ['supervisor'], dept: 'grid-3', zh: '网格主管 王芳', en: 'Supervisor Wang Fang' },
  { sub: 'ops-li', name: '李明', roles: ['operator'], zh: '运营 李明', en: 'Operator Li Ming' },
  { sub: 'clerk-zhao', name: '赵丽', roles: ['frontoffice'], zh: '营业员 赵丽', en: 'Clerk Zhao Li' },
  { sub: 'tech-chen', name: '陈伟', roles: ['technician'], zh: '装维 陈伟', en: 'Technician Chen Wei' },
  { sub: 'admin-sun', name: '孙强', roles: ['admin'], zh: '管理员 孙强', en: 'Admin Sun Qiang' },
];

export function SignIn({ config }: { config: ConsoleConfig }) {
  const { t, l, lang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<DevForm>();
  const [error, setError] = useState<unknown>();
  const [tokenProblem, setTokenProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const enter = (token: string) => {
    if (session.signIn(token)) navigate('/', { replace: true });
  };

  const devSignIn = async (values: DevForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = { sub: values.sub.trim(), roles: values.roles, ...(values.name?.trim() ? { name: values.name.trim() } : {}), ...(values.dept?.trim() ? { dept: values.dept.trim() } : {}) };
      enter(ok(await api.POST('/v1/dev/token', { body })).token);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const pasted = (values: { token: string }) => {
    const token = values.token.trim();
    const claims = readToken(token, 0);
    if (!claims) return setTokenProblem(t('signIn.badToken'));
    if (!readToken(token)) return setTokenProblem(t('signIn.expired'));
    enter(token);
  };

  const devTab = {
    key: 'dev',
    label: t('signIn.dev'),
    children: (
      <>
        <Typography.Paragraph type="secondary">{t('signIn.devHint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <span className="muted">{t('signIn.presets')}:</span>
          {PRESETS.map((p) => (
            <Button key={p.sub} size="small" onClick={() => form.setFieldsValue({ sub: p.sub, name: p.name, roles: p.roles, dept: p.dept })}>
              {lang === 'zh' ? p.zh : p.en}
            </Button>
          ))}
        </Space>
        <Form form={form} layout="vertical" onFinish={devSignIn} initialValues={{ roles: [] }} name="dev-sign-in">
          <Form.Item name="sub" label={t('signIn.staffId')} rules={[{ required: true, whitespace: true, message: t('signIn.required') }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="name" label={t('signIn.name')}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label={t('signIn.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('signIn.required') }]}>
            <Checkbox.Group options={ALL_ROLES.map((r) => ({ value: r, label: l(ROLES, r) }))} />
          </Form.Item>
          <Form.Item name="dept" label={t('signIn.dept')}>
            <Input />
          </Form.Item>
          <ProblemAlert error={error} style={{ marginBottom: 16 }} />
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('signIn.submit')}
          </Button>
        </Form>
      </>
    ),
  };

  const tokenTab = {
    key: 'token',
    label: t('signIn.token'),
    children: (
      <Form layout="vertical" onFinish={pasted} name="token-sign-in">
        <Typography.Paragraph type="secondary">{t('signIn.tokenHint')}</Typography.Paragraph>
        <Form.Item name="token" rules={[{ required: true, whitespace: true, message: t('signIn.required') }]}>
          <Input.TextArea rows={5} spellCheck={false} />
        </Form.Item>
        {tokenProblem && <Alert type="error" showIcon message={tokenProblem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block>
          {t('signIn.submit')}
        </Button>
      </Form>
    ),
  };

  return (
    <div className="sign-in">
      <Card title={t('signIn.title')} style={{ width: 560 }}>
        <Tabs items={config.devSignIn ? [devTab, tokenTab] : [tokenTab]} />
      </Card>
    </div>
  );
}
