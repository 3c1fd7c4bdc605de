import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Descriptions, Image, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  ANSWER_RESULTS,
  FINDING_SEVERITIES,
  INSPECTION_KINDS,
  MEASURE_KINDS,
  PENALTY_PARTIES,
  RECTIFICATION_STATUSES,
  type Inspection,
} from '../../../contracts/inspections.js';
import { download } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { documentNames, inspectionsApi, type DocumentKind } from './api.js';
import { SignaturePad } from './SignaturePad.js';
import { ToClueButton } from '../clues/ToClueButton.js';
import { FindingToRiskButton } from '../risks/FindingToRisk.js';

const SEVERITY_COLORS = { general: 'gold', serious: 'orange', severe: 'red' } as const;
export const RECTIFICATION_COLORS = { ordered: 'blue', evidence_submitted: 'cyan', closed: 'green', extended: 'purple' } as const;

/** Which documents an inspection has: the record always, the others with their measure. */
function documentsOf(r: Inspection): DocumentKind[] {
  const out: DocumentKind[] = ['record'];
  if (r.measures.some((m) => m.kind === 'rectify')) out.push('rectification-order');
  if (r.measures.some((m) => m.kind === 'warning_letter')) out.push('warning-letter');
  return out;
}

/**
 * The on-site part of an inspection: kind, time, findings, measures with their document numbers,
 * signatures (and who still has to sign, with 签名确认 for the caller), rectifications and the
 * documents to download or print. Buttons only from the actions the server returns.
 */
