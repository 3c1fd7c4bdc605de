import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { AlertsTab } from './AlertsTab.js';
import { ReportsTab } from './ReportsTab.js';
import { SettingsTab } from './SettingsTab.js';
import { SignalsTab } from './SignalsTab.js';
import { TargetsTab } from './TargetsTab.js';

/** 不良反应监测: reports (list, form, import), the county targets, cluster alerts, disproportionality signals, and the settings behind them. */
export default function MonitoringPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'reports';
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        不良反应监测
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'reports', label: '报告', children: <ReportsTab /> },
          { key: 'targets', label: '目标', children: <TargetsTab /> },
          { key: 'alerts', label: '聚集信号', children: <AlertsTab /> },
          { key: 'signals', label: '信号检测', children: <SignalsTab /> },
          { key: 'settings', label: '设置', children: <SettingsTab /> },
        ]}
      />
    </>
  );
}
