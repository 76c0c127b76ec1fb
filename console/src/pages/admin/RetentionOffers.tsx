/**
 * Retention offers (admin): the catalogue a cancellation's retention attempt
 * offers from, and who may receive each offer (policy
 * `cancellation.retention_offers`). An offer switched off leaves the
 * catalogue; a tier left empty is not offered a discount or an upgrade.
 */
import { Button, Card, Col, Form, InputNumber, Row, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { api, ok } from '../../api/client';
import type { RetentionOfferPolicy } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { useSave } from './useSave';
import { useI18n } from '../../i18n';
import { PRODUCT_VALUES } from '../../i18n/labels';

type Offer = RetentionOfferPolicy['offers'][number];
type Code = Offer['code'];
type LoyaltyCredit = Extract<Offer, { code: 'loyalty_credit' }>;
type ByTier = Extract<Offer, { code: 'fee_discount' }>['percentByTier'];
type Tier = keyof ByTier;

const CODES: Code[] = ['loyalty_credit', 'fee_discount', 'speed_upgrade'];
const TIERS: Tier[] = ['A1', 'A2', 'B1', 'B2', 'C', 'diamond', 'gold', 'silver', 'standard'];

/** The form's shape: every offer present, switched on or off; money in yuan. */
interface Editing {
  offered: boolean;
  commitmentMonths?: number;
  minMonthlyRevenueYuan?: number;
  arrearsFreeMonths?: number;
  maxCreditPercent?: number;
  byTier?: Partial<Record<Tier, number | null>>;
}
type Values = Record<Code, Editing>;

function toForm(policy: RetentionOfferPolicy): Values {
  const values = Object.fromEntries(CODES.map((code) => [code, { offered: false }])) as Values;
  for (const offer of policy.offers) {
    const { code, commitmentMonths } = offer;
    if (offer.code === 'loyalty_credit') {
      const { minMonthlyRevenueFen, arrearsFreeMonths, maxCreditPercent } = offer;
      values[code] = { offered: true, commitmentMonths, minMonthlyRevenueYuan: minMonthlyRevenueFen / 100, arrearsFreeMonths, maxCreditPercent };
    } else {
      values[code] = { offered: true, commitmentMonths, byTier: offer.code === 'fee_discount' ? offer.percentByTier : offer.mbpsByTier };
    }
  }
  return values;
}

function byTier(values?: Editing['byTier']): ByTier {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => typeof v === 'number')) as ByTier;
}

function fromForm(values: Values): RetentionOfferPolicy {
  const offers: Offer[] = [];
  for (const code of CODES) {
    const v = values[code];
    if (!v.offered) continue;
    const commitmentMonths = v.commitmentMonths ?? 0;
    if (code === 'loyalty_credit') {
      const credit: LoyaltyCredit = {
        code,
        commitmentMonths,
        minMonthlyRevenueFen: Math.round((v.minMonthlyRevenueYuan ?? 0) * 100),
        arrearsFreeMonths: v.arrearsFreeMonths ?? 0,
        maxCreditPercent: v.maxCreditPercent ?? 0,
      };
      offers.push(credit);
    } else if (code === 'fee_discount') offers.push({ code, commitmentMonths, percentByTier: byTier(v.byTier) });
    else offers.push({ code, commitmentMonths, mbpsByTier: byTier(v.byTier) });
  }
  return { offers };
}

export function RetentionOffers() {
  const { t, l } = useI18n();
  const policy = useLoad(async () => ok(await api.GET('/v1/policies/retention-offers')), []);
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (policy.data) form.setFieldsValue(toForm(policy.data));
  }, [policy.data, form]);

  const { error, save } = useSave(policy.reload);
  const saveOffers = (values: Values) =>
    save(async () => {
      ok(await api.PUT('/v1/policies/retention-offers', { body: fromForm(values) }));
    });

  const required = [{ required: true }];
  const tierTable = (code: Code, unit: string, max: number) => (
    <Row gutter={[12, 0]}>
      {TIERS.map((tier) => (
        <Col key={tier} xs={12} md={8}>
          <Form.Item name={[code, 'byTier', tier]} label={l(PRODUCT_VALUES, tier)}>
            <InputNumber min={1} max={max} precision={0} addonAfter={unit} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );

  return (
    <Card title={t('nav.retentionOffers')} loading={policy.loading} className="retention-offers">
      <Typography.Paragraph type="secondary">{t('admin.offersHint')}</Typography.Paragraph>
      <ProblemAlert error={policy.error} />
      <Form form={form} layout="vertical" onFinish={(v) => void saveOffers(v)}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {CODES.map((code) => (
            <Card
              key={code}
              size="small"
              className={`offer offer-${code}`}
              title={l(PRODUCT_VALUES, code)}
              extra={
                <Form.Item name={[code, 'offered']} valuePropName="checked" noStyle>
                  <Switch checkedChildren={t('admin.offered')} unCheckedChildren={t('admin.notOffered')} />
                </Form.Item>
              }
            >
              <Form.Item noStyle dependencies={[[code, 'offered']]}>
                {() =>
                  form.getFieldValue([code, 'offered']) ? (
                    <>
                      <Form.Item name={[code, 'commitmentMonths']} label={t('admin.commitmentMonths')} rules={required}>
                        <InputNumber min={1} max={120} precision={0} />
                      </Form.Item>
                      {code === 'loyalty_credit' && (
                        <Space wrap>
                          <Form.Item name={[code, 'minMonthlyRevenueYuan']} label={t('admin.minMonthlyRevenue')} rules={required}>
                            <InputNumber min={0} precision={2} style={{ width: 180 }} />
                          </Form.Item>
                          <Form.Item name={[code, 'arrearsFreeMonths']} label={t('admin.arrearsFreeMonths')} rules={required}>
                            <InputNumber min={0} max={120} precision={0} />
                          </Form.Item>
                          <Form.Item name={[code, 'maxCreditPercent']} label={t('admin.maxCreditPercent')} rules={required}>
                            <InputNumber min={1} max={100} precision={0} addonAfter="%" />
                          </Form.Item>
                        </Space>
                      )}
                      {code === 'fee_discount' && tierTable(code, '%', 100)}
                      {code === 'speed_upgrade' && tierTable(code, 'Mbps', 100_000)}
                    </>
                  ) : null
                }
              </Form.Item>
            </Card>
          ))}
          <ProblemAlert error={error} />
          <Button type="primary" htmlType="submit" className="save-offers">
            {t('admin.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
