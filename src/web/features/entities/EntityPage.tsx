import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Result, Row, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CREDIT_GRADES, DEVICE_LEVELS, ENTITY_STATUSES, MEDICAL_GRADES } from '../../../contracts/entity-kinds.js';
import { LICENCE_STATES, type EntityDetail, type Licence, type TimelineItem } from '../../../contracts/entities.js';
import { api, ApiError } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { EntityEditDrawer } from './EntityEditDrawer.js';
import { EntityTags, LICENCE_COLORS, ProductTags, RiskTag, STATUS_COLORS } from './labels.js';
import { useScreens } from '../../lib/screens.js';

const SOURCE_COLORS: Record<string, string> = { audit: 'blue', licence: 'gray' };

/** One page per unit: its attributes, licences, and a timeline of everything about it. */
export default function EntityPage() {
  const { id } = useParams();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const screens = useScreens();
  const e = useQuery({ queryKey: ['entity', id], queryFn: () => api<EntityDetail>(`/api/entities/${id}`) });
  const tl = useQuery({
    queryKey: ['entity', id, 'timeline'],
    queryFn: () => api<TimelineItem[]>(`/api/entities/${id}/timeline`),
    enabled: !!e.data,
  });
  if (e.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (e.error)
    return (
      <Result
        status="404"
        title={e.error instanceof ApiError ? e.error.message : '加载失败'}
        extra={<Link to="/entities">返回列表</Link>}
      />
    );
  const d = e.data!;
  return (
    <>
      <Card
        title={
          <span>
            <Link to="/entities" aria-label="返回列表">
              <ArrowLeftOutlined />
            </Link>{' '}
            {d.name}
          </span>
        }
        extra={
          <Space>
            <Tag color={STATUS_COLORS[d.status]}>{ENTITY_STATUSES[d.status]}</Tag>
            {can('inspections.record') && (
              <Link to={`/inspections/new?entityId=${d.id}`}>
                <Button size="small" type="primary">
                  现场检查
                </Button>
              </Link>
            )}
            {can('entities.manage') && (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改
              </Button>
            )}
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="entity-detail">
          <Descriptions.Item label="统一社会信用代码">{d.creditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="主体类型">
            {d.kindLabel}
            {d.medicalGrade && ` · ${MEDICAL_GRADES[d.medicalGrade]}`}
            {d.deviceLevel && ` · ${DEVICE_LEVELS[d.deviceLevel]}监管`}
            {d.familyPlanning && ' · 计划生育类产品'}
          </Descriptions.Item>
          <Descriptions.Item label="风险 / 信用">
            <RiskTag level={d.riskLevel} /> {d.creditGrade ? CREDIT_GRADES[d.creditGrade] : '未评定'}
          </Descriptions.Item>
          <Descriptions.Item label="监管所">{d.stationName}</Descriptions.Item>
          <Descriptions.Item label="乡镇（街道） / 村（社区）">
            {[d.townshipName, d.villageName].filter(Boolean).join(' / ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="地址">{d.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="法定代表人">{d.legalRepresentative ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="负责人">{d.personInCharge ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="质量负责人/执业药师">{d.qualityManager ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{d.phone ? <a href={`tel:${d.phone}`}>{d.phone}</a> : '—'}</Descriptions.Item>
          <Descriptions.Item label="位置">
            {d.lat != null && d.lng != null ? `${d.lat.toFixed(5)}, ${d.lng.toFixed(5)}` : '未标注'}
          </Descriptions.Item>
          <Descriptions.Item label="标签">{d.tags.length ? <EntityTags tags={d.tags} /> : '—'}</Descriptions.Item>
          <Descriptions.Item label="经营品种">{d.products?.length ? <ProductTags products={d.products} /> : '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="许可证" size="small">
            <Table<Licence>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.licences}
              locale={{ emptyText: <Empty description="未登记许可证" /> }}
              columns={[
                { title: '类型', dataIndex: 'kindLabel' },
                {
                  title: '编号',
                  dataIndex: 'number',
                  // On a phone the validity column is hidden: the expiry date sits under the number.
                  render: (v: string, l) => (
                    <>
                      {v}
                      {!screens.md && (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          有效期至 {l.validTo ?? '—'}
                        </Typography.Text>
                      )}
                    </>
                  ),
                },
                { title: '有效期', responsive: ['md'], render: (_, l) => `${l.validFrom ?? '—'} 至 ${l.validTo ?? '—'}` },
                {
                  title: '状态',
                  dataIndex: 'state',
                  render: (s: Licence['state']) => <Tag color={LICENCE_COLORS[s]}>{LICENCE_STATES[s]}</Tag>,
                },
                { title: '范围', dataIndex: 'scope', ellipsis: true, responsive: ['md'] },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title="时间线"
            size="small"
            loading={tl.isLoading}
            extra={<Typography.Text type="secondary">检查、问题、风险、案件、投诉将随相关模块上线显示于此</Typography.Text>}
          >
            {tl.data?.length ? (
              <Timeline
                data-testid="entity-timeline"
                items={tl.data.map((t) => ({
                  color: SOURCE_COLORS[t.source] ?? 'green',
                  children: (
                    <>
                      <Typography.Text strong>{t.title}</Typography.Text>{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t.source === 'licence' ? t.at.slice(0, 10) : new Date(t.at).toLocaleString('zh-CN')}
                        {t.actor ? ` · ${t.actor}` : ''}
                      </Typography.Text>
                      {t.detail && <div style={{ fontSize: 13 }}>{t.link ? <Link to={t.link}>{t.detail}</Link> : t.detail}</div>}
                    </>
                  ),
                }))}
              />
            ) : (
              <Empty description="暂无记录" />
            )}
          </Card>
        </Col>
      </Row>
      {editing && <EntityEditDrawer entity={d} open onClose={() => setEditing(false)} />}
      <Button style={{ marginTop: 16 }}>
        <Link to="/entities">返回监管对象列表</Link>
      </Button>
    </>
  );
}
