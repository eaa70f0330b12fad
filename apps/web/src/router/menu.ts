import type { SessionUser } from '@yuanqu/contracts';

export type MenuIcon = 'home' | 'enterprise' | 'users' | 'units' | 'audit';

export interface MenuItem {
  /** i18n key of the label. */
  label: string;
  path: string;
  icon: MenuIcon;
}

/** The side menu for a role; an enterprise user sees only its own enterprise, never the registry. */
export function menuFor(user: Pick<SessionUser, 'role' | 'enterpriseId'>): MenuItem[] {
  const home: MenuItem = { label: 'nav.home', path: '/', icon: 'home' };
  if (user.role === 'enterprise') {
    return user.enterpriseId
      ? [home, { label: 'nav.myEnterprise', path: `/enterprises/${encodeURIComponent(user.enterpriseId)}`, icon: 'enterprise' }]
      : [home];
  }
  const items: MenuItem[] = [home, { label: 'nav.enterprises', path: '/enterprises', icon: 'enterprise' }];
  if (user.role === 'admin') {
    items.push(
      { label: 'nav.users', path: '/users', icon: 'users' },
      { label: 'nav.units', path: '/units', icon: 'units' },
      { label: 'nav.audit', path: '/audit', icon: 'audit' },
    );
  }
  return items;
}
