import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../i18n';
import LoginPage from './LoginPage.vue';

function labelledInput(wrapper: ReturnType<typeof mount>, text: string) {
  const label = wrapper.findAll('label').find((l) => l.text() === text);
  expect(label, `label ${text}`).toBeDefined();
  const id = label!.attributes('for');
  expect(id, `label ${text} points at a control`).toBeTruthy();
  return wrapper.find(`#${id}`);
}

async function mountLogin() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: LoginPage },
      { path: '/', component: { template: '<div />' } },
    ],
  });
  await router.push('/login');
  const wrapper = mount(LoginPage, { global: { plugins: [i18n, router] }, attachTo: document.body });
  return { wrapper, router };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('LoginPage', () => {
  it('labels its inputs and its button the way the e2e tests look for them', async () => {
    const { wrapper } = await mountLogin();
    expect(labelledInput(wrapper, '用户名').element.tagName).toBe('INPUT');
    expect(labelledInput(wrapper, '密码').attributes('type')).toBe('password');
    expect(labelledInput(wrapper, '语言').attributes('role')).toBe('combobox');
    expect(wrapper.find('button[type="submit"]').text()).toBe('登录');
  });

  it('shows a refused login as a sentence, not the raw API message', async () => {
    vi.stubGlobal('fetch', async () =>
      new Response(JSON.stringify({ error: { code: 'ACCOUNT_LOCKED', message: 'account locked after repeated failures', details: { lockedUntil: '2025-03-05T02:30:00Z' } } }), {
        status: 423,
      }),
    );
    const { wrapper } = await mountLogin();
    await labelledInput(wrapper, '用户名').setValue('admin');
    await labelledInput(wrapper, '密码').setValue('secret');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('账户因多次密码错误已被锁定，请于 2025-03-05 10:30 之后再试');
    expect(wrapper.text()).not.toContain('account locked');
  });
});
