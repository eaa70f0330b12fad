import { canManageStatistics, type Actor } from '../utils/permissions';

export type MenuIcon = 'home' | 'enterprise' | 'statistics' | 'targets' | 'land' | 'factories' | 'reporting' | 'review' | 'evaluation' | 'evaluationRuns' | 'evaluationSchemes' | 'users' | 'units' | 'audit';

export interface MenuItem {
  /** i18n key of the label. */
  label: string;
  path: string;
  icon: MenuIcon;
}

/** A heading that opens to its items (亩产效益: 评价批次 …); shown open. */
export interface MenuGroup {
  /** i18n key of the label. */
  label: string;
  icon: MenuIcon;
  children: MenuItem[];
}

export type MenuEntry = MenuItem | MenuGroup;

export const isMenuGroup = (entry: MenuEntry): entry is MenuGroup => 'children' in entry;

/** Every item of a menu, groups opened, in order. */
export function menuItems(entries: readonly MenuEntry[]): MenuItem[] {
  return entries.flatMap((e) => (isMenuGroup(e) ? e.children : [e]));
}

/** The side menu for a role; an enterprise user sees only its own enterprise, never the registry. */
export function menuFor(user: Actor): MenuEntry[] {
  const home: MenuItem = { label: 'nav.home', path: '/', icon: 'home' };
  if (user.role === 'enterprise') {
    if (!user.enterpriseId) return [home];
    const own = `/enterprises/${encodeURIComponent(user.enterpriseId)}`;
    return [
      home,
      { label: 'nav.myEnterprise', path: own, icon: 'enterprise' },
      { label: 'nav.reporting', path: `${own}/statistics`, icon: 'reporting' },
      { label: 'nav.myEvaluation', path: `${own}/evaluation`, icon: 'evaluation' },
    ];
  }
  const items: MenuEntry[] = [
    home,
    { label: 'nav.enterprises', path: '/enterprises', icon: 'enterprise' },
    { label: 'nav.statistics', path: '/statistics', icon: 'statistics' },
    { label: 'nav.targets', path: '/targets', icon: 'targets' },
    { label: 'nav.land', path: '/land', icon: 'land' },
    { label: 'nav.factories', path: '/land/factories', icon: 'factories' },
  ];
  if (canManageStatistics(user)) items.push({ label: 'nav.review', path: '/statistics/review', icon: 'review' });
  items.push({
    label: 'nav.evaluation',
    icon: 'evaluation',
    children: [
      { label: 'nav.evaluationRuns', path: '/evaluation', icon: 'evaluationRuns' },
      { label: 'nav.evaluationSchemes', path: '/evaluation/schemes', icon: 'evaluationSchemes' },
    ],
  });
  if (user.role === 'admin') {
    items.push(
      { label: 'nav.users', path: '/users', icon: 'users' },
      { label: 'nav.units', path: '/units', icon: 'units' },
      { label: 'nav.audit', path: '/audit', icon: 'audit' },
    );
  }
  return items;
}
