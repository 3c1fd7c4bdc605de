import { CameraOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Radio, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { shanghaiToday } from '../../../contracts/calendar.js';
import { TIP_KIND_LABELS, TIP_KINDS, TIP_PHOTO_MAX_BYTES, TIP_PHOTO_TYPES, TIP_PHOTOS_PER_TIP, type Tip } from '../../../contracts/tips.js';
import { api, ApiError } from '../../lib/api.js';
import { pickFields, staleCurrent, useConflict, type ConflictField } from '../../lib/conflict.js';

interface Values {
  kind: string;
  title: string;
  description?: string;
  place: string;
  entityName?: string;
  entityAddress?: string;
  occurredOn: string;
}

const FIELDS: ConflictField[] = [
  { name: 'kind', label: '类别', format: (k) => TIP_KIND_LABELS[k as keyof typeof TIP_KIND_LABELS] ?? String(k) },
  { name: 'title', label: '标题' },
  { name: 'description', label: '情况描述' },
  { name: 'place', label: '地点' },
  { name: 'entityName', label: '涉及单位名称' },
  { name: 'entityAddress', label: '涉及单位地址' },
  { name: 'occurredOn', label: '发现日期' },
];

/** The latest date the server accepts: today in Beijing (the phone's own zone may differ). */
const today = () => shanghaiToday();

/**
 * The phone-first report form of a coordinator or informant: a few fields, optional photos. With an
 * id (/tips/:id/edit) it corrects the reporter's own tip while it waits for review.
 */
export default function TipFormPage() {
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const editId = Number(useParams().id) || null;
  const existing = useQuery({ queryKey: ['tip', editId], queryFn: () => api<Tip>(`/api/tips/${editId}`), enabled: editId !== null });
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const conflict = useConflict();
  /** The tip as the form loaded it: a refetch in the background must not move the version under the form. */
  const [loaded, setLoaded] = useState<Tip | null>(null);
  useEffect(() => {
    if (existing.data && !loaded) setLoaded(existing.data);
  }, [existing.data, loaded]);

  async function save(v: Values, base = loaded): Promise<void> {
    setBusy(true);
    try {
      const body = {
        ...v,
        description: v.description ?? '',
        entityName: v.entityName ?? '',
        entityAddress: v.entityAddress ?? '',
        version: base!.version,
      };
      await api<Tip>(`/api/tips/${editId}`, { method: 'PATCH', body });
      message.success('已修改');
      await Promise.all([qc.invalidateQueries({ queryKey: ['tips'] }), qc.invalidateQueries({ queryKey: ['tip', editId] })]);
      nav('/tips');
    } catch (e) {
      if (staleCurrent(e)) setBusy(false);
      const retry = (values: Record<string, unknown>, current: Tip) => save(values as unknown as Values, current);
      if (
        await conflict.handle<Tip>(e, {
          form,
          fields: FIELDS,
          base,
          mine: v as unknown as Record<string, unknown>,
          values: (r) => pickFields(FIELDS, r),
          setLoaded,
          retry,
        })
      )
        return;
      message.error(e instanceof ApiError ? e.message : '修改失败');
    } finally {
      setBusy(false);
    }
  }

  async function submit(v: Values) {
    if (editId !== null) return save(v);
    setBusy(true);
    try {
      const tip = await api<Tip>('/api/tips', { body: v });
      let failed = 0;
      for (const f of files) {
        const form = new FormData();
        form.append('file', f.originFileObj as File, f.name);
        await api(`/api/tips/${tip.id}/photos`, { form }).catch((e) => {
          failed++;
          message.error(`${f.name}：${e instanceof ApiError ? e.message : '照片上传失败'}`);
        });
      }
      message.success(failed ? '已上报，部分照片未上传' : '已上报，等待监管所受理');
      await qc.invalidateQueries({ queryKey: ['tips'] });
      nav('/tips');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '上报失败');
    } finally {
      setBusy(false);
    }
  }

  if (editId !== null && !(existing.data && loaded)) return <Card loading={existing.isLoading}>{existing.error?.message}</Card>;
  const t = editId !== null ? loaded : undefined;
  if (t && !t.editable) return <Card title="修改上报">已受理或已处理的上报不能再修改。</Card>;
  const initial: Partial<Values> = t
    ? {
        kind: t.kind,
        title: t.title,
        description: t.description ?? undefined,
        place: t.place,
        entityName: t.entityName ?? undefined,
        entityAddress: t.entityAddress ?? undefined,
        occurredOn: t.occurredOn,
      }
    : { kind: 'hazard', occurredOn: today() };

  return (
    <Card title={t ? '修改上报' : '上报隐患线索'} styles={{ body: { padding: 16 } }}>
      {conflict.dialog}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial} style={{ maxWidth: 560 }}>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={TIP_KINDS.map((k) => ({ value: k, label: TIP_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label="标题"
          rules={[
            { required: true, whitespace: true, message: '请填写标题' },
            { max: 100, message: '标题不能超过100字' },
          ]}
        >
          <Input placeholder="一句话说明发现了什么" maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label="情况描述" rules={[{ max: 2000, message: '情况描述不能超过2000字' }]}>
          <Input.TextArea rows={4} placeholder="时间、经过、涉及的药品或人员等" maxLength={2000} />
        </Form.Item>
        <Form.Item name="place" label="地点" rules={[{ required: true, whitespace: true, message: '请填写地点' }, { max: 200 }]}>
          <Input placeholder="例如：幸福路18号门口" />
        </Form.Item>
        <Form.Item name="entityName" label="涉及单位名称（选填）" rules={[{ max: 100 }]}>
          <Input placeholder="药店、诊所、商店名称" />
        </Form.Item>
        <Form.Item name="entityAddress" label="涉及单位地址（选填）" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true, message: '请选择日期' }]}>
          <Input type="date" max={today()} />
        </Form.Item>
        {!t && (
          <Form.Item label={`照片（选填，最多${TIP_PHOTOS_PER_TIP}张，每张不超过${TIP_PHOTO_MAX_BYTES / 1024 / 1024}MB）`}>
            <Upload
              listType="picture-card"
              accept={TIP_PHOTO_TYPES.join(',')}
              fileList={files}
              multiple
              beforeUpload={(file) => {
                if (!(TIP_PHOTO_TYPES as readonly string[]).includes(file.type))
                  message.error(`${file.name}：只能上传 JPG、PNG 或 WebP 格式的照片`);
                else if (file.size > TIP_PHOTO_MAX_BYTES) message.error(`${file.name}：照片不能超过5MB`);
                else return false;
                return Upload.LIST_IGNORE;
              }}
              onChange={({ fileList }) => setFiles(fileList.slice(0, TIP_PHOTOS_PER_TIP))}
            >
              {files.length < TIP_PHOTOS_PER_TIP && (
                <div>
                  <CameraOutlined />
                  <div style={{ marginTop: 4 }}>拍照/选图</div>
                </div>
              )}
            </Upload>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t ? '保存修改' : '提交上报'}
        </Button>
        <Button block type="link" onClick={() => nav('/tips')} style={{ marginTop: 8 }}>
          取消
        </Button>
      </Form>
    </Card>
  );
}
