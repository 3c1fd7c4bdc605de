import { DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';

/**
 * The date and inspectors of an inspection record, as recorded and as corrected (same rules both times).
 * `people`: the station's pool plus whoever is on the record already, once each.
 */
export function InspectionFields({ people }: { people: { id: number; name: string }[] }) {
  const options = [...new Map(people.map((p) => [p.id, p])).values()].map((p) => ({ value: p.id, label: p.name }));
  return (
    <>
      <Form.Item name="date" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} inputReadOnly />
      </Form.Item>
      <Form.Item
        name="inspectorIds"
        label="检查人员（不少于2人）"
        rules={[{ required: true, type: 'array', min: 2, message: '现场检查人员不得少于2人' }]}
      >
        <Select mode="multiple" options={options} />
      </Form.Item>
    </>
  );
}
