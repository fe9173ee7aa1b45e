#!/usr/bin/env node
// The main menu as visitors meet it, in both languages: one row at 1280 px
// (where the register tables fit beside their filters too);
// at 390 px a menu button that opens and closes the list (and, without
// JavaScript, the list itself, every link reachable); the current section
// marked with aria-current on its pages.
//
// Usage: node e2e/nav.js BASEURL
// Environment: CHROME_PATH (default /usr/bin/chromium).
'use strict';

const { launch, check, run } = require('./checks');

const base = process.argv[2];
if (!base) {
  console.error('usage: node e2e/nav.js BASEURL');
  process.exit(2);
}


// page → the menu link that must be marked, and how
const pages = [
  { rel: '', current: '', how: 'page' },
  { rel: 'cases/', current: 'cases/', how: 'page' },
  { rel: 'data/', current: 'data/', how: 'page' },
  { rel: 'about/', current: 'about/', how: 'page' },
  { rel: 'education/principles/', current: 'education/', how: 'true' },
];

async function main() {
  const browser = await launch();
  const basePath = new URL(base).pathname;
  for (const prefix of ['', 'en/']) {
    const lang = prefix ? 'en' : 'zh';
    const wide = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const p of pages) {
      await wide.goto(new URL(prefix + p.rel, base).href);
      const rows = await wide.$$eval('nav.site-nav li', (lis) => new Set(lis.map((li) => li.getBoundingClientRect().top)).size);
      const marked = await wide.$$eval('nav.site-nav a[aria-current]', (as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')]));
      const want = basePath + prefix + p.current;
      check(rows === 1, `${lang} /${prefix}${p.rel} at 1280 px: the menu is one row (${rows})`);
      check(marked.length === 1 && marked[0][0] === want && marked[0][1] === p.how,
        `${lang} /${prefix}${p.rel}: the menu marks ${want} as ${p.how} (${JSON.stringify(marked)})`);
    }
    // the list tables fit beside the filter panel: nothing to scroll
    for (const list of ['committees', 'activities', 'cases', 'reports']) {
      await wide.goto(new URL(`${prefix}${list}/`, base).href);
      const [sw, cw] = await wide.$eval('.list-main .table-wrap', (w) => [w.scrollWidth, w.clientWidth]);
      check(sw <= cw + 1, `${lang} /${prefix}${list}/ at 1280 px: the table fits (${sw} of ${cw} px)`);
    }
    await wide.close();

    const phone = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await phone.goto(new URL(prefix + 'cases/', base).href);
    const button = await phone.$('button.menu-button');
    check(button !== null && (await button.getAttribute('aria-expanded')) === 'false' && !(await phone.isVisible('#site-menu')),
      `${lang} at 390 px: a menu button, the menu closed`);
    if (button) {
      await button.click();
      const links = await phone.$$eval('#site-menu a', (as) => as.filter((a) => a.getBoundingClientRect().width > 0).length);
      check((await button.getAttribute('aria-expanded')) === 'true' && links >= 8, `${lang} at 390 px: the button opens the menu (${links} links)`);
      await button.click();
      check(!(await phone.isVisible('#site-menu')), `${lang} at 390 px: and closes it`);
    }
    await phone.close();

    const ctx = await browser.newContext({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false });
    const plain = await ctx.newPage();
    await plain.goto(new URL(prefix + 'cases/', base).href);
    const visible = await plain.$$eval('#site-menu a', (as) => as.filter((a) => {
      const r = a.getBoundingClientRect();
      return r.width > 0 && r.right <= window.innerWidth;
    }).length);
    const total = await plain.$$eval('#site-menu a', (as) => as.length);
    const wideBy = await plain.evaluate(() => document.documentElement.scrollWidth);
    check(visible === total && wideBy <= 390, `${lang} at 390 px without JavaScript: every menu link is on screen (${visible}/${total}), nothing scrolls sideways`);
    await ctx.close();
  }
  await browser.close();
}

run(main);
