#!/usr/bin/env node
// The explorer of the list pages as a journalist on deadline uses it, in
// both languages, against the site's own full downloads:
//   - choose a province and a violation type on the cases list: only
//     matching records, and the counts beside the other values follow;
//   - set a date range; sort by number; reload and go back;
//   - download the selection as CSV and JSON: its rows are exactly the
//     full download's rows for the same filter, byte for byte in the CSV;
//   - the language switch keeps the filter; axe finds nothing at 1280 and
//     360 px with the explorer open;
//   - with JavaScript off, a facet page lists only its value's records and
//     says that the other counts are for the whole register.
// With MEASURE=1 it also prints the explorer's figures: bytes fetched and
// the time to apply a filter with the CPU slowed 4x, per register.
//
// Usage: node e2e/explore.js BASEURL OUTDIR
// Environment: CHROME_PATH (default /usr/bin/chromium), SCREENSHOTS
// (folder), MEASURE (1 to print the figures).
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { launch, check, run } = require('./checks');

const [base, outDir] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('usage: node e2e/explore.js BASEURL OUTDIR');
  process.exit(2);
}
const shots = process.env.SCREENSHOTS || '';
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const full = (ds, ext) => fs.readFileSync(path.join(outDir, 'downloads', `${ds}.${ext}`));
const sameSet = (a, b) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

// The CSV's records as written, without the CRLF that ends each.
function csvRecords(text) {
  const out = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      out.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  return out;
}

async function explorerIds(page) {
  return page.evaluate(() => window.__explore.ids());
}

async function openExplorer(page) {
  await page.click('button.x-open');
  await page.waitForSelector('form.explore #x-q');
}

// Ticks the box of a value and waits for the explorer to apply it.
async function tick(page, dim, value) {
  const details = `form.explore details:has(input[name="${dim}"])`;
  if (!(await page.$eval(details, (d) => d.open))) await page.click(`${details} > summary`);
  await page.check(`form.explore input[name="${dim}"][value="${value}"]`);
  await page.waitForFunction(([d, v]) => new URLSearchParams(location.search).get(d)?.split(',').includes(v), [dim, value]);
}

async function countOf(page, dim, value) {
  const t = await page.textContent(`label[for="${await page.getAttribute(`input[name="${dim}"][value="${value}"]`, 'id')}"] .count`);
  return parseInt(t.replace(/[^\d]/g, ''), 10) || 0;
}

async function axe(page, width, label) {
  await page.setViewportSize({ width, height: 900 });
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const res = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
  }, axeTags);
  check(res.length === 0, `${label}: axe finds no violation at ${width}px${res.length ? ': ' + res.join('; ') : ''}`);
  const over = await page.evaluate(() => document.documentElement.scrollWidth);
  check(over <= width, `${label}: no sideways scrolling at ${width}px (page is ${over}px wide)`);
}

