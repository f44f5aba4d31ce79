import { describe, expect, it } from 'vitest';
import { BoundedCache } from './cache.js';
import { renderTemplate } from './index.js';

describe('BoundedCache', () => {
  it('evicts the least recently used entry once full', () => {
    const cache = new BoundedCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('keeps templates correct across many distinct templates (cache churn)', () => {
    for (let i = 0; i < 1_200; i++) expect(renderTemplate(`{{ ${i} + 1 }}`, {})).toBe(i + 1);
    expect(renderTemplate('{{ 5 + 1 }}', {})).toBe(6);
  });
});
