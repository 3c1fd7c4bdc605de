import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Typography, type FormInstance } from 'antd';
import { DEVICE_LEVELS } from '../../../../contracts/entity-kinds.js';
import { LEGAL_ARTICLES } from '../../../../contracts/legal-articles.js';
import { KindSelect } from '../fields.js';
import { ListCard, MoveButtons } from './common.js';
import { nextKey } from './keys.js';

/** The legal article table (contracts/legal-articles.ts) as options: 《药品管理法》第五十一条, with what it covers. */
export const articleOptions = Object.entries(LEGAL_ARTICLES).map(([value, a]) => ({
  value,
  label: `${a.law}${a.article}`,
  title: a.covers,
}));

function ArticleSelect(props: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  return (
    <Select
      mode="multiple"
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder="从法条表选择"
      options={articleOptions}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal' }}>
          {o.label}
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>{o.data.title}</div>
        </div>
      )}
      {...props}
    />
  );
}

/** Item keys are unique within one checklist (answers name items by key). */
const itemKeys = (form: FormInstance, ci: number): string[] =>
  (form.getFieldValue(['checklists', ci, 'sections']) ?? []).flatMap((s: { items?: { key?: string }[] }) =>
    (s?.items ?? []).map((i) => i?.key ?? ''),
  );

/** Inspection checklists (检查表) by entity kind: sections of items, each with its legal basis. */
export function ChecklistEditor({ form }: { form: FormInstance }) {
  const newItem = (ci: number) => ({ key: nextKey('i', itemKeys(form, ci)), text: '' });
  return (
    <ListCard
      name="checklists"
      title="检查表"
      add={() => ({
        key: nextKey(
          'cl',
          (form.getFieldValue('checklists') ?? []).map((c: { key?: string }) => c?.key),
        ),
        label: '',
        sections: [{ title: '', items: [{ key: 'i1', text: '' }] }],
      })}
    >
      {(c) => (
        <>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name={[c.name, 'label']} label="检查表名称" rules={[{ required: true, message: '请填写名称' }]}>
                <Input placeholder="如 零售药店检查表" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={[c.name, 'kinds']} label="适用对象类型（不填：所有类型）">
                <KindSelect />
              </Form.Item>
            </Col>
            <Form.Item noStyle shouldUpdate>
              {() =>
                (form.getFieldValue(['checklists', c.name, 'kinds']) ?? []).includes('device_dealer') ||
                form.getFieldValue(['checklists', c.name, 'deviceLevels'])?.length ? (
                  <Col xs={24} md={12}>
                    <Form.Item name={[c.name, 'deviceLevels']} label="器械经营监管级别（不填：所有级别）">
                      <Select
                        mode="multiple"
                        allowClear
                        options={Object.entries(DEVICE_LEVELS).map(([value, label]) => ({ value, label }))}
                      />
                    </Form.Item>
                  </Col>
                ) : null
              }
            </Form.Item>
          </Row>
          <Form.List name={[c.name, 'sections']}>
            {(sections, sOps) => (
              <>
                {sections.map((s) => (
                  <Card
                    key={s.key}
                    size="small"
                    type="inner"
                    data-testid="checklist-section"
                    style={{ marginBottom: 8 }}
                    title={`第${s.name + 1}节`}
                    extra={
                      <MoveButtons
                        index={s.name}
                        count={sections.length}
                        move={sOps.move}
                        remove={() => sOps.remove(s.name)}
                        what="检查节"
                      />
                    }
                  >
                    <Form.Item name={[s.name, 'title']} label="节标题" rules={[{ required: true, message: '请填写节标题' }]}>
                      <Input placeholder="如 资质与人员" />
                    </Form.Item>
                    <Form.List name={[s.name, 'items']}>
                      {(items, iOps) => (
                        <>
                          {items.map((it) => (
                            <div
                              key={it.key}
                              data-testid="checklist-item"
                              style={{ borderTop: '1px dashed #d9d9d9', paddingTop: 8, marginBottom: 8 }}
                            >
                              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                  检查项 {it.name + 1} · 编号{' '}
                                  {form.getFieldValue(['checklists', c.name, 'sections', s.name, 'items', it.name, 'key'])}
                                </Typography.Text>
                                <MoveButtons
                                  index={it.name}
                                  count={items.length}
                                  move={iOps.move}
                                  remove={() => iOps.remove(it.name)}
                                  what="检查项"
                                />
                              </div>
                              <Form.Item name={[it.name, 'text']} label="检查内容" rules={[{ required: true, message: '请填写检查内容' }]}>
                                <Input.TextArea rows={2} autoSize={{ minRows: 1, maxRows: 4 }} />
                              </Form.Item>
                              <Row gutter={12}>
                                <Col xs={24} md={12}>
                                  <Form.Item name={[it.name, 'articles']} label="依据（法条）">
                                    <ArticleSelect />
                                  </Form.Item>
                                </Col>
                                <Col xs={24} md={12}>
                                  <Form.Item name={[it.name, 'basis']} label="其他依据（文字）">
                                    <Input placeholder="法条表中没有时填写，如 方案三（二）" />
                                  </Form.Item>
                                </Col>
                              </Row>
                            </div>
                          ))}
                          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => iOps.add(newItem(c.name))}>
                            添加检查项
                          </Button>
                        </>
                      )}
                    </Form.List>
                  </Card>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => sOps.add({ title: '', items: [newItem(c.name)] })}>
                  添加检查节
                </Button>
              </>
            )}
          </Form.List>
        </>
      )}
    </ListCard>
  );
}

/** The campaign's 违法违规类型 (empty: the bundled default catalogue); keys generated. */
export function ViolationTypesEditor({ form }: { form: FormInstance }) {
  return (
    <ListCard
      name="violationTypes"
      title="违法违规类型"
      add={() => ({
        key: nextKey(
          'v',
          (form.getFieldValue('violationTypes') ?? []).map((v: { key?: string }) => v?.key),
        ),
        label: '',
      })}
    >
      {(f) => (
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name={[f.name, 'label']} label="类型名称" rules={[{ required: true, message: '请填写名称' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={[f.name, 'articles']} label="违反或处罚依据（法条）">
              <ArticleSelect />
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListCard>
  );
}
