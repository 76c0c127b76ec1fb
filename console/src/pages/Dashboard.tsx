/**
 * The operators' dashboard (GET /v1/reports/overview): open cases, today's
 * SLA breaches and jeopardies, cases by state and type, and this month's
 * refunds by cause, as ECharts charts.
 */
import { Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ES module build: the CommonJS one (lib/) hands a bundler its module object as the default export.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Link } from 'react-router-dom';
import { api, ok } from '../api/client';
import { casePath, isFinished, kindOfCaseType } from '../api/cases';
import type { Overview } from '../api/types';
import { ProblemAlert } from '../components/ProblemAlert';
import { dateTime, yuan } from '../format';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { CASE_TYPES, REFUND_CAUSES, SLA_KEYS, STATES } from '../i18n/labels';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const DASHBOARD_REFRESH_MS = 15_000;
type SlaEvent = Overview['today']['events'][number];

function CasesByState({ cases }: { cases: Overview['cases'] }) {
  const { t, l } = useI18n();
  if (cases.length === 0) return <Empty description={t('dash.noData')} />;
  // In the order of the lifecycle (the label table's order), unknown states last.
  const rank = (state: string) => (Object.keys(STATES).indexOf(state) + 1 || Infinity);
  const states = [...new Set(cases.map((c) => c.state))].sort((a, b) => rank(a) - rank(b));
  const types = [...new Set(cases.map((c) => c.type))];
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: states.map((s) => l(STATES, s)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: types.map((type) => ({
      name: l(CASE_TYPES, type),
      type: 'bar',
      stack: 'cases',
      data: states.map((state) => cases.filter((c) => c.type === type && c.state === state).reduce((n, c) => n + c.count, 0)),
    })),
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300 }} />;
}

function RefundsByCause({ refunds }: { refunds: Overview['refundsByCause'] }) {
  const { t, l } = useI18n();
  if (refunds.length === 0) return <Empty description={t('dash.noData')} />;
  const option = {
    tooltip: {
      trigger: 'axis',
      formatter: (items: Array<{ dataIndex: number }>) => {
        const r = refunds[items[0]?.dataIndex ?? 0]!;
        return `${l(REFUND_CAUSES, r.cause)}<br/>${yuan(r.amountFen)} · ${t('dash.count')} ${r.count}`;
      },
    },
    grid: { left: 60, right: 16, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: refunds.map((r) => l(REFUND_CAUSES, r.cause)) },
    yAxis: { type: 'value', name: t('dash.amount') },
    series: [
      {
        type: 'bar',
        data: refunds.map((r) => r.amountFen / 100),
        label: { show: true, position: 'top', formatter: ({ dataIndex }: { dataIndex: number }) => `${refunds[dataIndex]!.count}` },
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300 }} />;
}

export function Dashboard() {
  const { t, l } = useI18n();
  const overview = useLoad(async () => ok(await api.GET('/v1/reports/overview')), [], DASHBOARD_REFRESH_MS);
  const o = overview.data;
  const open = o?.cases.filter((c) => !isFinished(c.state)).reduce((n, c) => n + c.count, 0) ?? 0;
  const refundTotal = o?.refundsByCause.reduce((n, r) => n + r.amountFen, 0) ?? 0;

  return (
    <div className="dashboard">
      <ProblemAlert error={overview.error} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        {[
          { key: 'open', title: t('dash.open'), value: open },
          { key: 'breaches', title: t('dash.breachesToday'), value: o?.today.breaches ?? 0, color: '#cf1322' },
          { key: 'jeopardies', title: t('dash.jeopardiesToday'), value: o?.today.jeopardies ?? 0, color: '#d48806' },
          { key: 'openBreached', title: t('dash.openBreached'), value: o?.openBreached ?? 0, color: '#cf1322' },
        ].map((s) => (
          <Col xs={12} md={6} key={s.key}>
            <Card loading={!o}>
              <Statistic title={s.title} value={s.value} valueStyle={s.color ? { color: s.color } : undefined} className={`stat-${s.key}`} />
            </Card>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Card title={t('dash.byState')} loading={!o}>
            {o && <CasesByState cases={o.cases} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dash.refunds', { month: o?.month ?? '' })} loading={!o} extra={o && yuan(refundTotal)}>
            {o && <RefundsByCause refunds={o.refundsByCause} />}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('dash.slaToday')} loading={!o}>
            <Table<SlaEvent>
              size="small"
              rowKey={(e) => `${e.caseId}:${e.mark}:${e.at}`}
              dataSource={o?.today.events}
              pagination={false}
              columns={[
                { title: t('inbox.case'), key: 'case', render: (_, e) => <Link to={casePath(kindOfCaseType(e.caseType), e.caseId)}>{e.caseId}</Link> },
                { title: t('case.type'), key: 'type', render: (_, e) => l(CASE_TYPES, e.caseType) },
                {
                  title: t('search.sla'),
                  key: 'mark',
                  render: (_, e) => <Tag color={e.mark === 'breached' ? 'red' : 'orange'}>{t(e.mark === 'breached' ? 'sla.breached' : 'sla.jeopardy')}</Tag>,
                },
                { title: t('admin.key'), key: 'policy', render: (_, e) => l(SLA_KEYS, e.policyKey) },
                { title: t('dash.at'), key: 'at', render: (_, e) => dateTime(e.at) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
