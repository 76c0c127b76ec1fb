/** The case's customer as the API shows this person: phone and ID number masked for roles that do not serve the customer. */
import { Card, Descriptions, List, Space, Tag } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { api, ok } from '../api/client';
import type { Customer } from '../api/types';
import { yuan } from '../format';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { PRODUCT_VALUES } from '../i18n/labels';
import { ProblemAlert } from './ProblemAlert';

export function CustomerCard({ id }: { id: string }) {
  const { t, l } = useI18n();
  const customer = useLoad(async () => ok(await api.GET('/v1/customers/{id}', { params: { path: { id } } })), [id]);
  const c: Customer | undefined = customer.data;
  return (
    <Card
      title={t('case.customer')}
      className="customer-card"
      loading={customer.loading && !c}
      extra={c?.masked && <Tag icon={<LockOutlined />}>{t('case.masked')}</Tag>}
    >
      <ProblemAlert error={customer.error} />
      {c && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'id', label: t('search.customer'), children: c.id },
              { key: 'name', label: t('case.name'), children: c.name },
              { key: 'tier', label: t('case.tier'), children: `${l(PRODUCT_VALUES, c.type)} · ${l(PRODUCT_VALUES, c.tier)}` },
              { key: 'phone', label: t('case.phone'), children: <span className="customer-phone">{c.phone}</span> },
              { key: 'idNumber', label: t('case.idNumber'), children: c.idNumber ?? t('common.none') },
              ...(c.account
                ? [
                    { key: 'arrears', label: t('case.arrears'), children: yuan(c.account.arrearsFen) },
                    { key: 'balance', label: t('case.balance'), children: yuan(c.account.balanceFen) },
                  ]
                : []),
            ]}
          />
          {c.services.length > 0 && (
            <List
              size="small"
              header={t('case.services')}
              dataSource={c.services}
              renderItem={(svc) => (
                <List.Item className="customer-service">
                  {[svc.id, l(PRODUCT_VALUES, svc.kind), svc.number, svc.address, l(PRODUCT_VALUES, svc.region), l(PRODUCT_VALUES, svc.status)]
                    .filter(Boolean)
                    .join(' · ')}
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
