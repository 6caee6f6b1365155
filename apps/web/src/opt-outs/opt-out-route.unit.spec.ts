import { describe, expect, it } from 'vitest';
import { allowedRoute } from '../routing/route-guard';
import { parseRoute, routeHref } from '../routing/routes';

describe('the opt-out route', () => {
  it('is #/opt-outs, for everyone but volunteers', () => {
    expect(parseRoute('#/opt-outs')).toEqual({ name: 'opt-outs' });
    expect(routeHref({ name: 'opt-outs' })).toBe('#/opt-outs');
    for (const role of ['owner', 'admin', 'auditor'] as const) expect(allowedRoute({ name: 'opt-outs' }, role)).toEqual({ name: 'opt-outs' });
    expect(allowedRoute({ name: 'opt-outs' }, 'volunteer')).toEqual({ name: 'home' });
  });
});
