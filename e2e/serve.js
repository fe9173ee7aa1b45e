#!/usr/bin/env node
// Serves a built site the way a plain static web host does, so the browser
// checks see what visitors see: a folder answers with its index.html, a
// folder without its trailing slash is redirected, and a missing page
// answers 404 with the site's own 404.html (the English one under /en/).
//
// Usage: node e2e/serve.js DIR PORT [PREFIX]
// PREFIX (default "/") is the URL path DIR is published under, e.g. /ethics/
// to prove the site works below a sub-path; anything outside it is a 404.
'use strict';

const http = require('http');
const fs = require('fs');
const path = require('path');

const [dir, port, prefixArg = '/'] = process.argv.slice(2);
if (!dir || !port) {
  console.error('usage: node serve.js DIR PORT [PREFIX]');
  process.exit(2);
}
const root = path.resolve(dir);
const prefix = ('/' + prefixArg + '/').replace(/\/+/g, '/');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function send(res, status, file, headOnly) {
  const type = types[path.extname(file).toLowerCase()] || 'application/octet-stream';
  const body = fs.readFileSync(file);
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': body.length,
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(headOnly ? undefined : body);
}

function notFound(res, rel, headOnly) {
  const en = rel === 'en' || rel.startsWith('en/');
  const page = path.join(root, en ? 'en/404.html' : '404.html');
  if (fs.existsSync(page)) return send(res, 404, page, headOnly);
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('not found');
}

http.createServer((req, res) => {
  const headOnly = req.method === 'HEAD';
  if (req.method !== 'GET' && !headOnly) {
    res.writeHead(405);
    return res.end();
  }
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    res.writeHead(400);
    return res.end();
  }
  if (urlPath + '/' === prefix) {
    res.writeHead(301, { Location: prefix });
    return res.end();
  }
  if (!urlPath.startsWith(prefix)) return notFound(res, '', headOnly);
  const rel = urlPath.slice(prefix.length);
  const file = path.join(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) return notFound(res, '', headOnly);
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return notFound(res, rel, headOnly);
  }
  if (stat.isDirectory()) {
    if (!urlPath.endsWith('/')) {
      const q = req.url.indexOf('?');
      res.writeHead(301, { Location: encodeURI(urlPath + '/') + (q >= 0 ? req.url.slice(q) : '') });
      return res.end();
    }
    const index = path.join(file, 'index.html');
    if (!fs.existsSync(index)) return notFound(res, rel, headOnly);
    return send(res, 200, index, headOnly);
  }
  return send(res, 200, file, headOnly);
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${prefix}`);
});
