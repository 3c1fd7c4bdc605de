import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CREDIT_GRADE_SOURCES, type CreditGrade, type CreditOverride, type CreditUnitDetail } from '../../../contracts/credit.js';
import { api } from '../../lib/api.js';
import { GradeTag, SHORT_GRADES } from './grades.js';
import { OverrideItem } from './OverrideList.js';

/** A unit's credit file: grade, the breakdown that produced it, grade history, override requests. */
export default function CreditUnitPage() {
  const id = Number(useParams().id);
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm();
  const key = ['credit-unit', id];
  const unit = useQuery({ queryKey: key, queryFn: () => api<CreditUnitDetail>(`/api/credit-units/${id}`) });
  const recompute = useMutation({
    mutationFn: () => api<CreditUnitDetail>(`/api/credit-units/${id}/recompute`, { method: 'POST' }),
    onSuccess: (d) => {
      qc.setQueryData(key, d);
      message.success('已重新评定');
    },
    onError: (e: Error) => message.error(e.message),
  });
  const request = useMutation({
    mutationFn: (v: { grade: CreditGrade; reason: string; expiresOn?: { format(f: string): string } | null }) =>
      api<CreditOverride>('/api/credit-overrides', {
        body: { entityId: id, grade: v.grade, reason: v.reason, expiresOn: v.expiresOn ? v.expiresOn.format('YYYY-MM-DD') : null },
      }),
    onSuccess: () => {
      message.success('已提交，待他人审批');
      setAsking(false);
      void unit.refetch();
    },
    onError: (e: Error) => message.error(e.message),
  });
  const d = unit.data;
  return (
    <Card
      loading={unit.isLoading}
      title={
        <Space>
          <Link to="/credit" aria-label="返回信用分级">
            <ArrowLeftOutlined />
          </Link>
          <span style={{ whiteSpace: 'normal' }}>{d?.name ?? '信用档案'}</span>
        </Space>
      }
      styles={{ body: { padding: 12 } }}
    >
      {unit.error && <Empty description={(unit.error as Error).message} />}
      {d && (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label="信用等级">
              <span data-testid="credit-grade">
                <GradeTag grade={d.grade} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label="类别">{d.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="所属辖区">{d.stationName}</Descriptions.Item>
            {d.latest && (
              <>
                <Descriptions.Item label="得分">{Math.round(d.latest.score * 10) / 10}</Descriptions.Item>
                <Descriptions.Item label="评定等级">{SHORT_GRADES[d.latest.computedGrade]}</Descriptions.Item>
                <Descriptions.Item label="评价期间">
                  {d.latest.windowFrom} 至 {d.latest.windowTo}
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
          {!d.graded && <Typography.Text type="secondary">该类监管对象不在现行信用评价规则的适用范围内。</Typography.Text>}
          <Space wrap>
            {d.actions.includes('recompute') && (
              <Button icon={<ReloadOutlined />} loading={recompute.isPending} onClick={() => recompute.mutate()}>
                立即重新评定
              </Button>
            )}
            {d.actions.includes('request_override') && <Button onClick={() => setAsking(true)}>申请调整等级</Button>}
            <Link to={`/entities/${d.entityId}`}>查看监管对象档案</Link>
          </Space>
          <div>
            <Typography.Title level={5}>扣分明细</Typography.Title>
            {d.latest ? (
              <div style={{ overflowX: 'auto' }}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="indicator"
                  dataSource={d.latest.breakdown}
                  locale={{ emptyText: '评价期间内无扣分事项' }}
                  columns={[
                    { title: '指标', dataIndex: 'label' },
                    { title: '次数', dataIndex: 'count' },
                    { title: '每次扣分', dataIndex: 'pointsEach' },
                    { title: '上限', dataIndex: 'cap', render: (v: number | null) => v ?? '不限' },
                    { title: '扣分', dataIndex: 'points' },
                  ]}
                />
              </div>
            ) : (
              <Typography.Text type="secondary">尚未评定</Typography.Text>
            )}
          </div>
          <div>
            <Typography.Title level={5}>等级变化</Typography.Title>
            {d.history.length ? (
              <Timeline
                items={d.history.map((h) => ({
                  color: h.source === 'override' ? 'purple' : 'blue',
                  content: (
                    <div>
                      <Space size={4} wrap>
                        {h.from ? <GradeTag grade={h.from} /> : <span>未评定</span>}
                        <span>→</span>
                        <GradeTag grade={h.to} />
                        <span>{CREDIT_GRADE_SOURCES[h.source]}</span>
                      </Space>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {new Date(h.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}
                          {h.score != null ? ` · 得分 ${Math.round(h.score * 10) / 10}` : ''}
                          {h.note ? ` · ${h.note}` : ''}
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                }))}
              />
            ) : (
              <Typography.Text type="secondary">暂无</Typography.Text>
            )}
          </div>
          {d.overrides.length > 0 && (
            <div>
              <Typography.Title level={5}>调整申请</Typography.Title>
              {d.overrides.map((o) => (
                <OverrideItem key={o.id} o={o} showUnit={false} onDecided={() => void unit.refetch()} />
              ))}
            </div>
          )}
        </Space>
      )}
      <Modal
        open={asking}
        title="申请调整信用等级"
        okText="提交审批"
        cancelText="取消"
        confirmLoading={request.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => request.mutate(v)} preserve={false}>
          <Form.Item name="grade" label="调整为" rules={[{ required: true, message: '请选择等级' }]}>
            <Select options={(['A', 'B', 'C', 'D'] as CreditGrade[]).map((g) => ({ value: g, label: SHORT_GRADES[g] }))} />
          </Form.Item>
          <Form.Item name="reason" label="调整理由" rules={[{ required: true, whitespace: true, message: '请填写调整理由' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item name="expiresOn" label="有效期至（不填则至规则修订）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Typography.Text type="secondary">提交后须由他人审批；批准后在规则修订或有效期届满前以调整后的等级为准。</Typography.Text>
        </Form>
      </Modal>
    </Card>
  );
}
