import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ItemList } from '../../lib/ItemList.js';
import { placeOf, plansApi } from './api.js';

/** Everything still missing, per rule × station, with the planned units that would close it. */
export function MissingTab({ planId }: { planId: number }) {
  const q = useQuery({ queryKey: ['plan-missing', planId], queryFn: () => plansApi.missing(planId) });
  const [page, setPage] = useState(1);
  const pageSize = 50;
  if (!q.data) return <Card loading={q.isLoading}>{q.error?.message}</Card>;
  if (!q.data.length) return <Empty description="全部指标已完成" />;
  return (
    <ItemList
      bordered
      items={q.data.slice((page - 1) * pageSize, page * pageSize)}
      rowKey={(m) => m.row.requirementKey}
      pagination={
        q.data.length > pageSize && {
          current: page,
          pageSize,
          total: q.data.length,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => `共 ${n} 项`,
        }
      }
      renderItem={(m) => (
        <ItemList.Row>
          <ItemList.Meta
            title={
              <span>
                <Tag>{placeOf(m.row)}</Tag>
                {m.row.label}
                {m.row.grade ? `（${m.row.grade}级）` : ''}：尚缺 <b style={{ color: '#cf1322' }}>{m.row.remaining}</b> 家（应检{' '}
                {m.row.required}，已检 {m.row.done}）
                {m.row.shortfall > 0 && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    对象不足 {m.row.shortfall} 家，无法完成
                  </Tag>
                )}
              </span>
            }
            description={
              m.planned.length ? (
                <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
                  待检查：{m.planned.map((p) => p.entityName).join('、')}
                </Typography.Paragraph>
              ) : (
                '没有待检查的计划任务，请调整计划'
              )
            }
          />
        </ItemList.Row>
      )}
    />
  );
}
