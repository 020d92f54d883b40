import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CREDITED_PACKAGES, CREDITS } from './credits';

describe('About credits', () => {
  it('credits every library the page ships (package.json dependencies), each with a licence and a link', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const dep of Object.keys(pkg.dependencies)) expect(CREDITED_PACKAGES, dep).toContain(dep);
    expect(CREDITS.length).toBe(CREDITED_PACKAGES.length);
    for (const c of CREDITS) {
      expect(c.license).toMatch(/^(MIT|Apache-2\.0|BSD-\d-Clause|ISC)$/);
      expect(c.url).toMatch(/^https:\/\//);
    }
  });
});
