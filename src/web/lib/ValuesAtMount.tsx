import { Form, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';

/**
 * Put inside a `<Form>` that lives in a dialog destroyed when hidden (`destroyOnHidden`) and is
 * `preserve={false}`: sets the form's values once its fields are registered. With initialValues
 * alone, the items of a `Form.List` came up empty (the plan's lines, the assessment rule's
 * indicators), and saving then failed on their required fields. The values are captured at mount,
 * so later renders never overwrite what the person types.
 */
export function ValuesAtMount<T extends object>({ values }: { values: Partial<T> | undefined }) {
  const form = Form.useFormInstance<T>() as FormInstance<T>;
  const [initial] = useState(values);
  useEffect(() => {
    if (initial) form.setFieldsValue(initial as Parameters<FormInstance<T>['setFieldsValue']>[0]);
  }, [form, initial]);
  return null;
}
