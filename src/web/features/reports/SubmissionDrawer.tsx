import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Descriptions, Drawer, Input, InputNumber, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { FORM_TYPES } from '../../../contracts/campaign-labels.js';
import type { TableResult } from '../../../contracts/reports.js';
import { SUBMISSION_ACTIONS, SUBMISSION_STATUSES, type SubmissionAction, type SubmissionView } from '../../../contracts/submissions.js';
import { FreeRowsEditor, freeRowsOf, type FreeRow } from './FreeRowsEditor.js';
import { SUBMISSION_STATUS_COLORS, submissionsApi } from './SubmissionApi.js';
import { useMobile } from '../../lib/screens.js';

type Cells = Record<string, Record<string, number | string | boolean | null>>;
const REASON_REQUIRED: SubmissionAction[] = ['reject', 'return'];
const beijing = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The typed cells of a table as the unit wrote them (input cells only). */
function cellsOf(table: TableResult | null): Cells {
  const out: Cells = {};
  for (const r of table?.rows ?? [])
    for (const [k, c] of Object.entries(r.cells)) if (c.source === 'input') (out[r.key] ??= {})[k] = c.value;
  return out;
}

/** One report: its table (typed cells editable), narrative sections with live counts, checks, scan, Word, and the review buttons the server allows. */
export function SubmissionDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const mobile = useMobile();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const q = useQuery({ queryKey: ['submissions', 'detail', id], queryFn: () => submissionsApi.get(id!), enabled: !!id });
  const s = q.data;
  const [sections, setSections] = useState<Record<string, string>>({});
  const [cells, setCells] = useState<Cells>({});
  const [freeRows, setFreeRows] = useState<FreeRow[]>([]);
  const [title, setTitle] = useState('');
  const [dirty, setDirty] = useState(false);
  const [acting, setActing] = useState<SubmissionAction | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);

  useEffect(() => {
    if (!s) return;
    setSections(Object.fromEntries(s.sections.map((x) => [x.title, x.text])));
    setCells(cellsOf(s.table));
    setFreeRows(freeRowsOf(s.table));
    setTitle(s.title ?? '');
    setDirty(false);
  }, [s]);

  const editable = !!s?.actions.includes('edit');
  const refresh = () => qc.invalidateQueries({ predicate: (x) => ['submissions', 'obligation-calendar', 'dashboard'].includes(String(x.queryKey[0])) });
  const run = async (what: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await what();
      message.success(ok);
      return true;
    } catch (e) {
      message.error((e as Error).message);
      return false;
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  const save = (view: SubmissionView) =>
    submissionsApi.edit(view.id, {
      version: view.version,
      ...(view.sections.length ? { sections: view.sections.map((x) => ({ title: x.title, text: sections[x.title] ?? '' })) } : {}),
      ...(view.table ? (view.table.free ? { freeRows } : { cells }) : {}),
      ...(view.formType === 'typical_case' ? { title } : {}),
    });
  const act = async (action: SubmissionAction) => {
    if (!s) return;
    let view = s;
    if (dirty && editable) view = await save(s);
    const done = await run(
      () => submissionsApi.act(view.id, { action: action as never, version: view.version, reason: reason.trim() || undefined }),
      `${SUBMISSION_ACTIONS[action]}：已完成`,
    );
    if (done) {
      setActing(null);
      setReason('');
    }
  };

  const columns = s?.table
    ? [
        { title: '项目', dataIndex: 'label', key: 'label', fixed: 'left' as const },
        ...s.table.columns.map((c) => ({
          title: `${[...c.groups, c.label].join(' / ')}${c.unit ? `（${c.unit}）` : ''}`,
          key: c.key,
          render: (_: unknown, r: TableResult['rows'][number]) => {
            const cell = r.cells[c.key];
            if (!cell) return null;
            if (cell.source !== 'input' || !editable) {
              const v = cell.source === 'input' ? (cells[r.key]?.[c.key] ?? cell.value) : cell.value;
              return <span title={c.definition ?? undefined}>{v == null ? '—' : typeof v === 'boolean' ? (v ? '是' : '否') : String(v)}</span>;
            }
            const v = cells[r.key]?.[c.key] ?? null;
            const set = (x: number | string | boolean | null) => {
              setCells((old) => ({ ...old, [r.key]: { ...old[r.key], [c.key]: x } }));
              setDirty(true);
            };
            if (c.type === 'boolean') return <Switch checked={v === true} onChange={set} aria-label={`${r.label}${c.label}`} />;
            if (c.type === 'text')
              return <Input value={(v as string) ?? ''} onChange={(e) => set(e.target.value)} aria-label={`${r.label}${c.label}`} maxLength={500} />;
            return (
              <InputNumber
                min={0}
                value={(v as number) ?? null}
                onChange={(x) => set(x ?? null)}
                aria-label={`${r.label}${c.label}`}
                style={{ width: 110 }}
              />
            );
          },
        })),
      ]
    : [];

  return (
    <Drawer open={!!id} onClose={onClose} size={mobile ? '100%' : 760} title={s ? `${s.orgUnitName}：${s.obligationLabel}` : '报送'} destroyOnHidden>
      {q.isLoading && <Spin />}
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      {s && (
        <Space orientation="vertical" style={{ width: '100%' }} size={12} data-testid="submission-drawer">
          <Space wrap size={4}>
            <Tag color={SUBMISSION_STATUS_COLORS[s.status]} data-testid="submission-status">
              {SUBMISSION_STATUSES[s.status]}
            </Tag>
            <Tag>{FORM_TYPES[s.formType as keyof typeof FORM_TYPES] ?? s.formType}</Tag>
            {s.late && <Tag color="warning">逾期报送</Tag>}
            {s.frozen && <Tag color="blue">数据已锁定（上报时快照）</Tag>}
          </Space>
          {s.returnReason && (s.status === 'returned' || s.status === 'draft') && (
            <Alert type="warning" showIcon title={`退回原因：${s.returnReason}`} data-testid="return-reason" />
          )}
          <Descriptions size="small" column={mobile ? 1 : 2} bordered>
            <Descriptions.Item label="专项行动">{s.campaignName}</Descriptions.Item>
            <Descriptions.Item label="报送时限">{s.dueAt ? `${beijing(s.dueAt)} 前` : s.rule}</Descriptions.Item>
            <Descriptions.Item label="接收单位">{s.recipient ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="审核">{s.review.length ? s.review.join(' → ') : '无需审核'}</Descriptions.Item>
            <Descriptions.Item label="起草人">{s.draftedBy ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="上报时间">{beijing(s.firstReportedAt) || '—'}</Descriptions.Item>
          </Descriptions>

          {s.formType === 'typical_case' && (
            <Input
              value={title}
              disabled={!editable}
              onChange={(e) => {
                setTitle(e.target.value);
                setDirty(true);
              }}
              placeholder="案例标题"
              aria-label="案例标题"
              maxLength={200}
            />
          )}

          {s.table && (
            <div>
              <Typography.Text strong>
                {s.table.label}（{s.table.period.label}）
              </Typography.Text>
              {s.table.free && !s.frozen && (
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
                  逐条填报。保存前按本期登记的记录预填，可修改、删除或添加；保存后以所存条目为准。
                </Typography.Paragraph>
              )}
              {s.table.free ? (
                <FreeRowsEditor
                  table={s.table}
                  rows={freeRows}
                  editable={editable}
                  onChange={(x) => {
                    setFreeRows(x);
                    setDirty(true);
                  }}
                />
              ) : (
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  columns={columns}
                  dataSource={s.table.rows}
                  data-testid="submission-table"
                />
              )}
            </div>
          )}

          {s.sections.map((x) => {
            const text = sections[x.title] ?? '';
            const n = [...text.replace(/\s+/g, '')].length;
            const short = !!x.minChars && n < x.minChars;
            return (
              <div key={x.title}>
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text strong>{x.title}</Typography.Text>
                  <Typography.Text type={short ? 'danger' : 'secondary'} data-testid={`count-${x.title}`}>
                    {n}字{x.minChars ? ` / 不少于${x.minChars}字` : ''}
                  </Typography.Text>
                </Space>
                <Input.TextArea
                  value={text}
                  disabled={!editable}
                  autoSize={{ minRows: 3, maxRows: 14 }}
                  maxLength={20000}
                  placeholder={x.hint ?? undefined}
                  aria-label={x.title}
                  onChange={(e) => {
                    setSections((old) => ({ ...old, [x.title]: e.target.value }));
                    setDirty(true);
                  }}
                />
              </div>
            );
          })}

          {s.checks.length > 0 && (
            <Alert
              type={s.checks.some((c) => c.level === 'error') ? 'error' : 'warning'}
              showIcon
              title="提交前校验"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {s.checks.map((c, i) => (
                    <li key={i}>{c.message}</li>
                  ))}
                </ul>
              }
            />
          )}

          {s.stampedScan && (
            <div>
              <Typography.Text strong>盖章扫描件</Typography.Text>
              {s.scans.length === 0 && <div style={{ color: 'rgba(0,0,0,0.45)' }}>尚未上传（受理前须上传）</div>}
              {s.scans.map((f) => (
                <div key={f.id}>
                  <a href={`/api/files/${f.id}`} target="_blank" rel="noreferrer">
                    {f.name}
                  </a>
                </div>
              ))}
              {s.canUploadScan && (
                <Space wrap style={{ marginTop: 6 }}>
                  <input type="file" accept="image/*,.pdf" aria-label="盖章扫描件文件" onChange={(e) => setFile(e.target.files?.[0] ?? null)} style={{ maxWidth: '100%' }} />
                  <Button size="small" disabled={!file} loading={busy} onClick={() => run(() => submissionsApi.scan(s.id, file!), '盖章扫描件已上传')}>
                    上传
                  </Button>
                </Space>
              )}
            </div>
          )}

          <Space wrap>
            {editable && (
              <Button disabled={!dirty} loading={busy} onClick={() => run(() => save(s), '已保存')}>
                保存草稿
              </Button>
            )}
            {s.actions
              .filter((a) => a !== 'edit')
              .map((a) => (
                <Button
                  key={a}
                  type={a === 'return' || a === 'reject' || a === 'withdraw' ? 'default' : 'primary'}
                  danger={a === 'return' || a === 'reject'}
                  loading={busy && acting === a}
                  onClick={() => (REASON_REQUIRED.includes(a) ? setActing(a) : act(a))}
                >
                  {SUBMISSION_ACTIONS[a]}
                </Button>
              ))}
            <Button onClick={() => submissionsApi.word(s.id).catch((e: Error) => message.error(e.message))}>下载 Word</Button>
            {s.table && (
              <Button onClick={() => submissionsApi.excel(s.id).catch((e: Error) => message.error(e.message))}>下载 Excel</Button>
            )}
          </Space>
          {acting && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder="退回原因" aria-label="退回原因" maxLength={1000} />
              <Space>
                <Button danger type="primary" disabled={!reason.trim()} loading={busy} onClick={() => act(acting)}>
                  确认{SUBMISSION_ACTIONS[acting]}
                </Button>
                <Button onClick={() => setActing(null)}>取消</Button>
              </Space>
            </Space>
          )}

          {s.history.length > 0 && (
            <div>
              <Typography.Text strong>经过</Typography.Text>
              {s.history.map((h, i) => (
                <div key={i} style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                  {beijing(h.at)} {h.by} {h.summary}
                </div>
              ))}
            </div>
          )}
        </Space>
      )}
    </Drawer>
  );
}
