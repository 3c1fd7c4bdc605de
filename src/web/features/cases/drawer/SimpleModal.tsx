import { Form, Modal } from 'antd';

/** A modal holding a small form; closes when `onSave` reports success. */
export function SimpleModal(props: {
  title: string;
  busy: boolean;
  initial?: object;
  onClose(): void;
  onSave(v: Record<string, string | undefined>): Promise<boolean>;
  children: React.ReactNode;
}) {
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={props.title}
      okText="保存"
      cancelText="取消"
      confirmLoading={props.busy}
      destroyOnHidden
      onCancel={props.onClose}
      onOk={async () => {
        const v = await form.validateFields();
        if (await props.onSave(v)) props.onClose();
      }}
    >
      <Form form={form} layout="vertical" initialValues={props.initial}>
        {props.children}
      </Form>
    </Modal>
  );
}
