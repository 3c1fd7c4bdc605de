import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Tabs, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { UNIT_GROUPS } from '../../../contracts/campaign-labels.js';
import { SECTORS } from '../../../contracts/entity-kinds.js';
import { ChecklistEditor, ViolationTypesEditor } from './editors/ChecklistEditor.js';
import { DATE, dateInput, ListCard } from './editors/common.js';
import { ObligationEditor } from './editors/ObligationEditor.js';
import { QuotaRulesEditor } from './editors/QuotaRuleEditor.js';
import { StatTableEditor } from './editors/StatTableEditor.js';
import { nextKey } from './editors/keys.js';
import { KindSelect, TagsInput, tagOptions } from './fields.js';
import { useMobile } from '../../lib/screens.js';

/**
 * The campaign definition as forms, one tab per part; names mirror the definition's paths. The
 * larger parts (quotas, obligations, tables, checklists) have their own editors in `editors/`.
 */
export function DefinitionForm({ form, units, stations }: { form: FormInstance; units: string[]; stations: string[] }) {
  const mobile = useMobile();
  const [tab, setTab] = useState('basic');
  const phases = ((Form.useWatch('phases', { form, preserve: true }) ?? []) as { key?: string; name?: string }[])
    .filter((p) => p?.key)
    .map((p) => ({ key: p.key!, name: p.name ?? '' }));
  /** Keys of a list's entries: new entries get the next free one (编号 are generated, shown read-only). */
  const keysOf = (list: string | string[]) => ((form.getFieldValue(list) ?? []) as { key?: string }[]).map((x) => x?.key);
  const hasLeadingGroup = !!Form.useWatch(['organisation', 'leadingGroup'], { form, preserve: true });
  const unitOptions = [...Object.keys(UNIT_GROUPS), '本局', ...units].map((u) => ({ value: u, label: u }));
  const UnitSelect = (p: any) => <Select mode="tags" options={unitOptions} placeholder="选择或输入本局单位" {...p} />;
  const UnitOne = (p: any) => <Select showSearch allowClear options={unitOptions} placeholder="选择本局单位" {...p} />;
  const items = [
    {
      key: 'basic',
      label: '基本信息',
      children: (
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="行动名称" rules={[{ required: true, message: '请填写名称' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="docNo" label="文号">
              <Input placeholder="如 奈市监发〔2023〕66号" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="issuer" label="发文单位" rules={[{ required: true, message: '请填写发文单位' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="issuedOn" label="印发日期" rules={[DATE]}>
              {dateInput}
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['period', 'from']} label="开始日期" rules={[DATE]}>
              {dateInput}
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['period', 'to']} label="结束日期" rules={[DATE]}>
              {dateInput}
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['period', 'reportingUntil']} label="报送截止（可选）" rules={[DATE]}>
              {dateInput}
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="summary" label="概述">
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="basis" label="依据文件">
              <TagsInput placeholder="输入后回车" />
            </Form.Item>
          </Col>
        </Row>
      ),
    },
    {
      key: 'phases',
      label: '阶段',
      children: (
        <ListCard name="phases" title="阶段" add={() => ({ key: nextKey('p', keysOf('phases')), name: '', from: '', to: '' })}>
          {(f) => (
            <Space wrap align="start">
              <Form.Item name={[f.name, 'name']} label="名称">
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'key']} label="编号">
                <Input readOnly variant="borderless" style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'from']} label="开始" rules={[DATE]}>
                {dateInput}
              </Form.Item>
              <Form.Item name={[f.name, 'to']} label="结束" rules={[DATE]}>
                {dateInput}
              </Form.Item>
              <Form.Item name={[f.name, 'description']} label="说明">
                <Input style={{ width: 240 }} />
              </Form.Item>
            </Space>
          )}
        </ListCard>
      ),
    },
    {
      key: 'subActions',
      label: '子行动',
      children: (
        <ListCard name="subActions" title="子行动" add={() => ({ key: nextKey('s', keysOf('subActions')), name: '' })}>
          {(f) => (
            <Space wrap align="start">
              <Form.Item name={[f.name, 'name']} label="名称">
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'key']} label="编号">
                <Input readOnly variant="borderless" style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'description']} label="说明">
                <Input style={{ width: 320 }} />
              </Form.Item>
            </Space>
          )}
        </ListCard>
      ),
    },
    {
      key: 'focus',
      label: '重点',
      children: (
        <>
          <Form.Item name={['focus', 'products']} label="重点产品">
            <TagsInput placeholder="输入后回车" />
          </Form.Item>
          <Form.Item name={['focus', 'entityKinds']} label="重点对象类型">
            <KindSelect />
          </Form.Item>
          <Form.Item name={['focus', 'objects']} label="重点对象（文字）">
            <TagsInput />
          </Form.Item>
          <Form.Item name={['focus', 'tags']} label="对象标签">
            <Select mode="multiple" options={tagOptions} />
          </Form.Item>
          <Form.Item name={['focus', 'areas']} label="重点区域">
            <TagsInput />
          </Form.Item>
          <Form.Item name={['focus', 'channels']} label="排查渠道">
            <TagsInput />
          </Form.Item>
          <ListCard name={['focus', 'violations']} title="违法行为类别" add={() => ({ sector: 'drug', items: [] })}>
            {(f) => (
              <>
                <Space wrap>
                  <Form.Item name={[f.name, 'sector']} label="领域">
                    <Select style={{ width: 120 }} options={Object.entries(SECTORS).map(([value, label]) => ({ value, label }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'area']} label="环节">
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                </Space>
                <Form.Item name={[f.name, 'items']} label="违法行为">
                  <TagsInput />
                </Form.Item>
              </>
            )}
          </ListCard>
        </>
      ),
    },
    {
      key: 'quotas',
      label: '检查指标',
      children: <QuotaRulesEditor form={form} stations={stations} phases={phases} />,
    },
    { key: 'obligations', label: '报送任务', children: <ObligationEditor form={form} units={unitOptions.map((o) => o.value)} /> },
    { key: 'tables', label: '统计表', children: <StatTableEditor form={form} /> },
    {
      key: 'organisation',
      label: '组织机构',
      children: (
        <>
          <Form.Item label="不设领导小组" tooltip="简短通知往往不设领导小组">
            <Switch
              aria-label="不设领导小组"
              checked={!hasLeadingGroup}
              onChange={(none) =>
                form.setFieldValue(
                  ['organisation', 'leadingGroup'],
                  none ? undefined : { name: '', leader: { title: '局长' }, deputies: [], members: [], memberUnits: [], duties: [] },
                )
              }
            />
          </Form.Item>
          {hasLeadingGroup && (
            <>
              <Form.Item name={['organisation', 'leadingGroup', 'name']} label="领导小组名称">
                <Input />
              </Form.Item>
              <Space wrap>
                <Form.Item name={['organisation', 'leadingGroup', 'leader', 'name']} label="组长姓名">
                  <Input style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={['organisation', 'leadingGroup', 'leader', 'title']} label="组长职务">
                  <Input style={{ width: 140 }} />
                </Form.Item>
              </Space>
              <Form.Item name={['organisation', 'leadingGroup', 'memberUnits']} label="成员单位">
                <UnitSelect />
              </Form.Item>
            </>
          )}
          <Space wrap>
            <Form.Item name={['organisation', 'office', 'unit']} label="办公室设在">
              <UnitOne style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={['organisation', 'office', 'director', 'name']} label="办公室主任">
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={['organisation', 'office', 'director', 'title']} label="职务">
              <Input style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <ListCard
            name={['organisation', 'workingGroups']}
            title="工作组"
            add={() => ({ key: nextKey('g', keysOf(['organisation', 'workingGroups'])), name: '', units: [], duties: [] })}
          >
            {(f) => (
              <Space wrap align="start">
                <Form.Item name={[f.name, 'name']} label="名称">
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'key']} label="编号">
                  <Input readOnly variant="borderless" style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'units']} label="牵头单位">
                  <UnitSelect style={{ minWidth: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'liaison', 'name']} label="联络员">
                  <Input style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'liaison', 'title']} label="联络员职务">
                  <Input style={{ width: 100 }} placeholder="联络员" />
                </Form.Item>
                <Form.Item name={[f.name, 'duties']} label="职责">
                  <TagsInput />
                </Form.Item>
              </Space>
            )}
          </ListCard>
        </>
      ),
    },
    {
      key: 'tasks',
      label: '任务分工',
      children: (
        <ListCard
          name="tasks"
          title="任务"
          add={() => ({ no: (form.getFieldValue('tasks')?.length ?? 0) + 1, task: '', target: '', content: '', units: [] })}
        >
          {(f) => (
            <>
              <Space wrap align="start">
                <Form.Item name={[f.name, 'no']} label="细化序号">
                  <InputNumber min={1} />
                </Form.Item>
                <Form.Item name={[f.name, 'task']} label="工作任务">
                  <Input style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'target']} label="目标任务">
                  <Input style={{ width: 260 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'due']} label="完成期限" rules={[DATE]}>
                  {dateInput}
                </Form.Item>
              </Space>
              <Form.Item name={[f.name, 'content']} label="具体内容">
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name={[f.name, 'units']} label="责任单位">
                <UnitSelect />
              </Form.Item>
              <Form.Item name={[f.name, 'partners']} label="配合单位（局外）">
                <TagsInput />
              </Form.Item>
            </>
          )}
        </ListCard>
      ),
    },
    {
      key: 'grassroots',
      label: '基层与联络员',
      children: (
        <>
          <Card size="small" title="基层队伍配备目标" style={{ marginBottom: 8 }}>
            <Space wrap>
              <Form.Item name={['staffing', 'coordinatorPerTownship']} valuePropName="checked">
                <Checkbox>每个乡镇一名协管员</Checkbox>
              </Form.Item>
              <Form.Item name={['staffing', 'informantPerVillage']} valuePropName="checked">
                <Checkbox>每个村一名信息员</Checkbox>
              </Form.Item>
              <Form.Item name={['staffing', 'by']} label="期限" rules={[DATE]}>
                {dateInput}
              </Form.Item>
            </Space>
          </Card>
          <Card size="small" title="联络员填报">
            <Form.Item name={['liaisons', 'units']} label="填报单位">
              <UnitSelect />
            </Form.Item>
            <Space wrap>
              <Form.Item name={['liaisons', 'due']} label="截止日期" rules={[DATE]}>
                {dateInput}
              </Form.Item>
              <Form.Item name={['liaisons', 'recipient']} label="报送至">
                <UnitOne style={{ width: 200 }} />
              </Form.Item>
            </Space>
          </Card>
        </>
      ),
    },
    {
      key: 'checklists',
      label: '检查清单',
      children: (
        <>
          <ChecklistEditor form={form} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            违法违规类型（不填时用默认分类）
          </Typography.Title>
          <ViolationTypesEditor form={form} />
        </>
      ),
    },
  ];
  // A phone picks the part from a list (eleven tabs do not fit 390 px); the panes stay mounted either way.
  return (
    <>
      {mobile && (
        <Select
          data-testid="section-picker"
          aria-label="方案部分"
          virtual={false}
          listHeight={400}
          value={tab}
          onChange={setTab}
          options={items.map((i) => ({ value: i.key, label: i.label }))}
          style={{ width: '100%', marginBottom: 12 }}
        />
      )}
      <Tabs items={items} size="small" activeKey={tab} onChange={setTab} renderTabBar={mobile ? () => <></> : undefined} />
    </>
  );
}
