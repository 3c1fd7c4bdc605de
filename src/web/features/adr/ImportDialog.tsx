import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal, Radio, Result, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ADR_IMPORT_COLUMNS, DUPLICATE_MODES, type AdrImportJob, type DuplicateMode } from '../../../contracts/adr.js';
import { api, ApiError } from '../../lib/api.js';
import { adrApi } from './api.js';

/** Upload (.xlsx/.csv, UTF-8 or GBK) → dry run (bad rows named, duplicates updated or skipped) → confirm. */
export function ImportDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [job, setJob] = useState<AdrImportJob | null>(null);
  const [mode, setMode] = useState<DuplicateMode>('update');
  const [busy, setBusy] = useState(false);

  // The latest onDone, read by the poll below without restarting it when the parent re-renders.
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  });
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setInterval(async () => {
      try {
        const next = await adrApi.importJob(job.id);
        setJob(next);
        if (next.status === 'done') doneRef.current();
      } catch {
        /* keep polling */
      }
    }, 600);
    return () => clearInterval(timer);
  }, [job?.status, job?.id]);

  async function send(file: File) {
    setBusy(true);
    try {
      const form = new FormData();
      form.append('duplicates', mode);
      form.append('file', file);
      setJob(await api<AdrImportJob>('/api/adr-imports', { form }));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '上传失败');
    } finally {
      setBusy(false);
    }
  }
  async function confirm() {
    setBusy(true);
    try {
      setJob(await adrApi.confirmImport(job!.id));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '导入失败');
    } finally {
      setBusy(false);
    }
  }
  const close = () => {
    setJob(null);
    onClose();
  };
  return (
    <Modal open={open} onCancel={close} title="导入不良反应报告" width={860} footer={null} destroyOnHidden>
      {!job && (
        <>
          <Typography.Paragraph>
            支持 .xlsx 和 .csv（UTF-8 或 GBK 编码），列名按国家监测系统导出的常用列：
            {ADR_IMPORT_COLUMNS.map((c) => c.header).join('、')}。不良反应名称可填多个，以顿号分隔。
          </Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12 }}>
            <span>已登记的报告编码：</span>
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value)}
              options={Object.entries(DUPLICATE_MODES).map(([value, label]) => ({ value, label }))}
            />
          </Space>
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(f) => (send(f), false)}
            data-testid="adr-import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{busy ? '校验中…' : '点击或拖入文件上传（先试导入，不写入数据）'}</p>
          </Upload.Dragger>
        </>
      )}
      {job && (job.status === 'validated' || job.status === 'invalid') && (
        <>
          <Descriptions size="small" column={{ xs: 2, sm: 5 }} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="数据行">{job.total}</Descriptions.Item>
            <Descriptions.Item label="新增">{job.toCreate}</Descriptions.Item>
            <Descriptions.Item label="更新已有">{job.toUpdate}</Descriptions.Item>
            <Descriptions.Item label="跳过已有">{job.toSkip}</Descriptions.Item>
            <Descriptions.Item label="错误">
              <span style={{ color: job.errorCount ? '#cf1322' : undefined }}>{job.errorCount}</span>
            </Descriptions.Item>
          </Descriptions>
          {job.duplicateCodes.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`以下报告编码已登记，将${job.duplicates === 'skip' ? '跳过' : '按文件更新'}（不会重复登记）：${job.duplicateCodes.join('、')}`}
            />
          )}
          {job.errorCount > 0 ? (
            <>
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={`有 ${job.errorCount} 处错误，整个文件不会导入，请修正后重新上传。`}
              />
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                dataSource={job.errors}
                pagination={{ pageSize: 8, size: 'small' }}
                data-testid="adr-import-errors"
                columns={[
                  { title: '行', dataIndex: 'row', width: 60, render: (r: number) => (r ? r : '文件') },
                  { title: '列', dataIndex: 'column', width: 120, render: (c: string | null) => c ?? '—' },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
              <Button onClick={() => setJob(null)}>重新上传</Button>
            </>
          ) : (
            <Space>
              <Button type="primary" loading={busy} onClick={confirm}>
                确认导入
              </Button>
              <Button onClick={() => setJob(null)}>重新上传</Button>
            </Space>
          )}
        </>
      )}
      {job?.status === 'running' && <Result status="info" title="正在导入…" />}
      {job?.status === 'done' && (
        <Result
          status="success"
          title="导入完成"
          subTitle={job.message}
          extra={
            <Button type="primary" onClick={close}>
              完成
            </Button>
          }
        />
      )}
      {job?.status === 'failed' && <Result status="error" title="导入失败" subTitle={job.message} />}
    </Modal>
  );
}
