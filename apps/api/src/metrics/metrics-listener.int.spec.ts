import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { OWNER, startTestApp, type TestApp } from '../testing/test-app.spec-helpers.js';
import { MetricsListener } from './metrics-listener.js';

/** /metrics tells anyone the app's traffic and internals: it has its own listener, never the public one. */
describe('the metrics listener', () => {
  let app: TestApp | undefined;
  afterEach(async () => app?.close());

  it('serves Prometheus metrics on its own port while the public listener answers 404', async () => {
    app = await startTestApp({ metricsPort: 0 });
    const http = request(app.app.getHttpServer());
    await http.post('/api/setup').send(OWNER).expect(201);
    for (const path of ['/metrics', '/Metrics', '/metrics/', '/api/metrics']) await http.get(path).expect(404);

    const address = app.app.get(MetricsListener).address();
    expect(address).toMatchObject({ address: '127.0.0.1', port: expect.any(Number) });
    const scraper = request(`http://127.0.0.1:${address!.port}`);
    const metrics = await scraper.get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
    expect(metrics.text).toMatch(/^textbank_event_store_appends_total [1-9]\d*$/m);
    expect(metrics.text).toMatch(/^textbank_projection_lag_events \d+$/m);
    expect(metrics.text).toMatch(/^textbank_sockets_connected 0$/m);
    expect(metrics.text).toMatch(/^textbank_process_cpu_seconds_total /m);
    // Nothing else of the app is reachable through it.
    await scraper.get('/api/health').expect(404);
    await scraper.get('/').expect(404);
    await scraper.post('/metrics').expect(405);
  });

  it('is off unless a port is configured', async () => {
    app = await startTestApp();
    expect(app.app.get(MetricsListener).address()).toBeUndefined();
    await request(app.app.getHttpServer()).get('/metrics').expect(404);
  });
});
