import { Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi } from './dist/bench/push/api-process.js';
import { setUpOrganization, createCampaign } from './dist/bench/push/api-session.js';
import { sendJson } from './dist/bench/push/http-json.js';
const mode = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'probe-'));
const api = await startApi(join(dir, 'data'));
const agent = new Agent({ keepAlive: true, maxSockets: 60 });
const s = await setUpOrganization(api.url, agent);
const ids = []; for (let i = 0; i < 50; i++) ids.push(await createCampaign(s, 'c' + i));
const revs = ids.map(() => 0);
if (mode === 'patch-serial') for (let k = 0; k < 200; k++) { const i = k % 50; await sendJson(agent, { method: 'PATCH', url: `${s.url}/api/campaigns/${ids[i]}`, body: { expectedRevision: revs[i]++, name: `w${k}` }, cookie: s.cookie }); }
if (mode === 'conns') { const a2 = agent; await Promise.all(ids.map((id) => sendJson(a2, { method: 'GET', url: `${s.url}/api/health` }))); }
const t0 = Date.now(); const rows = [];
await Promise.all(ids.map(async (id, i) => { for (let e = 1; Date.now() - t0 < 3000; e++) { const st = Date.now(); const r = await sendJson(agent, { method: 'PATCH', url: `${s.url}/api/campaigns/${id}`, body: { expectedRevision: revs[i], name: `n${i}-${e}` }, cookie: s.cookie }); if (r.status !== 200) console.log(r.status); revs[i]++; rows.push([st - t0, Date.now() - st]); } }));
rows.sort((a, b) => b[1] - a[1]);
console.log(mode, 'n', rows.length, 'slowest', JSON.stringify(rows.slice(0, 4)), '>500ms', rows.filter((r) => r[1] > 500).length, 'sockets', Object.values(agent.freeSockets).flat().length);
await api.stop(); rmSync(dir, { recursive: true });
process.exit(0);
