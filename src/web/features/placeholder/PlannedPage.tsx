import { Card, Result } from 'antd';
import type { MenuEntry } from '../../app/menu.js';

/** A module of the mission that is not built yet says so plainly. */
export default function PlannedPage({ entry }: { entry: MenuEntry }) {
  return (
    <Card>
      <Result status="info" icon={entry.icon} title={`${entry.label}（建设中）`} subTitle={entry.planned ?? '该模块正在建设中。'} />
    </Card>
  );
}
