import { describe, expect, it } from 'vitest';
import enUS from './en-US';
import zhCN from './zh-CN';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// Every source file of the app as text (Vite's raw import; tests and generated typings excluded).
const sources = import.meta.glob(['../**/*.vue', '../**/*.ts', '!../**/*.test.ts', '!../**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const zh = flatten(zhCN);
const en = flatten(enUS);

describe('locales', () => {
  it('have the same keys and the same placeholders in both languages', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of zh) expect(placeholders(en.get(key)!), key).toEqual(placeholders(text));
  });

  it('contain every key the code asks for by name', () => {
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\blabel: '([a-z]+\.[\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => !zh.has(key));
    expect(missing).toEqual([]);
  });
});
