import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, List, Pagination, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DRILL_RECORD_TYPES, type DrillResult } from '../../../contracts/reports.js';
import { api, qs } from '../../lib/api.js';
import { useMobile } from '../../lib/screens.js';

export interface DrillTarget {
  campaignId: number;
  tableKey: string;
  row: string;
  column: string;
  jurisdictionId?: number;
  date: string;
  only?: 'own';
}

/** The records behind one number of a statistical table: the list a leader opens when a figure looks wrong. */
export function DrillDrawer({ target, onClose }: { target: DrillTarget | null; onClose(): void }) {
  const mobile = useMobile();
  const [page, setPage] = useState(1);
  const q = useQuery({
    enabled: !!target,
    queryKey: ['report-drill', target, page],
    queryFn: () => {
      const { campaignId, tableKey, ...rest } = target!;
      return api<DrillResult>(`/api/reports/campaigns/${campaignId}/tables/${tableKey}/drill${qs({ ...rest, page })}`);
    },
  });
  const d = q.data;
  return (
    <Drawer
      open={!!target}
      onClose={() => (setPage(1), onClose())}
      title={d ? `${d.label}：${d.total}条记录` : '明细记录'}
      size={mobile ? '100%' : 560}
      destroyOnHidden
    >
      {q.error && <Alert type="warning" showIcon title={(q.error as Error).message} />}
      {d && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.jurisdiction.name}，{d.period.label}。口径：{d.definition}
          </Typography.Text>
          <List
            size="small"
            loading={q.isLoading}
            dataSource={d.rows}
            locale={{ emptyText: '没有记录' }}
            renderItem={(r) => {
              const type = DRILL_RECORD_TYPES[r.type];
              const label = type?.path ? <Link to={type.path.replace('{id}', String(r.id))}>{r.label}</Link> : r.label;
              return (
                <List.Item data-testid="drill-row">
                  <List.Item.Meta
                    title={
                      <Space wrap size={4}>
                        <Tag>{type?.label ?? r.type}</Tag>
                        {label}
                      </Space>
                    }
                    description={
                      <Space wrap size={8}>
                        <span>{r.date}</span>
                        {r.jurisdictionName && <span>{r.jurisdictionName}</span>}
                        {r.entityName && (r.entityId ? <Link to={`/entities/${r.entityId}`}>{r.entityName}</Link> : r.entityName)}
                      </Space>
                    }
                  />
                </List.Item>
              );
            }}
          />
          {d.total > d.pageSize && (
            <Pagination size="small" current={page} pageSize={d.pageSize} total={d.total} onChange={setPage} showSizeChanger={false} />
          )}
        </Space>
      )}
    </Drawer>
  );
}
