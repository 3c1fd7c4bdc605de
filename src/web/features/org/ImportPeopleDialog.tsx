import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Result, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, type Role } from '../../../contracts/permissions.js';
import { api, ApiError, download } from '../../lib/api.js';
import { useMobile } from '../../lib/screens.js';

interface ImportResult {
  total: number;
  valid: number;
  created: number;
  errors: { row: number; column?: string; message: string }[];
  preview: { row: number; username: string; displayName: string; orgUnitName: string; role: Role }[];
}

/** Download template → upload → dry run listing every bad row → confirm (all or nothing). */
export function ImportPeopleDialog(props: { onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const mobile = useMobile();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(f: File, dryRun: boolean) {
    const form = new FormData();
    form.append('file', f);
    return api<ImportResult>(`/api/people/import?dryRun=${dryRun}`, { method: 'POST', form });
  }
  async function upload(f: File) {
    setFile(f);
    setCheck(null);
    setError(null);
    setBusy(true);
    try {
      setCheck(await send(f, true));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '校验失败');
    } finally {
      setBusy(false);
    }
  }
  async function confirm() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setDone(await send(file, false));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '导入失败');
      if (e instanceof ApiError && Array.isArray(e.details))
        setCheck((c) => (c ? { ...c, errors: e.details as ImportResult['errors'] } : c));
    } finally {
      setBusy(false);
    }
  }

  const step = done ? 3 : check ? 2 : file ? 1 : 0;
  const ok = check && check.errors.length === 0;
  return (
    <Modal
      open
      title="从 Excel 导入人员"
      width={760}
      onCancel={done ? props.onDone : props.onClose}
      footer={
        done ? (
          <Button type="primary" onClick={props.onDone}>
            完成
          </Button>
        ) : (
          [
            <Button key="c" onClick={props.onClose}>
              取消
            </Button>,
            <Button key="ok" type="primary" disabled={!ok} loading={busy && !!check} onClick={confirm} data-testid="import-confirm">
              {check ? `确认导入 ${check.valid} 人` : '确认导入'}
            </Button>,
          ]
        )
      }
    >
      {!mobile && (
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 16 }}
          items={[{ title: '下载模板' }, { title: '上传文件' }, { title: '校验' }, { title: '完成' }]}
          responsive={false}
        />
      )}
      {done ? (
        <Result
          status="success"
          title={`已导入 ${done.created} 人`}
          subTitle="新人员暂无密码，请在列表中“重置密码”发放一次性临时密码（表中填了初始密码的除外）。"
        />
      ) : (
        <>
          <Typography.Paragraph>
            1. 下载模板，按表头填写（角色、数据范围、所属机构可从下拉中选择；负责辖区填乡镇/街道/苏木或村/社区/嘎查名称，可不填）。
            <Button
              type="link"
              icon={<DownloadOutlined />}
              onClick={() => download('/api/people/import-template', '人员导入模板.xlsx').catch((e) => message.error(e.message))}
            >
              下载模板
            </Button>
          </Typography.Paragraph>
          <Typography.Paragraph>2. 上传填好的文件，系统先逐行校验；有任何错误都不会导入。</Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
            disabled={busy}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{file ? `已选择：${file.name}（点击或拖入可更换）` : '点击或拖入 .xlsx 文件'}</p>
          </Upload.Dragger>
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
          {check && (
            <div style={{ marginTop: 12 }} data-testid="import-check">
              {ok ? (
                <Alert type="success" showIcon title={`共 ${check.total} 行，全部通过校验，可以导入。`} />
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  title={`共 ${check.total} 行，${new Set(check.errors.map((e) => e.row)).size} 行有误。请修改文件后重新上传，全部正确才能导入。`}
                />
              )}
              {!ok && (
                <Table
                  size="small"
                  style={{ marginTop: 8 }}
                  rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                  dataSource={check.errors}
                  pagination={check.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
                  columns={[
                    { title: '行号', dataIndex: 'row', width: 70, render: (r: number) => `第 ${r} 行` },
                    { title: '列', dataIndex: 'column', width: 100, render: (c?: string) => (c ? <Tag>{c}</Tag> : '') },
                    { title: '原因', dataIndex: 'message' },
                  ]}
                />
              )}
              {ok && check.preview.length > 0 && (
                <Table
                  size="small"
                  style={{ marginTop: 8 }}
                  rowKey="row"
                  dataSource={check.preview}
                  pagination={check.preview.length > 10 ? { pageSize: 10, size: 'small' } : false}
                  columns={[
                    { title: '行号', dataIndex: 'row', width: 70 },
                    { title: '姓名', dataIndex: 'displayName' },
                    { title: '用户名', dataIndex: 'username' },
                    { title: '所属机构', dataIndex: 'orgUnitName' },
                    { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] ?? r },
                  ]}
                />
              )}
            </div>
          )}
        </>
      )}
    </Modal>
  );
}