async function journalist(browser, lang) {
  const prefix = lang === 'en' ? 'en/' : '';
  const json = JSON.parse(full('cases', 'json'));
  const recs = json.records;
  const csv = full('cases', 'csv').toString('utf8');
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const listURL = new URL(`${prefix}cases/`, base).href;
  await page.goto(listURL);
  await openExplorer(page);
  const L = `${lang} cases`;

  // The province with the most cases, then a violation type found there.
  const byRegion = {};
  for (const r of recs) byRegion[r.region] = (byRegion[r.region] || 0) + 1;
  const region = Object.keys(byRegion).sort((a, b) => byRegion[b] - byRegion[a] || (a < b ? -1 : 1))[0];
  await tick(page, 'region', region);
  const inRegion = recs.filter((r) => r.region === region);
  check(sameSet(await explorerIds(page), inRegion.map((r) => r.id)), `${L}: region ${region} selects its ${inRegion.length} records`);
  const types = {};
  for (const r of inRegion) for (const t of r.violation_types || []) types[t] = (types[t] || 0) + 1;
  const vt = Object.keys(types).sort((a, b) => types[b] - types[a])[0];
  check(await countOf(page, 'violation_types', vt) === types[vt], `${L}: the count beside violation type ${vt} follows the region (${types[vt]})`);
  await tick(page, 'violation_types', vt);
  const both = inRegion.filter((r) => (r.violation_types || []).includes(vt));
  check(sameSet(await explorerIds(page), both.map((r) => r.id)), `${L}: region and violation type together select ${both.length} records`);
  const shown = await page.$$eval('table.records tbody td:first-child', (tds) => tds.map((td) => td.textContent));
  check(shown.length === Math.min(50, both.length) && shown.every((id) => both.some((r) => r.id === id)), `${L}: the table shows only matching rows (${shown.length})`);
  // the regions' counts follow the violation type
  const other = Object.keys(byRegion).find((c) => c !== region);
  const otherN = recs.filter((r) => r.region === other && (r.violation_types || []).includes(vt)).length;
  check(await countOf(page, 'region', other) === otherN, `${L}: the count beside region ${other} follows the violation type (${otherN})`);
  const status = await page.textContent('p.summary[role=status]');
  check(status.includes(String(both.length)), `${L}: the live summary says ${both.length}: "${status.trim()}"`);

  // a date range on the closing date
  const dates = both.map((r) => r.closed_on).filter(Boolean).sort();
  const from = dates[0];
  const to = dates[Math.floor((dates.length - 1) / 2)];
  await page.fill('#x-from', from);
  await page.fill('#x-to', to);
  await page.waitForFunction(([f, t]) => location.search.includes('from=' + f) && location.search.includes('to=' + t), [from, to]);
  const ranged = both.filter((r) => r.closed_on >= from && r.closed_on <= to);
  check(sameSet(await explorerIds(page), ranged.map((r) => r.id)), `${L}: closed ${from} to ${to} leaves ${ranged.length} records`);

  // sort by number, then reload and go back
  await page.selectOption('#x-sort', 'id');
  await page.waitForFunction(() => location.search.includes('sort=id'));
  const sorted = await page.$$eval('table.records tbody td:first-child', (tds) => tds.map((td) => td.textContent));
  check(sorted.join() === [...sorted].sort().join() && sorted.length === Math.min(50, ranged.length), `${L}: sorted by number`);
  const th = await page.getAttribute('table.records th[aria-sort]', 'aria-sort');
  check(th === 'ascending', `${L}: the number column's heading says it sorts the table (aria-sort=${th})`);
  const address = page.url();
  await page.reload();
  await page.waitForFunction(() => window.__explore);
  check(page.url() === address && sameSet(await explorerIds(page), ranged.map((r) => r.id)), `${L}: a reload keeps the filter`);
  check(await page.isChecked(`input[name="region"][value="${region}"]`) && (await page.inputValue('#x-sort')) === 'id', `${L}: a reload keeps the boxes and the order`);
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('sort=id'));
  check(sameSet(await explorerIds(page), ranged.map((r) => r.id)) && (await page.inputValue('#x-sort')) === 'newest', `${L}: back undoes the sort only`);
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('to='));
  check(!(await page.inputValue('#x-to')), `${L}: back again undoes the end of the date range`);
  await page.goForward();
  await page.waitForFunction(() => location.search.includes('to='));

  // the language switch keeps the filter
  const sw = await page.getAttribute('a.lang-switch', 'href');
  check(sw.includes(`region=${region}`) && sw.includes(`violation_types=${vt}`) && sw.includes(lang === 'en' ? '/cases/?' : '/en/cases/?'), `${L}: the language switch keeps the filter (${sw})`);

  // download the selection
  for (const fmt of ['csv', 'json']) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`.x-download button[data-format=${fmt}]`)]);
    const name = dl.suggestedFilename();
    const body = fs.readFileSync(await dl.path());
    check(name.startsWith('cases_') && name.includes(region) && name.includes(vt) && name.endsWith(`_${json.release}.${fmt}`), `${L}: the ${fmt} file is named for the register, filter and release: ${name}`);
    if (fmt === 'csv') {
      const text = body.toString('utf8');
      const all = csvRecords(csv.slice(1));
      const want = [all[0], ...all.slice(1).filter((line) => ranged.some((r) => line.startsWith(r.id + ',') || line.startsWith(`"${r.id}",`)))];
      check(text.charCodeAt(0) === 0xfeff && text.slice(1) === want.join('\r\n') + '\r\n', `${L}: the CSV holds the full CSV's header and exactly its ${want.length - 1} matching lines, byte for byte`);
    } else {
      const got = JSON.parse(body.toString('utf8'));
      const want = ranged.map((r) => JSON.stringify(r)).sort();
      check(got.count === ranged.length && JSON.stringify(got.fields) === JSON.stringify(json.fields) && got.records.map((r) => JSON.stringify(r)).sort().join() === want.join(), `${L}: the JSON holds exactly the ${ranged.length} matching records of the full JSON`);
    }
  }

  // the text filter: a unit's name finds the records of that unit, in the
  // title or unit column, on either language's page
  await page.click('button.x-clear');
  const unit = recs[Math.floor(recs.length / 2)].unit;
  await page.fill('#x-q', unit);
  await page.waitForFunction((u) => new URLSearchParams(location.search).get('q') === u, unit);
  const withUnit = recs.filter((r) => [r.id, r.title, r.unit].some((v) => (v || '').includes(unit)));
  check(sameSet(await explorerIds(page), withUnit.map((r) => r.id)), `${L}: the text filter "${unit}" finds its ${withUnit.length} records`);

  await axe(page, 1280, `${L} explorer`);
  if (shots) await page.screenshot({ path: path.join(shots, `${lang}-explorer-1280.png`), fullPage: true });
  await axe(page, 360, `${L} explorer`);
  if (shots) await page.screenshot({ path: path.join(shots, `${lang}-explorer-360.png`), fullPage: true });
  check(errors.length === 0, `${L}: no script errors${errors.length ? ': ' + errors.join('; ') : ''}`);
  await context.close();
  return { region, vt };
}

