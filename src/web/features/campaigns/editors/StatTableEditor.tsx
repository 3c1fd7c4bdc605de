import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Typography, type FormInstance } from 'antd';
import { MEASURE_LEVELS, REPORT_CATEGORIES, TABLE_PERIODS } from '../../../../contracts/campaign-labels.js';
import { FormulaError, parseCheck, parseFormula } from '../../../../contracts/formula.js';
import { MEASURES } from '../../../../contracts/measures.js';
import { KindSelect } from '../fields.js';
import { DATE, ListCard, MoveButtons, dateInput } from './common.js';
import { nextKey } from './keys.js';

const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const measureOptions = Object.entries(MEASURES).map(([value, m]) => ({ value, label: `${m.label}（${m.unit}）` }));
const COLUMN_TYPES = { number: '数字', money: '金额', text: '文字', boolean: '是/否' };

/** A formula's or row check's own parse error, as the user types (contracts/formula.ts, shared with the server). */
const parses = (parse: (s: string) => unknown) => ({
  validator: (_: unknown, v?: string) => {
    if (!v?.trim()) return Promise.resolve();
    try {
      parse(v);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(new Error(e instanceof FormulaError ? e.message : '公式有误'));
    }
  },
});

function Columns({ form, table }: { form: FormInstance; table: number }) {
  const keys = () => (form.getFieldValue(['tables', table, 'measures']) ?? []).map((m: { key?: string }) => m?.key);
  return (
    <Form.List name={[table, 'measures']}>
      {(cols, ops) => (
        <>
          {cols.map((c) => (
            <div key={c.key} data-testid="table-column" style={{ borderTop: '1px dashed #d9d9d9', paddingTop: 8 }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  第{c.name + 1}列 · 公式中写作{' '}
                  <Typography.Text code>{form.getFieldValue(['tables', table, 'measures', c.name, 'key'])}</Typography.Text>
                </Typography.Text>
                <MoveButtons index={c.name} count={cols.length} move={ops.move} remove={() => ops.remove(c.name)} what="列" />
              </div>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name={[c.name, 'label']} label="列名" rules={[{ required: true, message: '请填写列名' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[c.name, 'unit']} label="单位">
                    <Input placeholder="家" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[c.name, 'type']} label="类型">
                    <Select options={opts(COLUMN_TYPES)} placeholder="数字" allowClear />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[c.name, 'measure']} label="统计指标（自动计算；不选则填报）">
                    <Select allowClear showSearch optionFilterProp="label" options={measureOptions} placeholder="由单位填报" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[c.name, 'level']} label="统计层级">
                    <Select allowClear options={opts(MEASURE_LEVELS)} placeholder="本级及下级" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={[c.name, 'formula']} label="公式（按本行其他列计算）" rules={[parses(parseFormula)]}>
                    <Input placeholder="如 c2 / c1 * 100" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[c.name, 'divisor']} label="显示时除以">
                    <InputNumber min={1} placeholder="10000" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[c.name, 'decimals']} label="小数位">
                    <InputNumber min={0} max={6} precision={0} />
                  </Form.Item>
                </Col>
              </Row>
            </div>
          ))}
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => ops.add({ key: nextKey('c', keys()), label: '', type: 'number' })}
          >
            添加列
          </Button>
        </>
      )}
    </Form.List>
  );
}

function Rows({ form, table }: { form: FormInstance; table: number }) {
  const keys = () => (form.getFieldValue(['tables', table, 'rows']) ?? []).map((r: { key?: string }) => r?.key);
  return (
    <Form.List name={[table, 'rows']}>
      {(rows, ops) => (
        <>
          {rows.map((r) => (
            <Row key={r.key} gutter={12} data-testid="table-row" align="bottom">
              <Col xs={24} md={7}>
                <Form.Item name={[r.name, 'label']} label={`第${r.name + 1}行`} rules={[{ required: true, message: '请填写类别' }]}>
                  <Input placeholder="如 零售药店" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name={[r.name, 'kinds']} label="按对象类型统计">
                  <KindSelect />
                </Form.Item>
              </Col>
              <Col xs={16} md={4}>
                <Form.Item name={[r.name, 'category']} label="产品类别">
                  <Select allowClear options={opts(REPORT_CATEGORIES)} />
                </Form.Item>
              </Col>
              <Col xs={8} md={3}>
                <Form.Item label=" ">
                  <MoveButtons index={r.name} count={rows.length} move={ops.move} remove={() => ops.remove(r.name)} what="行" />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => ops.add({ key: nextKey('r', keys()), label: '' })}>
            添加行
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Statistical tables (统计表): rows by kind or category, columns from the measure catalogue, formulas and row checks. */
export function StatTableEditor({ form }: { form: FormInstance }) {
  return (
    <ListCard
      name="tables"
      title="统计表"
      add={() => ({
        key: nextKey(
          't',
          (form.getFieldValue('tables') ?? []).map((t: { key?: string }) => t?.key),
        ),
        label: '',
        period: 'month',
        rowMode: 'fixed',
        rows: [{ key: 'r1', label: '' }],
        measures: [{ key: 'c1', label: '', type: 'number' }],
      })}
    >
      {(f) => (
        <>
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item name={[f.name, 'label']} label="表名" rules={[{ required: true, message: '请填写表名' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[f.name, 'period']} label="周期">
                <Select options={opts(TABLE_PERIODS)} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name={[f.name, 'rowMode']} label="行">
                <Select
                  options={[
                    { value: 'fixed', label: '固定行' },
                    { value: 'free', label: '由单位填写' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item name={[f.name, 'cumulativeFrom']} label="累计起始日" rules={[DATE]}>
                {dateInput}
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>行（类别）</Typography.Title>
          <Rows form={form} table={f.name} />
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            列（指标）
          </Typography.Title>
          <Columns form={form} table={f.name} />
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            校验规则
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            列之间比较写列标识（如 c2 &lt;= c1，逐行校验）；行之间比较写“行.列”（如 retail.c1 &lt;= total.c1，整表校验一次）。
          </Typography.Paragraph>
          <Form.List name={[f.name, 'checks']}>
            {(checks, ops) => (
              <>
                {checks.map((c) => (
                  <Row key={c.key} gutter={12} align="bottom">
                    <Col xs={24} md={10}>
                      <Form.Item
                        name={[c.name, 'rule']}
                        label="规则"
                        rules={[parses(parseCheck), { required: true, message: '请填写规则' }]}
                      >
                        <Input placeholder="如 c2 <= c1 或 retail.c1 <= total.c1" />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={12}>
                      <Form.Item name={[c.name, 'message']} label="提示">
                        <Input placeholder="如 违规单位数不能超过检查单位数" />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      <Form.Item label=" ">
                        <MoveButtons index={c.name} count={checks.length} move={ops.move} remove={() => ops.remove(c.name)} what="校验" />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => ops.add({ rule: '' })}>
                  添加校验
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name={[f.name, 'note']} label="表下注" style={{ marginTop: 12 }}>
            <Input />
          </Form.Item>
        </>
      )}
    </ListCard>
  );
}
