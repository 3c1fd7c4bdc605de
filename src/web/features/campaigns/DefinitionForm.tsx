import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Tabs, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { FORM_TYPES, TABLE_PERIODS, UNIT_GROUPS } from '../../../contracts/campaigns.js';
import { SECTORS } from '../../../contracts/entity-kinds.js';
import { JsonArea, KindSelect, TagsInput, tagOptions } from './fields.js';
import { isCalendarDate } from '../../../contracts/calendar.js';

/** The calendar's own check (contracts/calendar.ts): the format and a real date (no 2月30日). */
const DATE = {
  validator: (_: unknown, v?: string) =>
    !v || isCalendarDate(v) ? Promise.resolve() : Promise.reject(new Error('格式 YYYY-MM-DD，且须为存在的日期')),
};
const dateInput = <Input placeholder="YYYY-MM-DD" inputMode="numeric" style={{ width: 130 }} />;
const weekdays = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'].map((label, i) => ({ value: i + 1, label }));

function ListCard({
  name,
  title,
  add,
  children,
}: {
  name: (string | number)[] | string;
  title: string;
  add: () => unknown;
  children: (field: { key: number; name: number }, remove: () => void) => ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(fields, ops) => (
        <>
          {fields.map((f) => (
            <Card
              key={f.key}
              size="small"
              style={{ marginBottom: 8 }}
              title={`${title} ${f.name + 1}`}
              extra={<MinusCircleOutlined aria-label={`删除${title}`} onClick={() => ops.remove(f.name)} />}
            >
              {children(f, () => ops.remove(f.name))}
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => ops.add(add())}>
            添加{title}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The campaign definition as forms, one tab per part; names mirror the definition's paths. */
export function DefinitionForm({ form, units }: { form: FormInstance; units: string[] }) {
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
        <ListCard name="phases" title="阶段" add={() => ({ key: `p${Date.now() % 10000}`, name: '', from: '', to: '' })}>
          {(f) => (
            <Space wrap align="start">
              <Form.Item name={[f.name, 'name']} label="名称">
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'key']} label="编号">
                <Input style={{ width: 100 }} />
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
        <ListCard name="subActions" title="子行动" add={() => ({ key: `s${Date.now() % 10000}`, name: '' })}>
          {(f) => (
            <Space wrap align="start">
              <Form.Item name={[f.name, 'name']} label="名称">
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'key']} label="编号">
                <Input style={{ width: 100 }} />
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
      children: (
        <ListCard
          name="quotas"
          title="指标规则"
          add={() => ({ id: `q${Date.now() % 10000}`, label: '', population: { kinds: [] }, target: { type: 'share', min: 0.5 } })}
        >
          {(f) => (
            <>
              <Space wrap align="start">
                <Form.Item name={[f.name, 'label']} label="说明">
                  <Input style={{ width: 320 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'id']} label="编号">
                  <Input style={{ width: 140 }} />
                </Form.Item>
              </Space>
              <Form.Item name={[f.name, 'population', 'kinds']} label="对象类型">
                <KindSelect />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item name={[f.name, 'target', 'type']} label="指标类型">
                  <Select
                    style={{ width: 130 }}
                    options={[
                      { value: 'share', label: '比例' },
                      { value: 'all', label: '全覆盖' },
                      { value: 'count', label: '家数' },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'target', 'min']} label="比例(0–1)/家数">
                  <InputNumber min={0} step={0.05} />
                </Form.Item>
                <Form.Item name={[f.name, 'times']} label="每家次数">
                  <InputNumber min={1} max={52} />
                </Form.Item>
                <Form.Item name={[f.name, 'per']} label="计算范围">
                  <Select
                    allowClear
                    style={{ width: 120 }}
                    options={[
                      { value: 'station', label: '每个所' },
                      { value: 'campaign', label: '全区' },
                    ]}
                  />
                </Form.Item>
              </Space>
              <Form.Item name={[f.name, 'target', 'byStation']} label='各所家数（JSON，如 {"曙光所": 5}）'>
                <JsonArea rows={2} />
              </Form.Item>
              <Form.Item name={[f.name, 'population', 'exclude']} label="排除（JSON）">
                <JsonArea rows={2} />
              </Form.Item>
              <Form.Item name={[f.name, 'children']} label="子指标（JSON）">
                <JsonArea rows={4} />
              </Form.Item>
            </>
          )}
        </ListCard>
      ),
    },
    {
      key: 'obligations',
      label: '报送任务',
      children: (
        <ListCard
          name="obligations"
          title="报送任务"
          add={() => ({
            key: `o${Date.now() % 10000}`,
            label: '',
            rule: { every: 'month', day: 5 },
            submitters: ['各市场监管所'],
            recipient: '',
            form: { type: 'narrative' },
          })}
        >
          {(f) => (
            <>
              <Space wrap align="start">
                <Form.Item name={[f.name, 'label']} label="名称">
                  <Input style={{ width: 300 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'key']} label="编号">
                  <Input style={{ width: 120 }} />
                </Form.Item>
              </Space>
              <Space wrap align="start">
                <Form.Item name={[f.name, 'rule', 'every']} label="周期">
                  <Select
                    allowClear
                    style={{ width: 110 }}
                    options={[
                      { value: 'day', label: '每日' },
                      { value: 'week', label: '每周' },
                      { value: 'month', label: '每月' },
                      { value: 'quarter', label: '每季度' },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'rule', 'once']} label="或一次性日期" rules={[DATE]}>
                  {dateInput}
                </Form.Item>
                <Form.Item name={[f.name, 'rule', 'weekday']} label="星期">
                  <Select allowClear style={{ width: 90 }} options={weekdays} />
                </Form.Item>
                <Form.Item name={[f.name, 'rule', 'monthOfQuarter']} label="季度第几月">
                  <InputNumber min={1} max={3} />
                </Form.Item>
                <Form.Item name={[f.name, 'rule', 'day']} label="日">
                  <InputNumber min={1} max={31} />
                </Form.Item>
                <Form.Item name={[f.name, 'rule', 'time']} label="时间">
                  <Input placeholder="17:00" style={{ width: 80 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'rule', 'lastDayIfShort']} label="短月取月末" valuePropName="checked">
                  <Checkbox />
                </Form.Item>
                <Form.Item name={[f.name, 'rule', 'within', 'from']} label="窗口开始" rules={[DATE]}>
                  {dateInput}
                </Form.Item>
                <Form.Item name={[f.name, 'rule', 'within', 'to']} label="窗口结束" rules={[DATE]}>
                  {dateInput}
                </Form.Item>
              </Space>
              <Space wrap align="start">
                <Form.Item name={[f.name, 'submitters']} label="报送单位">
                  <UnitSelect style={{ minWidth: 240 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'recipient']} label="接收单位">
                  <UnitOne style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'form', 'type']} label="报送形式">
                  <Select style={{ width: 130 }} options={Object.entries(FORM_TYPES).map(([value, label]) => ({ value, label }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'form', 'table']} label="统计表编号">
                  <Input style={{ width: 120 }} />
                </Form.Item>
              </Space>
            </>
          )}
        </ListCard>
      ),
    },
    {
      key: 'tables',
      label: '统计表',
      children: (
        <ListCard
          name="tables"
          title="统计表"
          add={() => ({ key: `t${Date.now() % 10000}`, label: '', period: 'month', rowMode: 'fixed', rows: [], measures: [] })}
        >
          {(f) => (
            <>
              <Space wrap align="start">
                <Form.Item name={[f.name, 'label']} label="表名">
                  <Input style={{ width: 300 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'key']} label="编号">
                  <Input style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'period']} label="周期">
                  <Select style={{ width: 90 }} options={Object.entries(TABLE_PERIODS).map(([value, label]) => ({ value, label }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'cumulativeFrom']} label="累计起始" rules={[DATE]}>
                  {dateInput}
                </Form.Item>
              </Space>
              <Form.Item label="行（类别）">
                <ListRows
                  name={[f.name, 'rows']}
                  cols={[
                    ['label', '类别', 160],
                    ['key', '编号', 100],
                  ]}
                />
              </Form.Item>
              <Form.Item label="列（指标）">
                <ListRows
                  name={[f.name, 'measures']}
                  cols={[
                    ['label', '指标', 180],
                    ['unit', '单位', 70],
                    ['key', '编号', 100],
                  ]}
                />
              </Form.Item>
            </>
          )}
        </ListCard>
      ),
    },
    {
      key: 'organisation',
      label: '组织机构',
      children: (
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
            add={() => ({ key: `g${Date.now() % 10000}`, name: '', units: [], duties: [] })}
          >
            {(f) => (
              <Space wrap align="start">
                <Form.Item name={[f.name, 'name']} label="名称">
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'key']} label="编号">
                  <Input style={{ width: 100 }} />
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
          <Form.Item name="checklists" label="检查清单（JSON：kinds?、deviceLevels?、sections → items；不填 kinds 适用于所有对象类型）">
            <JsonArea rows={14} />
          </Form.Item>
          <Form.Item name="violationTypes" label="违法违规类型（JSON：[{key, label, articles?}]；不填时用默认分类）">
            <JsonArea rows={6} />
          </Form.Item>
        </>
      ),
    },
  ];
  return <Tabs items={items} size="small" />;
}

function ListRows({ name, cols }: { name: (string | number)[]; cols: [string, string, number][] }) {
  return (
    <Form.List name={name}>
      {(fields, ops) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} wrap style={{ display: 'flex' }}>
              {cols.map(([k, label, w]) => (
                <Form.Item key={k} name={[f.name, k]} style={{ marginBottom: 4 }}>
                  <Input placeholder={label} style={{ width: w }} />
                </Form.Item>
              ))}
              <MinusCircleOutlined onClick={() => ops.remove(f.name)} />
            </Space>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => ops.add({ key: `k${fields.length + 1}`, label: '' })}>
            添加
          </Button>
        </>
      )}
    </Form.List>
  );
}