async function noScript(browser, lang, region) {
  const prefix = lang === 'en' ? 'en/' : '';
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL(`${prefix}cases/region/${region}/`, base).href);
  const recs = JSON.parse(full('cases', 'json')).records.filter((r) => r.region === region);
  const ids = await page.$$eval('table.records tbody td:first-child', (tds) => tds.map((td) => td.textContent));
  check(ids.length === Math.min(50, recs.length) && ids.every((id) => recs.some((r) => r.id === id)), `${lang} without JavaScript: the region page lists only its ${recs.length} records`);
  check(await page.$('.facet-note') !== null, `${lang} without JavaScript: the facet page says the other counts are for the whole register`);
  check(await page.$('form.explore') === null && await page.$('a[href*="/cases/region/"]') !== null, `${lang} without JavaScript: the panel is links to single-filter pages`);
  await context.close();
}

// The figures of the explorer per register: bytes fetched (as a host
// serving gzip sends them) and the time to apply a filter with the CPU
// slowed 4x.
async function measure(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const ds of ['committees', 'activities', 'cases', 'reports']) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(new URL(`${ds}/`, base).href);
    const file = await page.getAttribute('nav.list-filters', 'data-explore');
    const bytes = fs.readFileSync(path.join(outDir, decodeURI(new URL(file, base).pathname).slice(new URL(base).pathname.length)));
    const gz = zlib.gzipSync(bytes, { level: 6 }).length;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const t0 = Date.now();
    await openExplorer(page);
    const ready = Date.now() - t0;
    const times = [];
    await page.$$eval('form.explore details', (ds) => ds.forEach((d) => { d.open = true; }));
    const boxes = await page.$$('form.explore input[type=checkbox]');
    for (const b of boxes.slice(0, 6)) {
      await b.check();
      times.push(await page.evaluate(() => window.__explore.ms));
      await b.uncheck();
      times.push(await page.evaluate(() => window.__explore.ms));
    }
    times.sort((a, b) => a - b);
    const n = await page.evaluate(() => window.__explore.matched);
    console.log(`measure ${ds}: ${n} records, data ${bytes.length} bytes (${gz} gzip), open ${ready} ms, filter change median ${times[times.length >> 1].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms (CPU 4x slower)`);
    await page.close();
  }
  await context.close();
}

async function main() {
  const browser = await launch();
  try {
    if (process.env.MEASURE === '1') {
      await measure(browser);
      return;
    }
    if (shots) fs.mkdirSync(shots, { recursive: true });
    for (const lang of ['zh', 'en']) {
      const { region } = await journalist(browser, lang);
      await noScript(browser, lang, region);
    }
  } finally {
    await browser.close();
  }
}

run(main);
