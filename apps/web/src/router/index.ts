import type { SessionUser } from '@yuanqu/contracts';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { ApiError } from '../api/client';
import { setFailureListener } from '../api/client';
import { t } from '../i18n';
import { clearSession, restoreSession } from '../stores/session';
import { canAccess, type RouteAccess } from '../utils/permissions';

declare module 'vue-router' {
  interface RouteMeta extends RouteAccess {
    /** i18n key of the page title. */
    title?: string;
    /** Reachable without a session (the login page). */
    public?: boolean;
  }
}

const READERS = ['admin', 'staff', 'leader'] as const;

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../modules/auth/LoginPage.vue'), meta: { public: true, title: 'auth.loginTitle' } },
  {
    path: '/change-password',
    name: 'change-password',
    component: () => import('../modules/auth/ChangePasswordPage.vue'),
    meta: { title: 'auth.changeTitle' },
  },
  {
    path: '/',
    component: () => import('../layouts/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('../modules/home/HomePage.vue'), meta: { title: 'home.title' } },
      {
        path: 'enterprises',
        name: 'enterprises',
        component: () => import('../modules/enterprise/EnterpriseListPage.vue'),
        meta: { title: 'enterprise.listTitle', roles: READERS },
      },
      {
        path: 'enterprises/new',
        name: 'enterprise-create',
        component: () => import('../modules/enterprise/EnterpriseFormPage.vue'),
        meta: { title: 'form.createTitle', permission: 'enterpriseWrite' },
      },
      {
        path: 'enterprises/:id',
        name: 'enterprise',
        component: () => import('../modules/enterprise/EnterpriseDetailPage.vue'),
        meta: { title: 'enterprise.detailTitle' },
      },
      {
        path: 'enterprises/:id/edit',
        name: 'enterprise-edit',
        component: () => import('../modules/enterprise/EnterpriseFormPage.vue'),
        meta: { title: 'common.edit', permission: 'enterpriseEdit' },
      },
      {
        path: 'enterprises/:id/statistics',
        name: 'enterprise-statistics',
        component: () => import('../modules/statistics/EnterpriseFiguresPage.vue'),
        meta: { title: 'reporting.title' },
      },
      {
        path: 'enterprises/:id/evaluation',
        name: 'enterprise-evaluation',
        component: () => import('../modules/evaluation/EnterpriseEvaluationPage.vue'),
        meta: { title: 'evaluationReview.mine.title' },
      },
      {
        path: 'statistics',
        name: 'statistics',
        component: () => import('../modules/statistics/StatisticsPage.vue'),
        meta: { title: 'statistics.title', roles: READERS },
      },
      {
        path: 'statistics/review',
        name: 'statistics-review',
        component: () => import('../modules/statistics/ReviewPage.vue'),
        meta: { title: 'review.title', permission: 'statisticsManage' },
      },
      { path: 'targets', name: 'targets', component: () => import('../modules/target/TargetsPage.vue'), meta: { title: 'targets.title', roles: READERS } },
      { path: 'land', name: 'land', component: () => import('../modules/land/LandPage.vue'), meta: { title: 'land.title', roles: READERS } },
      {
        path: 'land/factories',
        name: 'factories',
        component: () => import('../modules/land/FactoriesPage.vue'),
        meta: { title: 'factories.title', roles: READERS },
      },
      {
        path: 'evaluation',
        name: 'evaluation-runs',
        component: () => import('../modules/evaluation/EvaluationRunsPage.vue'),
        meta: { title: 'evaluationRuns.title', roles: READERS },
      },
      {
        path: 'evaluation/runs/:id',
        name: 'evaluation-run',
        component: () => import('../modules/evaluation/EvaluationRunPage.vue'),
        meta: { title: 'evaluationRun.pageTitle', roles: READERS },
      },
      {
        path: 'evaluation/runs/:id/enterprises/:enterpriseId',
        name: 'evaluation-result',
        component: () => import('../modules/evaluation/EvaluationResultPage.vue'),
        meta: { title: 'evaluationResult.titleShort', roles: READERS },
      },
      {
        path: 'evaluation/schemes',
        name: 'evaluation-schemes',
        component: () => import('../modules/evaluation/SchemesPage.vue'),
        meta: { title: 'schemes.title', roles: READERS },
      },
      {
        path: 'evaluation/schemes/:id',
        name: 'evaluation-scheme',
        component: () => import('../modules/evaluation/SchemePage.vue'),
        meta: { title: 'schemes.detailTitle', roles: READERS },
      },
      { path: 'users', name: 'users', component: () => import('../modules/user/UsersPage.vue'), meta: { title: 'users.title', roles: ['admin'] } },
      { path: 'units', name: 'units', component: () => import('../modules/unit/UnitsPage.vue'), meta: { title: 'units.title', roles: ['admin'] } },
      { path: 'audit', name: 'audit', component: () => import('../modules/audit/AuditPage.vue'), meta: { title: 'audit.title', roles: ['admin'] } },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('../modules/errors/ForbiddenPage.vue'),
        meta: { title: 'errorPages.forbiddenTitle' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('../modules/errors/NotFoundPage.vue'),
        meta: { title: 'errorPages.notFoundTitle' },
      },
    ],
  },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  let user: SessionUser | null;
  try {
    user = await restoreSession();
  } catch {
    // Server unreachable: the login page will say so when the user tries.
    user = null;
  }
  if (to.meta.public) return user && to.name === 'login' ? { name: 'home' } : true;
  if (!user) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (user.mustChangePassword && to.name !== 'change-password') return { name: 'change-password' };
  if (!canAccess(to.meta, user, to.params)) return { name: 'forbidden', replace: true };
  return true;
});

/** The browser tab names the page, in the current language. */
export function applyTitle(): void {
  const title = router.currentRoute.value.meta.title;
  document.title = title ? `${t(title)} · ${t('app.name')}` : t('app.name');
}

router.afterEach(applyTitle);

/** Any call that finds the session gone sends the user to log in, and back here afterwards. */
setFailureListener((error: ApiError) => {
  const current = router.currentRoute.value;
  if (error.status === 401 && error.code !== 'INVALID_CREDENTIALS') {
    clearSession();
    if (current.name !== 'login') void router.push({ name: 'login', query: { redirect: current.fullPath } });
  } else if (error.code === 'PASSWORD_CHANGE_REQUIRED' && current.name !== 'change-password') {
    void router.push({ name: 'change-password' });
  }
});
