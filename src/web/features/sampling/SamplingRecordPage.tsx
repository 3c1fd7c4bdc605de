import { CameraOutlined, DownloadOutlined, MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Image, Input, Modal, Radio, Space, Tag, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { shanghaiToday } from '../../../contracts/calendar.js';
import {
  CONTROL_MEASURE_KEYS,
  CONTROL_MEASURES,
  PRODUCT_CATEGORIES,
  SAMPLING_ACTIONS,
  SAMPLING_LEVELS,
  SAMPLING_STATUSES,
  type SamplingAction,
  type SamplingRecord,
} from '../../../contracts/sampling.js';
import { ApiError, download } from '../../lib/api.js';
import { ValuesAtMount } from '../../lib/ValuesAtMount.js';
import { samplingApi, STATUS_COLORS } from './api.js';
import { useSubmit } from '../../lib/submit.js';

/** The page of each record an 不合格 result opens (核查处置), by its type. */
const FOLLOW_UP_PAGES: Record<string, string> = { risk: '/risks', clue: '/clues' };

type Dialog = Exclude<SamplingAction, 'edit'> | null;

/** One sampling record: the sample, seal photos, the lab's result, and the follow-up of an 不合格 result; buttons from `actions`. */
export default function SamplingRecordPage() {
  const id = Number(useParams().id);
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['sampling-record', id], queryFn: () => samplingApi.get(id) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [initial, setInitial] = useState<Record<string, unknown>>({});
  const [form] = Form.useForm();
  const { busy, run } = useSubmit({
    form,
    onStale: () => {
      setDialog(null);
      return refresh();
    },
  });
  const verdict = Form.useWatch('verdict', form);
  const r = q.data;
  if (!r) return <Card loading={q.isLoading}>{q.error?.message}</Card>;

  const refresh = (next?: SamplingRecord) => {
    if (next) qc.setQueryData(['sampling-record', id], next);
    return Promise.all([
      qc.invalidateQueries({ queryKey: ['sampling-record', id] }),
      qc.invalidateQueries({ queryKey: ['sampling-records'] }),
    ]);
  };
  const open = (a: SamplingAction) => {
    if (a === 'edit') return nav(`/sampling/records/${id}/edit`);
    const today = shanghaiToday();
    // The dialog's form mounts when it opens: its values go in as initialValues.
    setInitial(
      a === 'send'
        ? { labName: '', sentOn: today }
        : a === 'result'
          ? { verdict: 'qualified', labName: r.labName ?? '', reportDate: today, receivedOn: today, failedItems: [] }
          : a === 'follow_up'
            ? {
                measures: r.followUp?.measures ?? [],
                deliveredOn: r.followUp?.deliveredOn ?? '',
                recheckRequested: r.followUp?.recheckRequested ?? false,
                note: r.followUp?.note ?? '',
              }
            : {},
    );
    setDialog(a);
  };
  async function submit() {
    const v = await form.validateFields();
    const version = r!.version;
    const next = await run(() => {
      if (dialog === 'send') return samplingApi.send(id, { ...v, version });
      if (dialog === 'result')
        return samplingApi.result(id, { ...v, failedItems: v.verdict === 'unqualified' ? v.failedItems : [], version });
      if (dialog === 'follow_up') return samplingApi.followUp(id, { ...v, deliveredOn: v.deliveredOn || null, version });
      if (dialog === 'handle') return samplingApi.handle(id, v.note, version);
      return samplingApi.withdraw(id, v.reason, version);
    });
    if (next === false) return;
    message.success(`${SAMPLING_ACTIONS[dialog!]}完成`);
    setDialog(null);
    await refresh(next);
  }
  async function upload(purpose: 'seal' | 'report', file: File) {
    try {
      await samplingApi.upload(id, purpose, file, file.name);
      message.success('已上传');
      await refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '上传失败');
    }
    return false;
  }
  const canUpload = r.actions.length > 0 && r.status !== 'withdrawn';

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={
          <Space wrap size={4}>
            <span style={{ wordBreak: 'break-all' }}>{r.productName}</span>
            <Tag color={STATUS_COLORS[r.status]}>{SAMPLING_STATUSES[r.status]}</Tag>
          </Space>
        }
        extra={<Link to="/sampling/records">返回列表</Link>}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="抽样单编号">{r.number}</Descriptions.Item>
          <Descriptions.Item label="被抽样单位">
            <Link to={`/entities/${r.entityId}`}>{r.entityName}</Link>（{r.stationName}）
          </Descriptions.Item>
          <Descriptions.Item label="产品类别">{PRODUCT_CATEGORIES[r.category]}</Descriptions.Item>
          <Descriptions.Item label="批号">{r.batchNo}</Descriptions.Item>
          <Descriptions.Item label="标示生产企业">{r.manufacturer}</Descriptions.Item>
          <Descriptions.Item label="规格">{r.specification ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="抽样数量">
            {r.quantity}
            {r.quantityUnit}
          </Descriptions.Item>
          <Descriptions.Item label="抽样日期">{r.sampledOn}</Descriptions.Item>
          <Descriptions.Item label="抽样人员">{r.samplers.map((s) => s.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label="抽检计划">
            {r.planLevel ? `${SAMPLING_LEVELS[r.planLevel]} · ${r.planName}` : '计划外'}
          </Descriptions.Item>
          {r.labName && (
            <Descriptions.Item label="送检">
              {r.labName}（{r.sentOn}）
            </Descriptions.Item>
          )}
          {r.note && <Descriptions.Item label="备注">{r.note}</Descriptions.Item>}
          {r.withdrawReason && <Descriptions.Item label="撤销原因">{r.withdrawReason}</Descriptions.Item>}
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download(samplingApi.documentUrl(r.id), `抽样单-${r.number}.docx`).catch((e) => message.error((e as Error).message))
            }
          >
            下载抽样单
          </Button>
          {r.actions.map((a) => (
            <Button
              key={a}
              type={a === 'result' || a === 'send' || a === 'handle' ? 'primary' : 'default'}
              danger={a === 'withdraw'}
              onClick={() => open(a)}
            >
              {SAMPLING_ACTIONS[a]}
            </Button>
          ))}
        </Space>
      </Card>

      <Card
        size="small"
        title="封样照片"
        extra={
          canUpload && (
            <Upload accept="image/jpeg,image/png,image/webp" showUploadList={false} beforeUpload={(f) => upload('seal', f)}>
              <Button size="small" icon={<CameraOutlined />}>
                拍照上传
              </Button>
            </Upload>
          )
        }
      >
        {r.sealPhotos.length ? (
          <Image.PreviewGroup>
            <Space wrap>
              {r.sealPhotos.map((p) => (
                <Image
                  key={p.id}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover' }}
                  src={p.thumbnailUrl ?? p.url}
                  preview={{ src: p.url }}
                  alt={p.name}
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        ) : (
          <span style={{ color: '#999' }}>暂无</span>
        )}
      </Card>

      {r.result && (
        <Card
          size="small"
          title={
            <Space>
              检验结果
              <Tag color={r.result.verdict === 'qualified' ? 'green' : 'red'}>{r.result.verdict === 'qualified' ? '合格' : '不合格'}</Tag>
            </Space>
          }
          extra={
            canUpload && (
              <Upload
                accept="image/jpeg,image/png,image/webp,application/pdf"
                showUploadList={false}
                beforeUpload={(f) => upload('report', f)}
              >
                <Button size="small" icon={<UploadOutlined />}>
                  上传检验报告
                </Button>
              </Upload>
            )
          }
        >
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }}>
            <Descriptions.Item label="检验机构">{r.result.labName}</Descriptions.Item>
            <Descriptions.Item label="报告编号">{r.result.reportNo}</Descriptions.Item>
            <Descriptions.Item label="报告日期">{r.result.reportDate}</Descriptions.Item>
            <Descriptions.Item label="收到报告">{r.result.receivedOn}</Descriptions.Item>
          </Descriptions>
          {r.result.failedItems.length > 0 && (
            <ul style={{ paddingLeft: 20, margin: '8px 0' }}>
              {r.result.failedItems.map((f, i) => (
                <li key={i}>
                  {f.item}：不符合{f.standard}
                  {f.result ? `（${f.result}）` : ''}
                </li>
              ))}
            </ul>
          )}
          {r.result.files.map((f) => (
            <div key={f.id}>
              <a href={f.url} target="_blank" rel="noreferrer">
                {f.name}
              </a>
            </div>
          ))}
        </Card>
      )}

      {r.followUp && (
        <Card size="small" title="核查处置" data-testid="follow-up">
          <Space wrap size={4} style={{ marginBottom: 8 }}>
            {r.followUp.links.map((l) => (
              <Tag color="volcano" key={`${l.key}-${l.id}`}>
                {FOLLOW_UP_PAGES[l.type] ? <Link to={`${FOLLOW_UP_PAGES[l.type]}?id=${l.id}`}>已生成{l.label}</Link> : `已生成${l.label}`}
              </Tag>
            ))}
          </Space>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="控制措施">
              {r.followUp.measures.length ? r.followUp.measures.map((m) => CONTROL_MEASURES[m]).join('、') : '尚未登记'}
            </Descriptions.Item>
            <Descriptions.Item label="报告送达被抽样单位">{r.followUp.deliveredOn ?? '尚未送达'}</Descriptions.Item>
            <Descriptions.Item
              label={
                <Tooltip title={r.followUp.recheckDeadline.source}>
                  <span style={{ borderBottom: '1px dashed #999' }}>复检申请截止（推定）</span>
                </Tooltip>
              }
            >
              {r.followUp.recheckDueOn ?? '送达后计算'}
              {r.followUp.recheckRequested && <Tag style={{ marginLeft: 8 }}>已申请复检</Tag>}
            </Descriptions.Item>
            {r.followUp.note && <Descriptions.Item label="说明">{r.followUp.note}</Descriptions.Item>}
            {r.followUp.handledNote && <Descriptions.Item label="处置结果">{r.followUp.handledNote}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}

      <Modal
        open={dialog !== null}
        title={dialog ? SAMPLING_ACTIONS[dialog] : ''}
        onCancel={() => setDialog(null)}
        onOk={submit}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
        width={560}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
          <ValuesAtMount values={initial} />
          {dialog === 'send' && (
            <>
              <Form.Item name="labName" label="检验机构" rules={[{ required: true, whitespace: true, message: '请填写检验机构' }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="sentOn" label="送检日期" rules={[{ required: true, message: '请填写送检日期' }]}>
                <Input type="date" max={shanghaiToday()} />
              </Form.Item>
            </>
          )}
          {dialog === 'result' && (
            <>
              <Form.Item name="verdict" label="检验结论">
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: 'qualified', label: '合格' },
                    { value: 'unqualified', label: '不合格' },
                  ]}
                />
              </Form.Item>
              {verdict === 'unqualified' && (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title="录入不合格结果后将生成核查处置，并按规定生成风险和线索。"
                  />
                  <Form.List
                    name="failedItems"
                    rules={[
                      { validator: async (_, v) => ((v?.length ?? 0) > 0 ? undefined : Promise.reject(new Error('请填写不合格项目'))) },
                    ]}
                  >
                    {(fields, { add, remove }, { errors }) => (
                      <>
                        {fields.map((f) => (
                          <Card
                            size="small"
                            key={f.key}
                            style={{ marginBottom: 8 }}
                            extra={<MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除" />}
                          >
                            <Form.Item
                              name={[f.name, 'item']}
                              label="不合格项目"
                              rules={[{ required: true, whitespace: true, message: '请填写不合格项目' }]}
                            >
                              <Input maxLength={100} placeholder="如：含量测定" />
                            </Form.Item>
                            <Form.Item
                              name={[f.name, 'standard']}
                              label="标准依据"
                              rules={[{ required: true, whitespace: true, message: '请填写标准依据' }]}
                            >
                              <Input maxLength={200} placeholder="如：《中国药典》2020年版一部" />
                            </Form.Item>
                            <Form.Item name={[f.name, 'result']} label="检验结果" style={{ marginBottom: 0 }}>
                              <Input maxLength={200} />
                            </Form.Item>
                          </Card>
                        ))}
                        <Button icon={<PlusOutlined />} onClick={() => add({})} block>
                          添加不合格项目
                        </Button>
                        <Form.ErrorList errors={errors} />
                      </>
                    )}
                  </Form.List>
                </>
              )}
              <Form.Item
                name="labName"
                label="检验机构"
                style={{ marginTop: 12 }}
                rules={[{ required: true, whitespace: true, message: '请填写检验机构' }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="reportNo" label="检验报告编号" rules={[{ required: true, whitespace: true, message: '请填写检验报告编号' }]}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name="reportDate" label="报告日期" rules={[{ required: true, message: '请填写报告日期' }]}>
                <Input type="date" max={shanghaiToday()} />
              </Form.Item>
              <Form.Item name="receivedOn" label="收到报告日期" rules={[{ required: true, message: '请填写收到报告日期' }]}>
                <Input type="date" max={shanghaiToday()} />
              </Form.Item>
            </>
          )}
          {dialog === 'follow_up' && (
            <>
              <Form.Item name="measures" label="控制措施">
                <Checkbox.Group options={CONTROL_MEASURE_KEYS.map((k) => ({ value: k, label: CONTROL_MEASURES[k] }))} />
              </Form.Item>
              <Form.Item name="deliveredOn" label="检验报告送达被抽样单位日期" extra={r.followUp?.recheckDeadline.source}>
                <Input type="date" max={shanghaiToday()} />
              </Form.Item>
              <Form.Item name="recheckRequested" valuePropName="checked">
                <Checkbox>被抽样单位已申请复检</Checkbox>
              </Form.Item>
              <Form.Item name="note" label="说明">
                <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
              </Form.Item>
            </>
          )}
          {dialog === 'handle' && (
            <Form.Item name="note" label="处置结果" rules={[{ required: true, whitespace: true, message: '请填写处置结果' }]}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
            </Form.Item>
          )}
          {dialog === 'withdraw' && (
            <Form.Item name="reason" label="撤销原因" rules={[{ required: true, whitespace: true, message: '请填写撤销原因' }]}>
              <Input maxLength={200} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
