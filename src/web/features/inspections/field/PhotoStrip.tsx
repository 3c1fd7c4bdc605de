import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { FieldDraft } from '../drafts.js';

/** The photos of one checklist item (or of the whole record), with 拍照 to add more while editing. */
export function PhotoStrip({
  draft,
  update,
  locked,
  urls,
  itemKey,
}: {
  draft: FieldDraft;
  update: (f: (d: FieldDraft) => FieldDraft) => void;
  locked: boolean;
  urls: Map<string, string>;
  itemKey?: string;
}) {
  const addPhoto = (files: FileList | null) => {
    if (!files?.length) return;
    const added = [...files].map((f) => ({ id: crypto.randomUUID(), itemKey, name: f.name || 'photo.jpg', blob: f as Blob }));
    update((d) => ({ ...d, photos: [...d.photos, ...added] }));
  };
  const list = draft.photos.filter((p) => p.itemKey === itemKey);
  return (
    <Space wrap size={6} style={{ marginTop: 6 }}>
      {list.map((p) => (
        <span key={p.id} style={{ position: 'relative', display: 'inline-block' }}>
          <img
            src={urls.get(p.id)}
            alt="现场照片"
            data-testid="draft-photo"
            style={{ width: 56, height: 56, objectFit: 'cover', borderRadius: 4, border: '1px solid #eee' }}
          />
          {!locked && (
            <Button
              size="small"
              type="text"
              danger
              aria-label="删除照片"
              icon={<DeleteOutlined />}
              style={{ position: 'absolute', top: -6, right: -6, background: '#fff' }}
              onClick={() => update((d) => ({ ...d, photos: d.photos.filter((x) => x.id !== p.id) }))}
            />
          )}
        </span>
      ))}
      {!locked && (
        <label
          style={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 4,
            border: '1px dashed #bbb',
            borderRadius: 4,
            padding: '4px 8px',
            cursor: 'pointer',
            fontSize: 13,
          }}
        >
          <CameraOutlined /> 拍照
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            aria-label="添加现场照片"
            style={{ display: 'none' }}
            onChange={(e) => (addPhoto(e.target.files), (e.target.value = ''))}
          />
        </label>
      )}
    </Space>
  );
}
