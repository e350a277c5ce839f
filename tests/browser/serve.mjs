// A plain static server for the browser suite: serves one built site folder
// on 127.0.0.1 as a web host would, and nothing else.
//
//   node serve.mjs <folder>
//
// It prints its address (http://127.0.0.1:PORT/) as the first line of stdout,
// on a port the system picks, and runs until it is killed. A path ending in /
// serves that folder's index.html; a path that names no file gets the site's
// own 404.html with status 404, at the address asked for, as static hosts
// (GitHub Pages, GitLab Pages, Netlify) do. It injects nothing, unlike
// `helder serve`, whose preview adds its reload script to every page.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const root = resolve(process.argv[2] ?? '');
if (!process.argv[2] || !(await stat(root).catch(() => null))?.isDirectory()) {
  console.error(`usage: node serve.mjs <folder>  (not a folder: ${process.argv[2] ?? ''})`);
  process.exit(2);
}

// The file a URL path names inside the root, or null for a path that climbs
// out of it or names no file.
async function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  let file = resolve(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    // A folder without a trailing slash would break the page's relative
    // links; hosts redirect, and so do we (below), so only "/" reaches here.
    if (!path.endsWith('/')) return { redirect: path + '/' };
    file = join(file, 'index.html');
    return (await stat(file).catch(() => null))?.isFile() ? { file } : null;
  }
  return info?.isFile() ? { file } : null;
}

const server = createServer(async (req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  const found = req.method === 'GET' || req.method === 'HEAD' ? await fileFor(pathname) : null;
  if (found?.redirect) {
    res.writeHead(301, { Location: found.redirect });
    res.end();
    return;
  }
  const [status, file] = found ? [200, found.file] : [404, join(root, '404.html')];
  const body = await readFile(file).catch(() => Buffer.from('not found\n'));
  res.writeHead(status, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
});

server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/`);
});

// Killed by run.sh when the audit is done; nothing is left to flush.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
