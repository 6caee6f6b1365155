import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config/app-config.js';
import { createApp } from './create-app.js';

// Run from a checkout, the built web app sits beside the api: serve it unless WEB_DIST says otherwise.
const bundledWeb = fileURLToPath(new URL('../../web/dist', import.meta.url));
const config = loadConfig(process.env, process.env.WEB_DIST === undefined && existsSync(bundledWeb) ? { webDist: bundledWeb } : {});
const app = await createApp(config);
await app.listen(config.port, config.host);
const address = app.getHttpServer().address();
const port = typeof address === 'object' && address ? address.port : config.port;
// Tests and scripts read this line to find the port when PORT=0.
console.log(`LISTENING http://localhost:${port}`);