export function OnSiteDetails({ r }: { r: Inspection }) {
  const { me } = useAuth();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [signing, setSigning] = useState(false);
  const [image, setImage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const withFindings = r.findings.some((f) => f.violationType);
  const sheet = useQuery({
    queryKey: ['inspection-checklist', r.entityId, r.campaignId],
    queryFn: () => inspectionsApi.checklist(r.entityId, r.campaignId),
    enabled: withFindings || r.answers.length > 0,
    staleTime: 600_000,
  });
  const violation = (k: string | null) => (k ? (sheet.data?.violationTypes.find((t) => t.key === k)?.label ?? '') : '');
  const itemText = (k: string | null) =>
    k ? sheet.data?.checklist.sections.flatMap((s) => s.items).find((i) => i.key === k)?.text : undefined;
  const counts = Object.fromEntries(
    (Object.keys(ANSWER_RESULTS) as (keyof typeof ANSWER_RESULTS)[]).map((k) => [k, r.answers.filter((a) => a.result === k).length]),
  );
  const mayISign = r.actions.includes('sign') && !!me && r.awaitingSignatures.some((p) => p.id === me.id);
  const open = r.rectifications.filter((x) => x.status !== 'closed');
  const refresh = () =>
    qc.invalidateQueries({ predicate: (q) => ['inspection', 'inspections', 'rectifications', 'my-tasks'].includes(String(q.queryKey[0])) });
  const get = async (doc: DocumentKind) => {
    try {
      await download(inspectionsApi.documentUrl(r.id, doc), `${documentNames[doc]}.docx`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12} data-testid="inspection-details">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="检查方式">{INSPECTION_KINDS[r.kind]}</Descriptions.Item>
        {r.recordNo && <Descriptions.Item label="笔录编号">{r.recordNo}</Descriptions.Item>}
        {(r.startedAt || r.endedAt) && (
          <Descriptions.Item label="检查时间">{`${r.startedAt ?? ''} — ${r.endedAt ?? ''}`}</Descriptions.Item>
        )}
        {r.staffCount != null && <Descriptions.Item label="出动执法人员">{r.staffCount} 人次</Descriptions.Item>}
        {r.jointDepartments.length > 0 && <Descriptions.Item label="联合检查部门">{r.jointDepartments.join('、')}</Descriptions.Item>}
        {r.recheckOf && (
          <Descriptions.Item label="复查">
            <Link to={`/inspections/${r.recheckOf}`}>查看原检查记录</Link>
          </Descriptions.Item>
        )}
        {r.answers.length > 0 && (
          <Descriptions.Item label="检查表">{`符合 ${counts.pass} 项，不符合 ${counts.fail} 项，不适用 ${counts.na} 项`}</Descriptions.Item>
        )}
      </Descriptions>

      {r.awaitingSignatures.length > 0 && (
        <div data-testid="awaiting-signatures" style={{ background: '#fffbe6', border: '1px solid #ffe58f', borderRadius: 6, padding: 8 }}>
          待签名：{r.awaitingSignatures.map((p) => p.name).join('、')}
          {!r.unitSigned && '；被检查单位'}
          {mayISign && (
            <div style={{ marginTop: 6 }}>
              <Button type="primary" onClick={() => setSigning(true)}>
                签名确认
              </Button>
            </div>
          )}
        </div>
      )}

      <div>
        <Typography.Text strong>发现问题（{r.findings.length}）</Typography.Text>
        {r.findings.length === 0 && <div style={{ color: '#888' }}>未发现问题</div>}
        {r.findings.map((f) => (
          <div
            key={f.id}
            data-testid="finding-view"
            style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0', wordBreak: 'break-all' }}
          >
            <Tag color={SEVERITY_COLORS[f.severity]}>{FINDING_SEVERITIES[f.severity]}</Tag>
            {violation(f.violationType)}
            {itemText(f.itemKey) && <div style={{ fontSize: 12, color: '#888' }}>检查项：{itemText(f.itemKey)}</div>}
            <div>{f.description}</div>
            {f.legalBasis && <div style={{ fontSize: 12, color: '#666' }}>依据：{f.legalBasis}</div>}
            {r.status === 'done' && <ToClueButton from="inspection" inspectionId={r.id} findingId={f.id} />}
            {r.status !== 'planned' && r.status !== 'cancelled' && <FindingToRiskButton findingId={f.id} description={f.description} />}
          </div>
        ))}
      </div>

      <div>
        <Typography.Text strong>处置措施（{r.measures.length}）</Typography.Text>
        {r.measures.length === 0 && <div style={{ color: '#888' }}>无</div>}
        {r.measures.map((m) => (
          <div
            key={m.id}
            data-testid="measure-view"
            style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0', wordBreak: 'break-all' }}
          >
            <b>{MEASURE_KINDS[m.kind]}</b>
            {m.deadline && ` · 期限 ${m.deadline}`}
            {m.amount != null && ` · 罚款 ${m.amount} 元`}
            {m.party && `（${PENALTY_PARTIES[m.party as keyof typeof PENALTY_PARTIES] ?? ''}）`}
            {m.documentNo && <div style={{ fontSize: 12, color: '#666' }}>文书编号：{m.documentNo}</div>}
            {m.note && <div style={{ fontSize: 12, color: '#666' }}>{m.note}</div>}
          </div>
        ))}
      </div>

      {r.signatures.length > 0 && (
        <div>
          <Typography.Text strong>签名</Typography.Text>
          <Space wrap style={{ display: 'flex', marginTop: 4 }}>
            {r.signatures.map((s, i) => (
              <div key={i} style={{ textAlign: 'center', fontSize: 12 }} data-testid="signature-view">
                {s.fileId && (
                  <img
                    src={`/api/files/${s.fileId}`}
                    alt={`${s.name}的签名`}
                    style={{ height: 48, maxWidth: 140, border: '1px solid #eee', background: '#fff' }}
                  />
                )}
                <div>
                  {s.signer === 'unit' ? '被检查单位：' : '检查人员：'}
                  {s.name}
                </div>
              </div>
            ))}
          </Space>
        </div>
      )}

      {r.rectifications.length > 0 && (
        <div>
          <Typography.Text strong>整改</Typography.Text>
          {r.rectifications.map((x) => (
            <div key={x.id} data-testid="rectification-view" style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Tag color={RECTIFICATION_COLORS[x.status]}>{RECTIFICATION_STATUSES[x.status]}</Tag>
              期限 {x.deadline}
              {x.daysOverdue > 0 && (
                <Tag color="red" style={{ marginLeft: 6 }}>
                  逾期 {x.daysOverdue} 天
                </Tag>
              )}
              {x.closedByInspectionId && (
                <div style={{ fontSize: 12 }}>
                  <Link to={`/inspections/${x.closedByInspectionId}`}>复查记录</Link>
                </div>
              )}
            </div>
          ))}
          {/* 销号 happens through a 复查 inspection (the server lists no close action): offered to whoever may act on an open one. */}
          {open.some((x) => x.actions.length > 0) && (
            <Link to={`/inspections/new?recheckOf=${r.id}`}>
              <Button style={{ marginTop: 6 }}>复查</Button>
            </Link>
          )}
        </div>
      )}

      {r.files.length > 0 && (
        <div>
          <Typography.Text strong>现场照片与材料</Typography.Text>
          <Image.PreviewGroup>
            <Space wrap style={{ display: 'flex', marginTop: 4 }}>
              {r.files.map((f) =>
                f.kind === 'image' ? (
                  <Image
                    key={f.id}
                    width={72}
                    height={72}
                    style={{ objectFit: 'cover' }}
                    src={f.thumbnailUrl ?? f.url}
                    preview={{ src: f.url }}
                    alt={f.name}
                  />
                ) : (
                  <a key={f.id} href={f.url}>
                    {f.name}
                  </a>
                ),
              )}
            </Space>
          </Image.PreviewGroup>
        </div>
      )}

      {r.signMode === 'on_site' && r.status !== 'cancelled' && (
        <Space wrap>
          {documentsOf(r).map((d) => (
            <Button key={d} icon={<DownloadOutlined />} onClick={() => get(d)}>
              {documentNames[d]}
            </Button>
          ))}
          <a href={inspectionsApi.printUrl(r.id)} target="_blank" rel="noreferrer">
            <Button icon={<PrinterOutlined />}>打印笔录</Button>
          </a>
        </Space>
      )}

      <Modal
        open={signing}
        title="签名确认"
        okText="提交签名"
        cancelText="返回"
        okButtonProps={{ disabled: !image }}
        confirmLoading={busy}
        destroyOnHidden
        onCancel={() => (setSigning(false), setImage(undefined))}
        onOk={async () => {
          setBusy(true);
          try {
            await inspectionsApi.sign(r.id, { image: image! });
            message.success('已签名确认');
            setSigning(false);
            setImage(undefined);
            await refresh();
          } catch (e) {
            message.error((e as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Typography.Paragraph type="secondary">我已参加本次检查，确认检查记录内容属实。</Typography.Paragraph>
        <SignaturePad label={me?.name ?? ''} value={image} onChange={setImage} />
      </Modal>
    </Space>
  );
}
