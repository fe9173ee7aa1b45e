#!/usr/bin/env node
// Record history across two releases, as a reader meets it: the second
// release (built a day later from the same workbooks, given the first
// release's manifest) dates a record first published in the first release
// by that release, in both languages; its data page says near the top what
// changed since the first release and links to the list; and every record
// the second release lists as changed or added links from its page to its
// entry there.
//
// Usage: node e2e/history.js BASEURL OUTDIR FIRST_RELEASE
// BASEURL serves OUTDIR, the second release.
'use strict';

const fs = require('fs');
const path = require('path');
const { launch, check, run } = require('./checks');

const [base, outDir, first] = process.argv.slice(2);
if (!base || !outDir || !first) {
  console.error('usage: node e2e/history.js BASEURL OUTDIR FIRST_RELEASE');
  process.exit(2);
}

async function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'downloads', 'manifest.json'), 'utf8'));
  const release = manifest.release;
  const kept = manifest.records.find((r) => r.first === first && r.changed === first);
  const moved = manifest.records.find((r) => r.changed === release);
  const browser = await launch();
  const page = await browser.newPage();
  try {
    check(kept !== undefined, `the second release (${release}) keeps records of the first (${first}) unchanged`);
    if (kept) {
      for (const [prefix, want] of [['', `首次公开于 ${first}`], ['en/', `First published ${first}`]]) {
        await page.goto(new URL(`${prefix}${kept.dataset}/${kept.slug}/`, base).href);
        const text = (await page.textContent('p.history')) || '';
        check(text.trim() === want, `${prefix || 'zh/'}${kept.dataset}/${kept.slug}: "${text.trim()}"`);
      }
    }
    await page.goto(new URL('en/data/', base).href);
    const note = (await page.textContent('p.release-note')) || '';
    check(note.includes(`since the release of ${first}`), `the data page says what changed since ${first}: "${note.trim()}"`);
    check(moved !== undefined, `the second release changed or added a record (${moved ? moved.dataset + '/' + moved.id : 'none'})`);
    if (moved) {
      await page.goto(new URL(`en/${moved.dataset}/${moved.slug}/`, base).href);
      const link = await page.$('p.history a');
      check(link !== null, `${moved.dataset}/${moved.slug}, changed in ${release}, links to its entry in the changelog`);
      if (link) {
        await link.click();
        await page.waitForURL(/\/data\/#change-/);
        const target = await page.evaluate(() => {
          const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
          return el ? el.textContent : null;
        });
        check(target !== null && target.includes(moved.id), `the entry is there: "${(target || '').trim().slice(0, 80)}"`);
      }
    }
  } finally {
    await browser.close();
  }
}

run(main);
