import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Descriptions, Result, Space, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { INSPECTION_STATUSES } from '../../../contracts/inspections.js';
import { ApiError } from '../../lib/api.js';
import { inspectionsApi } from './api.js';
import { ReasonDialog, STATUS_COLORS } from './InspectionDrawer.js';
import { OnSiteDetails } from './OnSiteDetails.js';

/** One inspection record as a page (phone first): what was found and done, signatures, documents. */
export default function InspectionPage() {
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [asking, setAsking] = useState<'withdraw' | 'cancel' | null>(null);
  const q = useQuery({ queryKey: ['inspection', id], queryFn: () => inspectionsApi.get(id) });
  if (q.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (q.error)
    return (
      <Result
        status="404"
        title={q.error instanceof ApiError ? q.error.message : '加载失败'}
        extra={<Link to="/inspections">返回检查记录</Link>}
      />
    );
  const r = q.data!;
  return (
    <Card
      size="small"
      style={{ maxWidth: 760, margin: '0 auto' }}
      title={
        <span style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>
          <Button type="text" size="small" aria-label="返回" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} /> 检查记录：
          <Link to={`/entities/${r.entityId}`}>{r.entityName}</Link>
        </span>
      }
      extra={<Tag color={STATUS_COLORS[r.status]}>{INSPECTION_STATUSES[r.status]}</Tag>}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="检查日期">{r.date}</Descriptions.Item>
          <Descriptions.Item label="检查人员">{r.inspectors.map((p) => p.name).join('、') || '—'}</Descriptions.Item>
          {r.note && <Descriptions.Item label="检查情况">{r.note}</Descriptions.Item>}
          {r.cancelReason && <Descriptions.Item label="取消原因">{r.cancelReason}</Descriptions.Item>}
          {r.signedAt && <Descriptions.Item label="签名完成">{dayjs(r.signedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>}
        </Descriptions>
        {r.status === 'planned' && r.actions.includes('record') && r.planTaskId && (
          <Link to={`/inspections/new?taskId=${r.planTaskId}`}>
            <Button type="primary">现场检查</Button>
          </Link>
        )}
        {r.status === 'draft' && <Alert type="warning" showIcon title="签名未齐：检查记录待签名，签名齐全后生效" />}
        <OnSiteDetails r={r} />
        {(r.actions.includes('withdraw') || r.actions.includes('cancel')) && (
          <Space wrap>
            {r.actions.includes('withdraw') && (
              <Button danger onClick={() => setAsking('withdraw')}>
                撤回
              </Button>
            )}
            {r.actions.includes('cancel') && (
              <Button danger onClick={() => setAsking('cancel')}>
                取消任务
              </Button>
            )}
          </Space>
        )}
      </Space>
      <ReasonDialog
        open={asking !== null}
        title={asking === 'withdraw' ? '撤回该检查记录？' : '取消该检查任务？'}
        label={asking === 'withdraw' ? '撤回原因' : '取消原因（如停业、搬迁）'}
        okText={asking === 'withdraw' ? '撤回' : '取消任务'}
        onClose={() => setAsking(null)}
        onOk={async (reason) => {
          try {
            await (asking === 'withdraw' ? inspectionsApi.withdraw(r.id, reason, r.version) : inspectionsApi.cancel(r.id, reason));
          } catch (e) {
            message.error((e as Error).message);
            throw e;
          }
          message.success(asking === 'withdraw' ? '已撤回' : '任务已取消');
          await qc.invalidateQueries({ queryKey: ['inspection', id] });
        }}
      />
    </Card>
  );
}
