import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '../i18n';
import ImportDialog from './ImportDialog.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

async function open(props: Record<string, unknown>) {
  mount(ImportDialog, {
    props: { modelValue: true, title: '导入', hint: '提示。', send: async () => ({ importId: 'x', duplicate: false, created: 0, updated: 0, unchanged: 0 }), successText: () => '', ...props },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await flushPromises();
  return document.body;
}

describe('ImportDialog', () => {
  it('offers the template and takes .xlsx by default', async () => {
    const body = await open({ templateUrl: '/template.xlsx' });
    expect(body.querySelector('a[href="/template.xlsx"]')).not.toBeNull();
    expect(body.querySelector('input[type="file"]')!.getAttribute('accept')).toContain('.xlsx');
    expect(body.textContent).toContain('仅支持 .xlsx，不超过 20 MB。');
  });

  it('takes the land page’s GeoJSON or zipped Shapefile, naming the coordinate systems, without a template step', async () => {
    const body = await open({ accept: '.geojson,.json,.zip', formats: i18n.global.t('land.import.formats'), hint: i18n.global.t('land.import.hint') });
    expect(body.querySelector('input[type="file"]')!.getAttribute('accept')).toBe('.geojson,.json,.zip');
    expect(body.textContent).not.toContain('第一步');
    expect(body.textContent).toContain('选择文件');
    expect(body.textContent).toContain('仅支持 GeoJSON（.geojson、.json）或压缩的 Shapefile（.zip），不超过 20 MB。');
    expect(body.textContent).toContain('CGCS2000 3 度带高斯-克吕格、中央经线 117°E（带或不带 39 带号）');
  });
});
