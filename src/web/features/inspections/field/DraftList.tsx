import { CloudUploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { INSPECTION_KINDS } from '../../../../contracts/inspections.js';
import { useAuth } from '../../../lib/auth.js';
import { drafts, flushOutbox, type FieldDraft } from '../drafts.js';
import { useOnline } from '../useOnline.js';

/** The drafts and 待发送 records kept on this phone. */
export function DraftList({ standalone }: { standalone?: boolean }) {
  const { me } = useAuth();
  const [list, setList] = useState<FieldDraft[] | null>(null);
  const online = useOnline();
  const load = useCallback(() => void drafts.list().then(setList), []);
  useEffect(load, [load, online]);
  const STATE = {
    editing: <Tag color="blue">草稿</Tag>,
    queued: <Tag color="orange">待发送</Tag>,
    uploading: <Tag color="orange">照片待上传</Tag>,
  };
  return (
    <Card size="small" title="本机保存的现场检查" style={{ textAlign: 'left', maxWidth: 720, margin: '0 auto' }} data-testid="draft-list">
      {standalone && (
        <Typography.Paragraph type="secondary">
          从“我的任务”或单位档案开始现场检查；填写内容随时保存在本机，断网、刷新不会丢失。
        </Typography.Paragraph>
      )}
      {list?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本机没有未提交的检查" />}
      {list?.map((d) => (
        <div
          key={d.clientId}
          style={{
            padding: '8px 0',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            justifyContent: 'space-between',
            gap: 8,
            alignItems: 'center',
          }}
        >
          <div style={{ minWidth: 0 }}>
            <div style={{ fontWeight: 600, wordBreak: 'break-all' }}>{d.entityName}</div>
            <div style={{ fontSize: 12, color: '#888' }}>
              {STATE[d.state]} {INSPECTION_KINDS[d.values.kind]} · {dayjs(d.updatedAt).format('MM-DD HH:mm')} 保存
            </div>
            {d.error && <div style={{ fontSize: 12, color: '#ff4d4f' }}>{d.error}</div>}
          </div>
          <Link to={`/inspections/new?draft=${d.clientId}`}>
            <Button size="small">{d.state === 'editing' ? '继续填写' : '查看'}</Button>
          </Link>
        </div>
      ))}
      {!!list?.some((d) => d.state !== 'editing') && (
        <Button
          style={{ marginTop: 8 }}
          icon={<CloudUploadOutlined />}
          disabled={!online}
          onClick={() => me && flushOutbox(me.id).then(load)}
        >
          立即发送
        </Button>
      )}
    </Card>
  );
}
