import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { overdueUnit } from '../../../contracts/cases.js';
import { api } from '../../lib/api.js';
import { ResponsiveTable } from '../../lib/ResponsiveTable.js';

type OverdueUnit = z.infer<typeof overdueUnit>;
const figure = (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n);

/**
 * 各单位超期情况: per station, cases past the 90-day decision deadline, decisions not published
 * within 20 working days, referrals past the head's 3 days or the 24 hours to send. A button with
 * the number of stations behind, opening the table; "只看超期案件" filters the list below.
 */
export function OverdueUnits({ onShowCases }: { onShowCases(): void }) {
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: ['cases', 'overdue-units'], queryFn: () => api<OverdueUnit[]>('/api/cases/overdue') });
  const units = q.data ?? [];
  return (
    <>
      <Badge count={units.length} size="small" offset={[-4, 4]}>
        <Button data-testid="overdue-units-button" onClick={() => setOpen(true)}>
          各单位超期
        </Button>
      </Badge>
      <Modal
        open={open}
        title="各单位超期情况"
        onCancel={() => setOpen(false)}
        width={720}
        footer={[
          <Button key="close" onClick={() => setOpen(false)}>
            关闭
          </Button>,
          <Button
            key="cases"
            type="primary"
            onClick={() => {
              setOpen(false);
              onShowCases();
            }}
          >
            只看超期案件
          </Button>,
        ]}
      >
        {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
        <Typography.Paragraph type="secondary">
          办案期限：立案之日起90日内作出处罚决定（延期经负责人批准）；公示：处罚决定之日起20个工作日内；移送公安：负责人3日内审批，批准后24小时内移送。
        </Typography.Paragraph>
        <ResponsiveTable<OverdueUnit>
          size="small"
          rowKey="jurisdictionId"
          loading={q.isLoading}
          dataSource={units}
          pagination={false}
          locale={{ emptyText: '各单位均无超期事项' }}
          columns={[
            { title: '单位', dataIndex: 'name' },
            { title: '超过办案期限', dataIndex: 'decisionOverdue', width: 120, align: 'right', render: figure },
            { title: '超过公示期限', dataIndex: 'publicationOverdue', width: 120, align: 'right', render: figure },
            { title: '移送超时', dataIndex: 'referralOverdue', width: 100, align: 'right', render: figure },
          ]}
        />
      </Modal>
    </>
  );
}
