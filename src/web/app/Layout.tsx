import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Layout as AntLayout, Menu, Space, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../contracts/permissions.js';
import { useOutbox } from '../features/inspections/outbox.js';
import { useAuth } from '../lib/auth.js';
import { BRAND_ICON, MENU, MENU_GROUPS, type MenuGroupKey } from './menu.js';
import { useScreens } from '../lib/screens.js';

const { Header, Sider, Content } = AntLayout;

const AVATAR = {
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  width: 24,
  height: 24,
  borderRadius: '50%',
  background: 'rgba(0,0,0,0.25)',
  color: '#fff',
  fontSize: 12,
} as const;

export function Layout({ children }: { children: ReactNode }) {
  const { me, can, logout } = useAuth();
  const nav = useNavigate();
  const loc = useLocation();
  const screens = useScreens();
  const mobile = !screens.md;
  const [open, setOpen] = useState(false);
  const visible = MENU.filter((m) => !m.permission || can(m.permission));
  // The most specific entry only (检查记录 /inspections vs 现场检查 /inspections/new).
  const current = MENU.filter((m) => m.path !== '/' && (loc.pathname === m.path || loc.pathname.startsWith(m.path + '/'))).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  // An address no menu entry covers (the 404 page) selects nothing rather than 工作台.
  const selected = current ? [current.path] : loc.pathname === '/' ? ['/'] : [];
  // Top-level pages, and each group where its first page is listed.
  const items: ItemType[] = [];
  const emitted = new Set<MenuGroupKey>();
  for (const m of visible) {
    if (!m.group) items.push({ key: m.path, icon: m.icon, label: m.label });
    else if (!emitted.has(m.group)) {
      emitted.add(m.group);
      const g = MENU_GROUPS[m.group];
      items.push({
        key: `group:${m.group}`,
        icon: g.icon,
        label: g.label,
        children: visible.filter((x) => x.group === m.group).map((x) => ({ key: x.path, label: x.label })),
      });
    }
  }
  const currentGroup = current?.group ? `group:${current.group}` : null;
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);
  // Arriving at a page by a link opens its group.
  useEffect(() => {
    if (currentGroup) setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);
  useOutbox(can('inspections.record') && me ? me.id : null);
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={(e) => {
        nav(e.key);
        setOpen(false);
      }}
    />
  );
  const brand = (
    <div style={{ color: '#fff', padding: '16px 20px', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
      {BRAND_ICON} <span style={{ marginLeft: 6 }}>药监通</span>
    </div>
  );
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      {mobile ? (
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="left"
          size={220}
          styles={{ body: { padding: 0, background: '#001529' } }}
          closable={false}
        >
          {brand}
          {menu}
        </Drawer>
      ) : (
        <Sider width={208} breakpoint="lg" collapsedWidth={64}>
          {brand}
          {menu}
        </Sider>
      )}
      <AntLayout>
        <Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space>
            {mobile && <Button icon={<MenuOutlined />} onClick={() => setOpen(true)} aria-label="菜单" />}
            <Typography.Text strong>药品安全专项行动监管平台</Typography.Text>
          </Space>
          <Dropdown
            menu={{
              items: [
                { key: 'profile', label: '个人中心' },
                { key: 'logout', label: '退出登录', icon: <LogoutOutlined /> },
              ],
              onClick: async ({ key }) => {
                if (key === 'logout') {
                  await logout();
                  nav('/login');
                } else nav('/profile');
              },
            }}
          >
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              {/* A plain circle: antd's Avatar measures its text after mounting (a forced layout of the whole page on every first load). */}
              <span style={AVATAR}>{me?.name.slice(-1)}</span>
              {!mobile && (
                <span>
                  {me?.name} · {me ? ROLE_LABELS[me.role] : ''}
                </span>
              )}
            </Space>
          </Dropdown>
        </Header>
        <Content style={{ margin: mobile ? 8 : 16 }}>{children}</Content>
      </AntLayout>
    </AntLayout>
  );
}
