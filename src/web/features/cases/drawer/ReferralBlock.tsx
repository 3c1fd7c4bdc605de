import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import type { ReferralView } from '../../../../contracts/cases.js';
import { when, type Act } from './format.js';

/** 移送公安: the referral's state, its time limit, dates and follow-ups, and the actions the caller may take. */
export function ReferralBlock({ r, onAct }: { r: ReferralView; onAct(a: Omit<Act, 'kind'>): void }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>移送公安</Typography.Text>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="状态">
          <Tag>{r.statusLabel}</Tag>
          {r.due && (
            <Tag color={r.due.overdue ? 'red' : 'orange'}>{`${r.due.step}${r.due.overdue ? '已超时' : '时限'} ${when(r.due.at)}`}</Tag>
          )}
        </Descriptions.Item>
        {r.number && <Descriptions.Item label="移送书编号">{r.number}</Descriptions.Item>}
        <Descriptions.Item label="移送理由">{r.reason}</Descriptions.Item>
        <Descriptions.Item label="提请时间">{when(r.proposedAt)}</Descriptions.Item>
        {r.approvedAt && <Descriptions.Item label="批准时间">{when(r.approvedAt)}</Descriptions.Item>}
        {r.sentAt && <Descriptions.Item label="移送时间">{when(r.sentAt)}</Descriptions.Item>}
        {r.policeUnit && <Descriptions.Item label="公安机关">{r.policeUnit}</Descriptions.Item>}
        {r.receivedAt && <Descriptions.Item label="接收时间">{when(r.receivedAt)}</Descriptions.Item>}
        {r.policeDecidedAt && <Descriptions.Item label="公安决定时间">{when(r.policeDecidedAt)}</Descriptions.Item>}
        {r.followUps.length > 0 && (
          <Descriptions.Item label="跟进情况">
            {r.followUps.map((f) => (
              <div key={f.at}>{`${when(f.at)} ${f.by}：${f.note}`}</div>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
      {r.actions.length > 0 && (
        <Space wrap>
          {r.actions.map((a) => (
            <Button key={a.action} danger={a.action === 'reject'} onClick={() => onAct(a)}>
              {a.label}
            </Button>
          ))}
        </Space>
      )}
    </Space>
  );
}
