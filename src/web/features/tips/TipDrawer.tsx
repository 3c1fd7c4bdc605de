import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CameraOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Image, Input, Modal, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  TIP_ACTION_LABELS,
  TIP_KIND_LABELS,
  TIP_PHOTO_MAX_BYTES,
  TIP_PHOTO_TYPES,
  TIP_PHOTOS_PER_TIP,
  TIP_STATUS_LABELS,
  type Tip,
  type TipAction,
} from '../../../contracts/tips.js';
import { api, ApiError } from '../../lib/api.js';
import { ToClueButton } from '../clues/ToClueButton.js';
import { useMobile } from '../../lib/screens.js';
import { useSubmit } from '../../lib/submit.js';

/** Every review step asks for confirmation in a dialog: a comment (受理意见, optional) or a reason (required). */
const NOTE_REQUIRED: Record<TipAction, string | null> = { accept: null, reject: '不予受理理由', forward: '转办说明', reopen: '撤回原因' };
const NOTE_LABEL: Record<TipAction, string> = {
  accept: '受理意见（可不填）',
  reject: '不予受理理由',
  forward: '转办说明',
  reopen: '撤回原因',
};

/** One tip: details, photos, and the review steps the server says this person may take. */
export function TipDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const mobile = useMobile();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<TipAction | null>(null);
  const [note, setNote] = useState('');
  const { busy, run } = useSubmit({ onStale: () => refresh() });
  const q = useQuery({ queryKey: ['tip', id], queryFn: () => api<Tip>(`/api/tips/${id}`), enabled: id !== null });
  const t = q.data;

  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['tips'] }), qc.invalidateQueries({ queryKey: ['tip', id] })]);
  async function act(action: TipAction, text?: string) {
    if ((await run(() => api(`/api/tips/${id}/transition`, { body: { action, note: text || undefined } }))) === false) return;
    message.success(`已${TIP_ACTION_LABELS[action]}`);
    setPending(null);
    setNote('');
    await refresh();
  }

  return (
    <Drawer open={id !== null} onClose={onClose} title={t?.title ?? '上报详情'} size={mobile ? '100%' : 520} destroyOnHidden>
      {t && (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Space wrap>
            <Tag>{TIP_KIND_LABELS[t.kind]}</Tag>
            <Tag color="blue" data-testid="tip-drawer-status">
              {TIP_STATUS_LABELS[t.status]}
            </Tag>
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="情况描述">{t.description || '—'}</Descriptions.Item>
            <Descriptions.Item label="地点">{t.place}</Descriptions.Item>
            {t.entityName && <Descriptions.Item label="涉及单位">{t.entityName}</Descriptions.Item>}
            {t.entityAddress && <Descriptions.Item label="单位地址">{t.entityAddress}</Descriptions.Item>}
            <Descriptions.Item label="发生日期">{t.occurredOn}</Descriptions.Item>
            <Descriptions.Item label="上报人">{`${t.reporterName}（${t.jurisdictionName}）`}</Descriptions.Item>
            <Descriptions.Item label="上报时间">{new Date(t.createdAt).toLocaleString('zh-CN')}</Descriptions.Item>
            {t.reviewedAt && (
              <Descriptions.Item label={t.status === 'rejected' ? '不予受理理由' : '受理意见'}>
                {`${t.reviewNote ?? '—'}（${t.reviewerName ?? ''} ${new Date(t.reviewedAt).toLocaleDateString('zh-CN')}）`}
              </Descriptions.Item>
            )}
            {t.forwardedAt && <Descriptions.Item label="转办说明">{t.forwardNote}</Descriptions.Item>}
          </Descriptions>
          {t.photos.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap>
                {t.photos.map((p) => (
                  <Image
                    key={p.id}
                    width={96}
                    height={96}
                    style={{ objectFit: 'cover' }}
                    src={`/api/tips/${t.id}/photos/${p.id}`}
                    alt={p.fileName}
                  />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          {(t.status === 'accepted' || t.status === 'forwarded') && <ToClueButton from="tip" tipId={t.id} />}
          {t.editable && (
            <Button icon={<EditOutlined />} onClick={() => nav(`/tips/${t.id}/edit`)}>
              修改上报
            </Button>
          )}
          {t.editable && t.photos.length < TIP_PHOTOS_PER_TIP && (
            <Upload
              accept={TIP_PHOTO_TYPES.join(',')}
              showUploadList={false}
              beforeUpload={async (file) => {
                if (file.size > TIP_PHOTO_MAX_BYTES) {
                  message.error('照片不能超过5MB');
                  return false;
                }
                const form = new FormData();
                form.append('file', file, file.name);
                try {
                  await api(`/api/tips/${t.id}/photos`, { form });
                  message.success('照片已上传');
                  await qc.invalidateQueries({ queryKey: ['tip', id] });
                } catch (e) {
                  message.error(e instanceof ApiError ? e.message : '照片上传失败');
                }
                return false;
              }}
            >
              <Button icon={<CameraOutlined />}>补充照片</Button>
            </Upload>
          )}
          {t.actions.length > 0 && (
            <Space wrap>
              {t.actions.map((a) => (
                <Button
                  key={a}
                  type={a === 'reject' || a === 'reopen' ? 'default' : 'primary'}
                  danger={a === 'reject'}
                  loading={busy && pending === a}
                  onClick={() => setPending(a)}
                >
                  {TIP_ACTION_LABELS[a]}
                </Button>
              ))}
            </Space>
          )}
        </Space>
      )}
      <Modal
        open={pending !== null}
        title={pending ? `确认${TIP_ACTION_LABELS[pending]}？` : ''}
        okText={pending ? TIP_ACTION_LABELS[pending] : '确定'}
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: !!pending && !!NOTE_REQUIRED[pending] && !note.trim() }}
        onOk={() => pending && act(pending, note)}
        onCancel={() => setPending(null)}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={pending ? `请填写${NOTE_LABEL[pending]}` : ''}
        />
      </Modal>
    </Drawer>
  );
}
