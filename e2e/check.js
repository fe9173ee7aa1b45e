#!/usr/bin/env node
// Visits every kind of page of a built and served site in both languages in
// a real browser and fails on what a visitor would meet: accessibility
// violations (axe-core, WCAG 2.0/2.1 A and AA), console errors, failed or
// off-site requests, a wrong <html lang>, sideways scrolling on a 360 px
// phone, and pages that are missing. Screenshots at 1280 and 390 px go to
// .ci/artifacts/screenshots/ for a person to look at.
//
// Usage: node e2e/check.js BASEURL OUTDIR
// BASEURL is where OUTDIR is served, e.g. http://127.0.0.1:18430/.
// Environment: CHROME_PATH (default /usr/bin/chromium), SCREENSHOTS (folder).
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { chromium } = require('playwright-core');

const [baseArg, outDir] = process.argv.slice(2);
if (!baseArg || !outDir) {
  console.error('usage: node e2e/check.js BASEURL OUTDIR');
  process.exit(2);
}
const base = new URL(baseArg.endsWith('/') ? baseArg : baseArg + '/');
const shotDir = process.env.SCREENSHOTS || path.join(__dirname, '..', '.ci', 'artifacts', 'screenshots');
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const lists = ['committees', 'activities', 'cases', 'reports'];
const langs = [
  { code: 'zh', prefix: '', htmlLang: 'zh-CN', query: '脑机' },
  { code: 'en', prefix: 'en/', htmlLang: 'en', query: 'brain' },
];
// The flags Chromium needs on a machine without a network; see TOOLS.md.
const chromeArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const url = (rel) => new URL(rel, base).href;
const results = [];

function fail(result, msg) {
  result.problems.push(msg);
}

function clip(s, n = 160) {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > n ? s.slice(0, n) + '…' : s;
}

// Links in <main> of the page at rel whose path (below the site's base)
// matches re; pages are discovered rather than guessed so that the check
// follows the site as it grows.
async function discover(context, rel, re, selector = 'main a[href]') {
  const page = await context.newPage();
  try {
    const resp = await page.goto(url(rel), { waitUntil: 'domcontentloaded' });
    if (!resp || resp.status() !== 200) return [];
    const hrefs = await page.$$eval(selector, (as) => as.map((a) => a.href));
    const out = [];
    for (const h of hrefs) {
      const u = new URL(h);
      if (u.origin !== base.origin || !u.pathname.startsWith(base.pathname)) continue;
      const p = decodeURI(u.pathname.slice(base.pathname.length));
      if (re.test(p) && !out.includes(p)) out.push(p);
    }
    return out;
  } finally {
    await page.close();
  }
}

