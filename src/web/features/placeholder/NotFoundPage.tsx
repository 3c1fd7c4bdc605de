import { Result } from 'antd';

/** An address no page answers. */
export default function NotFoundPage() {
  return <Result status="404" title="页面不存在" />;
}
