import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { Role } from '@textbank/contracts';
import { io } from 'socket.io-client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWith, ownerOf, type Member } from '../testing/people.spec-helpers.js';
import { startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';
import { ACCESS_KEY, type AccessRule } from './access.decorator.js';
import { Sessions } from './sessions.js';

interface Route {
  method: string;
  path: string;
  rules: AccessRule[] | undefined;
}

/** Every route the app serves, read from the controllers Nest discovered, with its access rule. */
function routesOf(app: TestApp): Route[] {
  const scanner = new MetadataScanner();
  return new DiscoveryService(app.app.get(ModulesContainer))
    .getControllers()
    .flatMap(({ metatype }) => {
      if (!metatype) return [];
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const prototype = metatype.prototype as Record<string, unknown>;
      return scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = prototype[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) return [];
        const path = [base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].join('/').replace(/\/+/g, '/').replace(/^\/|\/$/g, '');
        const rules = (Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, metatype)) as AccessRule[] | undefined;
        return [{ method: RequestMethod[method], path: path === 'metrics' ? '/metrics' : `/api/${path}`, rules }];
      });
    });
}

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['anonymous', 'volunteer', 'auditor', 'admin', 'owner'];

function expectedFor(rules: AccessRule[], caller: Caller): 'allowed' | 401 | 403 {
  if (rules.includes('public')) return 'allowed';
  if (caller === 'anonymous') return 401;
  return rules.includes('signed-in') || rules.includes(caller) ? 'allowed' : 403;
}

describe('who may call what', () => {
  let app: TestApp;
  const members = new Map<Role, Member>();
  beforeAll(async () => {
    app = await startTestApp();
    const owner = await ownerOf(app);
    members.set('owner', owner);
    for (const role of ['admin', 'auditor', 'volunteer'] as const) members.set(role, await memberWith(app, owner, role));
  });
  afterAll(async () => app.close());

  it('every route declares an access rule, and every role gets exactly what the rule says', async () => {
    const routes = routesOf(app);
    expect(routes.length).toBeGreaterThan(15);
    const undeclared = routes.filter((r) => !r.rules).map((r) => `${r.method} ${r.path}`);
    expect(undeclared, 'routes without @Access').toEqual([]);
    const sessions = app.app.get(Sessions);
    const mismatches: string[] = [];
    for (const route of routes) {
      const url = route.path.replace(':id', '0195f5a0-0000-7000-8000-0000000000ff').replace(':token', 'x'.repeat(43));
      for (const caller of CALLERS) {
        // A fresh session for each call: DELETE /api/session ends the one it is given.
        const cookie = caller === 'anonymous' ? '' : `textbank_session=${sessions.create(members.get(caller)!.id)}`;
        const response = await request(app.app.getHttpServer())[route.method.toLowerCase() as 'get'](url).set('cookie', cookie).send({});
        const expected = expectedFor(route.rules!, caller);
        const ok = expected === 'allowed' ? response.status !== 401 && response.status !== 403 : response.status === expected;
        if (!ok) mismatches.push(`${route.method} ${route.path} as ${caller}: ${response.status}, expected ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('socket topics: auditors, admins and owners may follow them; volunteers none; the anonymous cannot connect', async () => {
    const outcomes: string[] = [];
    for (const caller of CALLERS) {
      const cookie = caller === 'anonymous' ? '' : `textbank_session=${app.app.get(Sessions).create(members.get(caller)!.id)}`;
      const socket = io(app.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
      const connected = await new Promise<boolean>((resolve) => socket.once('connect', () => resolve(true)).once('connect_error', () => resolve(false)));
      if (!connected) {
        outcomes.push(`${caller}: refused`);
        continue;
      }
      for (const topic of ['campaigns', 'event-log', 'people']) {
        const reply = await new Promise<{ ok: boolean }>((resolve) => socket.emit('sync', { topics: [topic], since: '0' }, resolve));
        outcomes.push(`${caller} ${topic}: ${reply.ok ? 'joined' : 'refused'}`);
      }
      socket.disconnect();
    }
    expect(outcomes).toEqual([
      'anonymous: refused',
      'volunteer campaigns: refused',
      'volunteer event-log: refused',
      'volunteer people: refused',
      ...['auditor', 'admin', 'owner'].flatMap((role) => [`${role} campaigns: joined`, `${role} event-log: joined`, `${role} people: joined`]),
    ]);
  });
});