async function checkPage(context, spec) {
  const result = { name: spec.name, url: url(spec.rel), problems: [] };
  results.push(result);
  const page = await context.newPage();
  const external = [];
  const failed = [];
  const consoleErrors = [];
  const target = result.url;
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '127.0.0.1') {
      external.push(u.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium logs the 404 status of the page itself; that one is expected
    // on the not-found page and reported as a status everywhere else.
    const loc = msg.location() && msg.location().url;
    if (/status of 404/.test(msg.text()) && loc === target) return;
    consoleErrors.push(msg.text() + (loc ? ` (${loc})` : ''));
  });
  page.on('pageerror', (err) => consoleErrors.push('uncaught: ' + err.message));
  page.on('requestfailed', (req) => {
    const reason = req.failure() ? req.failure().errorText : 'failed';
    if (reason.includes('BLOCKED_BY_CLIENT')) return;
    failed.push(`${req.url()} (${reason})`);
  });
  page.on('response', (resp) => {
    if (resp.url() === target) return;
    if (resp.status() >= 400) failed.push(`${resp.url()} (HTTP ${resp.status()})`);
  });

  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    const resp = await page.goto(target, { waitUntil: 'load' });
    const status = resp ? resp.status() : 0;
    const want = spec.status || 200;
    if (status !== want) {
      fail(result, `HTTP ${status}, want ${want}${status === 404 ? ' (page does not exist)' : ''}`);
    }
    // Let scripts that fill the page after load (search results) finish.
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});

    const lang = await page.evaluate(() => document.documentElement.getAttribute('lang'));
    if (lang !== spec.htmlLang) fail(result, `<html lang="${lang}">, want "${spec.htmlLang}"`);

    await runAxe(page, result, '1280px');
    fs.mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: path.join(shotDir, `${spec.file}-1280.png`), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shotDir, `${spec.file}-390.png`), fullPage: true });

    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => {
      const doc = document.documentElement;
      const width = doc.clientWidth;
      if (doc.scrollWidth <= width) return null;
      // Name the widest elements that stick out, to say what to fix.
      const culprits = [];
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) {
          let inScroller = false;
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const ox = getComputedStyle(p).overflowX;
            if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') { inScroller = true; break; }
          }
          if (!inScroller) culprits.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''} (right ${Math.round(r.right)}px)`);
        }
      }
      return { scrollWidth: doc.scrollWidth, width, culprits: culprits.slice(0, 5) };
    });
    if (overflow) {
      fail(result, `scrolls sideways at 360px: page is ${overflow.scrollWidth}px wide; ${overflow.culprits.join(', ')}`);
    }
    await runAxe(page, result, '360px');
  } catch (err) {
    fail(result, 'error: ' + clip(err.message, 300));
  } finally {
    await page.close();
  }
  for (const e of consoleErrors) fail(result, 'console error: ' + clip(e, 300));
  for (const f of new Set(failed)) fail(result, 'failed request: ' + f);
  for (const x of new Set(external)) fail(result, 'request to another host: ' + x);
  return result;
}

async function runAxe(page, result, width) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const res = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, axeTags);
  for (const v of res) {
    const nodes = v.nodes.slice(0, 3).map((n) => `${n.target} ${clip(n.html, 120)}`).join(' | ');
    const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
    const key = `axe ${v.id}`;
    // The same violation at both widths is one problem.
    if (result.problems.some((p) => p.startsWith(key + ' ') && p.includes(nodes))) continue;
    fail(result, `${key} [${v.impact}] at ${width}: ${v.help}: ${nodes}${more}`);
  }
}

async function main() {
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const specs = [];
  const warnings = [];
  for (const l of langs) {
    const add = (name, rel, extra = {}) =>
      specs.push({ name: `${l.code} ${name}`, rel: l.prefix + rel, htmlLang: l.htmlLang, file: `${l.code}-${name.replace(/[^a-z0-9]+/gi, '-')}`, ...extra });
    add('home', '');
    for (const list of lists) add(list, `${list}/`);

    // A filtered list: the first facet link in the activities list's filter
    // panel (then the other lists'), e.g. /activities/region/110000/.
    let facet = null;
    for (const list of ['activities', ...lists.filter((x) => x !== 'activities')]) {
      const listRel = `${l.prefix}${list}/`;
      const found = await discover(context, listRel, new RegExp(`^${listRel}(?!page/)[^/]+/[^/]+/$`));
      if (found.length) { facet = found[0]; break; }
    }
    if (facet) specs.push({ name: `${l.code} filtered list`, rel: facet, htmlLang: l.htmlLang, file: `${l.code}-filtered-list` });
    else warnings.push(`${l.code}: no filter link on the list pages; filtered list not checked`);

    for (const list of lists) {
      const listRel = `${l.prefix}${list}/`;
      const found = await discover(context, listRel, new RegExp(`^${listRel}(?!page/)[^/]+/$`), 'main table a[href]');
      if (found.length) specs.push({ name: `${l.code} ${list} record`, rel: found[0], htmlLang: l.htmlLang, file: `${l.code}-${list}-record` });
      else specs.push({ name: `${l.code} ${list} record`, rel: listRel, htmlLang: l.htmlLang, file: `${l.code}-${list}-record`, noRecord: true });
    }
    add('statistics', 'statistics/');
    add('education', 'education/');
    const tcRel = `${l.prefix}education/typical-cases/`;
    add('typical cases', 'education/typical-cases/');
    const cases = await discover(context, tcRel, new RegExp(`^(${tcRel}[^/]+/|${l.prefix}cases/(?!page/)[^/]+/)$`));
    if (cases.length) specs.push({ name: `${l.code} typical case`, rel: cases[0], htmlLang: l.htmlLang, file: `${l.code}-typical-case` });
    else warnings.push(`${l.code}: ${tcRel} lists no case; typical case not checked`);
    add('data', 'data/');
    add('about', 'about/');
    add('search', `search/?q=${encodeURIComponent(l.query)}`);
    add('not found', 'no-such-page-e2e/', { status: 404 });
  }

  for (const spec of specs) {
    const r = await checkPage(context, spec);
    if (spec.noRecord) fail(r, 'no record link on the list page');
    console.log(`${r.problems.length ? 'FAIL' : 'ok  '} ${r.name.padEnd(24)} ${r.url}`);
    for (const p of r.problems) console.log(`       - ${p}`);
  }
  await browser.close();

  for (const w of warnings) console.log(`warning: ${w}`);

  // Search is checked in depth by its own script when the site has one.
  const searchCheck = path.join(__dirname, 'search-check.js');
  let searchFailed = false;
  if (fs.existsSync(searchCheck)) {
    console.log('== search-check.js');
    const r = spawnSync(process.execPath, [searchCheck, base.href, outDir], { stdio: 'inherit', env: process.env });
    searchFailed = r.status !== 0;
    if (searchFailed) console.log(`search-check.js failed (exit ${r.status})`);
  } else {
    console.log('warning: e2e/search-check.js not present; search checked only as a page');
  }

  const bad = results.filter((r) => r.problems.length);
  console.log(`${results.length - bad.length}/${results.length} pages pass; screenshots in ${path.relative(process.cwd(), shotDir) || '.'}`);
  if (bad.length || searchFailed) {
    if (bad.length) console.log('failing: ' + bad.map((r) => r.name).join(', '));
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
