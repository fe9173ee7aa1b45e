#!/usr/bin/env node
// Runs Lighthouse on a few pages of a served site and fails when the
// accessibility, best-practices or SEO score of any of them is below the
// bar. Performance is left out: on shared machines it measures the machine.
// Prints every score and, for a low one, the audits that cost points.
//
// Usage: node e2e/lighthouse.js REPORTDIR URL...
// Environment: CHROME_PATH (default /usr/bin/chromium), LH_MIN (default 95).
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const [reportDir, ...urls] = process.argv.slice(2);
if (!reportDir || !urls.length) {
  console.error('usage: node e2e/lighthouse.js REPORTDIR URL...');
  process.exit(2);
}
const min = Number(process.env.LH_MIN || 95);
const categories = ['accessibility', 'best-practices', 'seo'];
const cli = path.join(__dirname, 'node_modules', 'lighthouse', 'cli', 'index.js');
const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' };
const chromeFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
].join(' ');

fs.mkdirSync(reportDir, { recursive: true });
let failed = false;
urls.forEach((url, i) => {
  const out = path.join(reportDir, `lighthouse-${i + 1}`);
  const r = spawnSync(process.execPath, [
    cli, url, '--quiet', `--only-categories=${categories.join(',')}`,
    '--output=json', '--output=html', `--output-path=${out}`,
    `--chrome-flags=${chromeFlags}`, '--max-wait-for-load=30000',
  ], { env, encoding: 'utf8' });
  let report;
  try {
    report = JSON.parse(fs.readFileSync(out + '.report.json', 'utf8'));
  } catch {
    console.log(`FAIL ${url}: lighthouse did not report (exit ${r.status})\n${r.stderr || ''}`);
    failed = true;
    return;
  }
  if (report.runtimeError) {
    console.log(`FAIL ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
    failed = true;
    return;
  }
  const scores = categories.map((c) => {
    const s = report.categories[c] && report.categories[c].score;
    return { c, score: s == null ? 0 : Math.round(s * 100) };
  });
  const low = scores.filter((s) => s.score < min);
  console.log(`${low.length ? 'FAIL' : 'ok  '} ${scores.map((s) => `${s.c} ${s.score}`).join('  ')}  ${url}`);
  for (const s of low) {
    failed = true;
    for (const ref of report.categories[s.c].auditRefs) {
      const a = report.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) {
        const items = (a.details && a.details.items) || [];
        const first = items.slice(0, 3).map((it) => (it.node && (it.node.selector || it.node.snippet)) || it.url || it.source || '').filter(Boolean);
        console.log(`       - ${s.c}: ${a.id}: ${a.title}${first.length ? ': ' + first.join(' | ') : ''}`);
      }
    }
  }
});
console.log(`reports in ${reportDir}`);
process.exit(failed ? 1 : 0);
