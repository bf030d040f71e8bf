// `npm run dev -- [--port <n>] [--data-dir <folder>]`: Vite's dev server with hot reload, for
// working on screens, against a running browser-kiosk core. The core (dist/server/cli.mjs, built
// if stale) listens on a free loopback port; Vite listens on 127.0.0.1 (default 5173) and passes
// `/api/*` on to it. Core changes need a restart of this script; screen changes reload at once.
//
// The dev page holds the core's per-launch token the way the served page does: a
// <meta name="kiosk-token"> in index.html, taken from the page the core itself serves. The core
// accepts only its own Host and Origin, so this server checks Host and Origin are its own before
// passing a call on (and only then names the core's origin), and sends no CORS headers: a page of
// another site or port can neither call the core through it nor read the token.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: npm run dev -- [--port <n>] [--data-dir <folder>]';

let values;
try {
  ({ values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
  }));
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port ?? 5173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`The port must be a number from 0 to 65535.\n${USAGE}`);
  process.exit(2);
}

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const core = spawn(
  process.execPath,
  [
    '--enable-source-maps',
    path.join(root, process.env.KIOSK_DIST ?? 'dist', 'server/cli.mjs'),
    '--port',
    '0',
    ...(values['data-dir'] ? ['--data-dir', values['data-dir']] : []),
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const coreUrl = await new Promise((resolve) => {
  let output = '';
  core.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    output += chunk.toString();
    const match = /Kiosk ready at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
    if (match) resolve(match[1]);
  });
  core.on('exit', (code) => {
    console.error(`The kiosk core stopped (exit ${code}).`);
    process.exit(code || 1);
  });
});

const served = await (await fetch(`${coreUrl}/`)).text();
const tokenMeta = /<meta name="kiosk-token" content="[^"]*">/.exec(served)?.[0];
if (!tokenMeta) {
  console.error('The kiosk core served no token: is dist/renderer built?');
  core.kill('SIGTERM');
  process.exit(1);
}

const { createServer } = await import('vite');
let vitePort = port;
const ownHosts = () => new Set([`127.0.0.1:${vitePort}`, `localhost:${vitePort}`]);
const ownOrigins = () => new Set([...ownHosts()].map((host) => `http://${host}`));

/** The same refusal the core gives, checked here because the proxy must name the core's origin. */
function refuse(response) {
  const body = JSON.stringify({
    ok: false,
    error: { code: 'forbidden', message: 'This kiosk only answers on its own address.' },
  });
  response.writeHead(403, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(body);
}

const vite = await createServer({
  configFile: path.join(root, 'vite.config.ts'),
  server: {
    host: '127.0.0.1',
    port,
    strictPort: true,
    cors: false,
    proxy: {
      '/api': {
        target: coreUrl,
        changeOrigin: true,
        configure(proxy) {
          proxy.on('proxyReq', (proxyRequest, request) => {
            if (request.headers.origin !== undefined) proxyRequest.setHeader('origin', coreUrl);
          });
        },
      },
    },
  },
  plugins: [
    {
      name: 'kiosk-dev-core',
      // Runs before Vite's own middlewares, the proxy among them.
      configureServer(server) {
        server.middlewares.use('/api', (request, response, next) => {
          const { origin, host } = request.headers;
          if (!ownHosts().has(host ?? '') || (origin !== undefined && !ownOrigins().has(origin)))
            return refuse(response);
          next();
        });
      },
      transformIndexHtml: (html) => html.replace('<head>', `<head>\n${tokenMeta}`),
    },
  ],
});
await vite.listen();
vitePort = vite.httpServer.address().port;
console.log(`Dev kiosk (hot reload) at http://127.0.0.1:${vitePort}/ against the core at ${coreUrl}/`);

const stop = () => {
  core.removeAllListeners('exit');
  core.kill('SIGTERM');
  void vite.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
