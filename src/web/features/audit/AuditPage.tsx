import { Card, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, qs } from '../../lib/api.js';

interface Entry { id: number; at: string; actorName: string; action: string; entityType: string; entityId: string | null; summary: string | null }

export default function AuditPage() {
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['audit', page], queryFn: () => api<{ items: Entry[]; total: number }>(`/api/audit${qs({ page, pageSize: 20 })}`) });
  return (
    <Card title="审计日志">
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={{ current: page, total: q.data?.total, pageSize: 20, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '时间', dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
          { title: '操作人', dataIndex: 'actorName' },
          { title: '操作', dataIndex: 'action' },
          { title: '对象', render: (_, r) => `${r.entityType}${r.entityId ? '#' + r.entityId : ''}` },
          { title: '摘要', dataIndex: 'summary' },
        ]}
      />
    </Card>
  );
}
