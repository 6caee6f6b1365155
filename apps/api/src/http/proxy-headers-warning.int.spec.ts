import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { createApp } from '../create-app.js';

// Its own file: nestjs-pino keeps one root logger per process, so the app whose log lines are read must be the first.
describe('proxy headers without TRUST_PROXY', () => {
  it('warns once, at the first request that carries them', async () => {
    const lines: string[] = [];
    const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'textbank-proxy-')), LOG_LEVEL: 'info' }, { webDist: undefined });
    const app = await createApp(config, { logTo: { write: (line) => void lines.push(line) } });
    try {
      await app.init();
      const http = request(app.getHttpServer());
      await http.get('/api/health');
      expect(lines.join('')).not.toContain('TRUST_PROXY');
      await http.get('/api/health').set('X-Forwarded-For', '203.0.113.1');
      await http.get('/api/health').set('X-Forwarded-For', '203.0.113.2');
      await expect.poll(() => lines.filter((l) => l.includes('TRUST_PROXY is not set')).length).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(lines.filter((l) => l.includes('TRUST_PROXY is not set'))).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
