// Serves a built folder through nginx, configured the way a CDN serves the site.
// Used by `make preview` (tools/preview.sh) and by every end-to-end test.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// The nginx configuration for `root` on `port`, with all state kept in `workDir`.
function nginxConfig({ root, port, workDir, publicUrl = '/' }) {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const user = process.getuid && process.getuid() === 0 ? 'user root;' : '';
  return `
${user}
worker_processes 1;
daemon off;
pid ${workDir}/nginx.pid;
error_log ${workDir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  client_body_temp_path ${workDir}/body;
  proxy_temp_path ${workDir}/proxy;
  fastcgi_temp_path ${workDir}/fastcgi;
  uwsgi_temp_path ${workDir}/uwsgi;
  scgi_temp_path ${workDir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location ${base} {
      alias ${root}/;
      try_files $uri $uri/ ${base}index.html;
    }
  }
}
`;
}

// Starts nginx serving `root`; resolves to { url, port, stop() }.
async function startPreview({ root, publicUrl = '/', port } = {}) {
  const absRoot = path.resolve(root);
  if (!fs.existsSync(path.join(absRoot, 'index.html'))) {
    throw new Error(`no index.html in ${absRoot}: run \`make build\` first`);
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidende-nginx-'));
  const listenPort = port || (await freePort());
  const conf = path.join(workDir, 'nginx.conf');
  fs.writeFileSync(conf, nginxConfig({ root: absRoot, port: listenPort, workDir, publicUrl }));
  execFileSync('nginx', ['-t', '-q', '-c', conf, '-p', workDir], { stdio: 'inherit' });
  const child = spawn('nginx', ['-c', conf, '-p', workDir], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${listenPort}`;
  for (let i = 0; i < 100; i++) {
    try {
      await new Promise((resolve, reject) => {
        const s = net.connect(listenPort, '127.0.0.1', () => { s.end(); resolve(); });
        s.on('error', reject);
      });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    port: listenPort,
    workDir,
    stop() {
      child.kill('SIGQUIT');
    },
  };
}

module.exports = { startPreview, nginxConfig };
