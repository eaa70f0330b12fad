import { describe, expect, it } from 'vitest';
import { basemapUrls } from './basemap';

describe('basemapUrls', () => {
  it('gives 天地图 vector map and labels over its eight hosts when a key is configured', () => {
    expect(basemapUrls({ provider: 'tianditu', key: 'abc123' })).toEqual([
      'https://t{0-7}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=abc123',
      'https://t{0-7}.tianditu.gov.cn/DataServer?T=cva_w&x={x}&y={y}&l={z}&tk=abc123',
    ]);
  });

  it('gives no tiles without a key', () => {
    expect(basemapUrls({ provider: null, key: null })).toEqual([]);
    expect(basemapUrls(null)).toEqual([]);
  });
});
