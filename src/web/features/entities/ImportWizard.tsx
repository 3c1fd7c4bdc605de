import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal, Progress, Result, Select, Space, Steps, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { IMPORT_COLUMNS, type ImportJob } from '../../../contracts/entities.js';
import { api, ApiError, download } from '../../lib/api.js';

function csrf() {
  return (
    document.cookie
      .split('; ')
      .find((c) => c.startsWith('yj_csrf='))
      ?.slice(8) ?? ''
  );
}

/** Upload with a progress bar (large files take a while to send). */
function uploadFile(file: File, onProgress: (pct: number) => void): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/entity-imports');
    xhr.setRequestHeader('x-csrf-token', csrf());
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: any = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status === 200) resolve(body);
      else reject(new ApiError(body.code ?? 'HTTP_' + xhr.status, body.message ?? `上传失败（${xhr.status}）`, xhr.status));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', '网络错误，上传失败', 0));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** Upload → column mapping → dry-run report → confirm with progress. Nothing is written until confirmed, and then all or nothing. */
export function ImportWizard({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [sending, setSending] = useState<number | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [busy, setBusy] = useState(false);
  const step = !job ? 0 : job.status === 'running' || job.status === 'done' || job.status === 'failed' ? 2 : 1;

  // The latest onDone, read by the poll below without restarting it when the parent re-renders.
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  });
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setInterval(async () => {
      try {
        const next = await api<ImportJob>(`/api/entity-imports/${job.id}`);
        setJob(next);
        if (next.status === 'done') doneRef.current();
      } catch {
        /* keep polling */
      }
    }, 600);
    return () => clearInterval(timer);
  }, [job?.status, job?.id]);

  async function send(file: File) {
    setSending(0);
    try {
      const j = await uploadFile(file, setSending);
      setJob(j);
      setMapping(j.mapping);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '上传失败');
    } finally {
      setSending(null);
    }
  }
  async function remap() {
    setBusy(true);
    try {
      const j = await api<ImportJob>(`/api/entity-imports/${job!.id}/mapping`, { method: 'PUT', body: { mapping } });
      setJob(j);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '校验失败');
    } finally {
      setBusy(false);
    }
  }
  async function confirm() {
    setBusy(true);
    try {
      setJob(await api<ImportJob>(`/api/entity-imports/${job!.id}/confirm`, { method: 'POST' }));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '导入失败');
    } finally {
      setBusy(false);
    }
  }
  const mappingChanged = job && JSON.stringify(mapping) !== JSON.stringify(job.mapping);
  const headerOptions = (job?.headers ?? []).map((h, i) => ({
    value: i,
    label: `${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}列：${h || '（空）'}`,
  }));

  return (
    <Modal open={open} onCancel={onClose} title="导入监管对象" width={900} footer={null} destroyOnHidden>
      <Steps
        size="small"
        current={step}
        items={[{ title: '上传文件' }, { title: '列对应与校验' }, { title: '导入' }]}
        style={{ marginBottom: 16 }}
      />
      {step === 0 && (
        <>
          <Typography.Paragraph>
            支持 .xlsx 和 .csv（UTF-8 或 GBK
            编码）。建议使用模板：主体类型、风险等级、信用等级等列带下拉选项。同一统一社会信用代码的单位再次导入时更新原记录；许可证编号已属于其他单位的行标为冲突，不会导入。
          </Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download('/api/entities/import-template', '监管对象导入模板.xlsx')}
            style={{ marginBottom: 12 }}
          >
            下载导入模板
          </Button>
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={sending !== null}
            beforeUpload={(f) => (send(f), false)}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入文件上传</p>
          </Upload.Dragger>
          {sending !== null && (
            <Progress percent={sending} status="active" style={{ marginTop: 12 }} format={(p) => (p === 100 ? '校验中…' : `上传 ${p}%`)} />
          )}
        </>
      )}
      {step === 1 && job && (
        <>
          <Descriptions size="small" column={{ xs: 2, sm: 5 }} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="文件">{job.fileName}</Descriptions.Item>
            <Descriptions.Item label="数据行">{job.total}</Descriptions.Item>
            <Descriptions.Item label="新增">{job.toCreate}</Descriptions.Item>
            <Descriptions.Item label="更新">{job.toUpdate}</Descriptions.Item>
            <Descriptions.Item label="错误">
              <span style={{ color: job.errorCount ? '#cf1322' : undefined }}>{job.errorCount}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>列对应</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            scroll={{ y: 220 }}
            dataSource={IMPORT_COLUMNS}
            columns={[
              {
                title: '系统字段',
                dataIndex: 'header',
                width: 180,
                render: (h: string, c) => (
                  <>
                    {h}
                    {c.required && <span style={{ color: '#cf1322' }}> *</span>}
                  </>
                ),
              },
              {
                title: '文件中的列',
                render: (_, c) => (
                  <Select
                    allowClear
                    placeholder="不导入"
                    aria-label={`${c.header}对应列`}
                    style={{ width: '100%' }}
                    options={headerOptions}
                    value={mapping[c.field] ?? undefined}
                    onChange={(v?: number) => setMapping({ ...mapping, [c.field]: v ?? null })}
                  />
                ),
              },
            ]}
          />
          {job.errorCount > 0 ? (
            <>
              <Alert
                type="error"
                showIcon
                style={{ margin: '12px 0' }}
                title={`有 ${job.errorCount} 处错误，整个文件不会导入。请修正后重新上传${job.errorCount > job.errors.length ? `（仅列出前 ${job.errors.length} 处）` : ''}。`}
              />
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                dataSource={job.errors}
                pagination={{ pageSize: 8, size: 'small' }}
                data-testid="import-errors"
                columns={[
                  { title: '行号', dataIndex: 'row', width: 70, render: (r: number) => (r ? `第${r}行` : '—') },
                  { title: '列', dataIndex: 'column', width: 140 },
                  { title: '原因', dataIndex: 'message' },
                ]}
              />
            </>
          ) : (
            <Alert
              type="success"
              showIcon
              style={{ margin: '12px 0' }}
              title={`校验通过：将新增 ${job.toCreate} 家，更新 ${job.toUpdate} 家。`}
            />
          )}
          <Space style={{ marginTop: 8 }} wrap>
            <Button onClick={() => setJob(null)}>重新选择文件</Button>
            <Button onClick={remap} loading={busy} disabled={!mappingChanged}>
              按新的列对应重新校验
            </Button>
            <Button type="primary" onClick={confirm} loading={busy} disabled={job.errorCount > 0 || !!mappingChanged}>
              确认导入
            </Button>
          </Space>
        </>
      )}
      {step === 2 && job && (
        <>
          {job.status === 'running' && (
            <>
              <Typography.Paragraph>正在导入 {job.fileName}，请勿关闭页面…</Typography.Paragraph>
              <Progress percent={job.total ? Math.floor((job.processed / job.total) * 100) : 0} status="active" />
            </>
          )}
          {job.status === 'done' && (
            <Result
              status="success"
              title="导入完成"
              subTitle={job.message ?? ''}
              extra={
                <Button type="primary" onClick={onClose}>
                  完成
                </Button>
              }
            />
          )}
          {job.status === 'failed' && (
            <Result
              status="error"
              title="导入失败，未导入任何数据"
              subTitle={job.message ?? ''}
              extra={<Button onClick={() => setJob(null)}>重新上传</Button>}
            />
          )}
        </>
      )}
    </Modal>
  );
}
