import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../../contracts/dashboard.js';

type Reports = NonNullable<Dashboard['reports']>;
const hm = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The 工作台's report reminders: due soon and not sent up, missed, and reports waiting for the caller. */
export function SubmissionRemindersCard({ r }: { r: Reports }) {
  return (
    <Card title="报送提醒" data-testid="report-reminders" extra={<Link to="/reports/calendar">报送日历</Link>}>
      {(r.toApprove > 0 || r.toReceive > 0) && (
        <div style={{ marginBottom: 8 }}>
          {r.toApprove > 0 && (
            <Link to="/reports/submissions?box=approve" style={{ marginRight: 12 }}>
              待我审核 <b>{r.toApprove}</b> 件
            </Link>
          )}
          {r.toReceive > 0 && (
            <Link to="/reports/submissions?box=receive">
              待我受理 <b>{r.toReceive}</b> 件
            </Link>
          )}
        </div>
      )}
      {r.dueSoon.map((x) => (
        <div key={`s${x.campaignId}${x.obligationKey}${x.dueDate}`} style={{ padding: '2px 0' }}>
          <Tag color={x.days <= 1 ? 'orange' : 'blue'}>{x.days === 0 ? '今天' : `${x.days}天后`}</Tag>
          {x.label}（{hm(x.dueAt)} 前）
        </div>
      ))}
      {r.missing.slice(0, 10).map((x) => (
        <div key={`m${x.campaignId}${x.obligationKey}${x.dueDate}`} style={{ padding: '2px 0' }}>
          <Tag color="error">未报</Tag>
          <Typography.Text type="danger">
            {x.label}（{x.dueDate}）
          </Typography.Text>
        </div>
      ))}
      {r.missing.length > 10 && <Typography.Text type="secondary">另有 {r.missing.length - 10} 项未报</Typography.Text>}
    </Card>
  );
}
