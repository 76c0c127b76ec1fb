/** The console: providers, sign-in gate, the shell with its menu, and the pages. */
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Segmented, Space, Spin, Tag } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { api, ok } from './api/client';
import type { ConsoleConfig, Role } from './api/types';
import { ProblemAlert } from './components/ProblemAlert';
import { useLoad } from './hooks';
import { I18nProvider, useI18n } from './i18n';
import { ROLES } from './i18n/labels';
import { CasePage } from './pages/CasePage';
import { Inbox } from './pages/Inbox';
import { Search } from './pages/Search';
import { SignIn } from './pages/SignIn';
import { READ_ALL_ROLES } from './roles';
import { SessionProvider, useSession } from './session';

// The chart library and the form engine load with the pages that need them.
const Dashboard = lazy(() => import('./pages/Dashboard').then((m) => ({ default: m.Dashboard })));
const TaskPage = lazy(() => import('./pages/TaskPage').then((m) => ({ default: m.TaskPage })));
const SlaPolicies = lazy(() => import('./pages/admin/SlaPolicies').then((m) => ({ default: m.SlaPolicies })));
const ApprovalLevels = lazy(() => import('./pages/admin/ApprovalLevels').then((m) => ({ default: m.ApprovalLevels })));
const RetentionOffers = lazy(() => import('./pages/admin/RetentionOffers').then((m) => ({ default: m.RetentionOffers })));
const WorkingCalendar = lazy(() => import('./pages/admin/WorkingCalendar').then((m) => ({ default: m.WorkingCalendar })));

function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title="403" subTitle={t('problem.403')} />;
}

/** Only for people with one of `roles`; others see why not. */
function Only({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { has } = useSession();
  return has(...roles) ? <>{children}</> : <Forbidden />;
}

function Shell() {
  const { t, l, lang, setLang } = useI18n();
  const { staff, has, signOut } = useSession();
  const location = useLocation();
  if (!staff) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;

  const items = [
    { key: '/inbox', label: <Link to="/inbox">{t('nav.inbox')}</Link> },
    { key: '/cases', label: <Link to="/cases">{t('nav.cases')}</Link> },
    ...(has(...READ_ALL_ROLES) ? [{ key: '/dashboard', label: <Link to="/dashboard">{t('nav.dashboard')}</Link> }] : []),
    ...(has('admin')
      ? [
          {
            key: '/admin',
            label: t('nav.admin'),
            children: [
              { key: '/admin/sla', label: <Link to="/admin/sla">{t('nav.sla')}</Link> },
              { key: '/admin/approval-levels', label: <Link to="/admin/approval-levels">{t('nav.approvalLevels')}</Link> },
              { key: '/admin/calendar', label: <Link to="/admin/calendar">{t('nav.calendar')}</Link> },
              { key: '/admin/retention-offers', label: <Link to="/admin/retention-offers">{t('nav.retentionOffers')}</Link> },
            ],
          },
        ]
      : []),
  ];
  const selected = items.flatMap((i) => ('children' in i && i.children ? i.children : [i])).find((i) => location.pathname.startsWith(i.key))?.key;

  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <Link to="/" className="brand">
          {t('app.title')}
        </Link>
        <Menu theme="dark" mode="horizontal" items={items} selectedKeys={selected ? [selected] : []} style={{ flex: 1, minWidth: 0 }} />
        <Space size="middle" className="shell-user">
          <Segmented
            size="small"
            className="lang-switch"
            value={lang}
            onChange={(v) => setLang(v as 'zh' | 'en')}
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
          <span className="staff-name">{staff.name ?? staff.sub}</span>
          {staff.roles.map((r) => (
            <Tag key={r} color="blue">
              {l(ROLES, r)}
            </Tag>
          ))}
          <Button size="small" onClick={signOut} className="sign-out">
            {t('nav.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="shell-content">
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}

function Home() {
  const { has } = useSession();
  // Readers who act on nothing start on the dashboard; everyone else in the inbox.
  return <Navigate to={has('operator') && !has('supervisor', 'branch_leader', 'general_manager', 'frontoffice', 'agent', 'technician') ? '/dashboard' : '/inbox'} replace />;
}

function Pages({ config }: { config: ConsoleConfig }) {
  const { staff } = useSession();
  const { t } = useI18n();
  return (
    <Routes>
      <Route path="/signin" element={staff ? <Navigate to="/" replace /> : <SignIn config={config} />} />
      <Route element={<Shell />}>
        <Route index element={<Home />} />
        <Route path="/inbox" element={<Inbox />} />
        <Route path="/tasks/:id" element={<TaskPage />} />
        <Route path="/cases" element={<Search config={config} />} />
        <Route path="/orders/:id" element={<CasePage kind="order" config={config} />} />
        <Route path="/complaints/:id" element={<CasePage kind="complaint" config={config} />} />
        <Route path="/dashboard" element={<Only roles={READ_ALL_ROLES}><Dashboard /></Only>} />
        <Route path="/admin/sla" element={<Only roles={['admin']}><SlaPolicies /></Only>} />
        <Route path="/admin/approval-levels" element={<Only roles={['admin']}><ApprovalLevels /></Only>} />
        <Route path="/admin/calendar" element={<Only roles={['admin']}><WorkingCalendar /></Only>} />
        <Route path="/admin/retention-offers" element={<Only roles={['admin']}><RetentionOffers /></Only>} />
        <Route path="*" element={<Result status="404" title="404" subTitle={t('common.notFound')} />} />
      </Route>
    </Routes>
  );
}

function Localised() {
  const { lang } = useI18n();
  const config = useLoad(async () => ok(await api.GET('/v1/console/config')), []);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1456c8', borderRadius: 4 } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        {config.data ? (
          <SessionProvider>
            <BrowserRouter basename="/console">
              <Pages config={config.data} />
            </BrowserRouter>
          </SessionProvider>
        ) : config.error ? (
          <ProblemAlert error={config.error} style={{ margin: 24 }} />
        ) : (
          <Spin style={{ margin: 48 }} />
        )}
      </AntApp>
    </ConfigProvider>
  );
}

export function ConsoleApp() {
  return (
    <I18nProvider>
      <Localised />
    </I18nProvider>
  );
}
