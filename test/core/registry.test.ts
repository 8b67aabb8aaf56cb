import { describe, expect, it } from 'vitest';
import { allCheckKinds, checkKind, loadCheckKinds } from '../../src/checks/registry.js';

describe('check-kind registry', () => {
  it('names every kind <family>.<name> and has one kind per name', async () => {
    const kinds = await allCheckKinds();
    expect(kinds.size).toBeGreaterThan(60);
    for (const [name, kind] of kinds) {
      expect(kind.name).toBe(name);
      expect(name).toMatch(/^(http|ogcapi|openapi|oparl|xml|xoev)\.[a-z0-9-]+$/);
    }
  });

  it('loads the family of a named kind, and knows no kind of an unknown family', async () => {
    await loadCheckKinds(['openapi.status-documented', 'nosuchfamily.kind']);
    expect(checkKind('openapi.status-documented')?.name).toBe('openapi.status-documented');
    expect(checkKind('nosuchfamily.kind')).toBeUndefined();
  });
});
