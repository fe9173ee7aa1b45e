#!/usr/bin/env node
// Browser check of the site search: node e2e/search-check.js http://127.0.0.1:PORT/
// (the site root, with a trailing path if the site lives under one).
// Types queries into the search page and the header box and checks that
// results link to record pages; checks the page without JavaScript. Exits
// 1 on any failure. Chromium: $CHROMIUM or /usr/bin/chromium.
"use strict";
const { chromium } = require("playwright-core");

const base = (process.argv[2] || "").replace(/\/?$/, "/");
if (!/^https?:\/\//.test(base)) {
  console.error("usage: node e2e/search-check.js http://127.0.0.1:PORT/");
  process.exit(2);
}
const zhQuery = process.env.SEARCH_ZH || "脑机";
const enQuery = process.env.SEARCH_EN || "brain-computer";

const failures = [];
function check(ok, what) {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (!ok) failures.push(what);
}

async function resultsFor(page, url, query) {
  await page.goto(url);
  await page.fill("#search-q", query);
  await Promise.all([page.waitForURL(/[?&]q=/), page.press("#search-q", "Enter")]);
  await page.waitForFunction(() => document.querySelector(".search-hits li") ||
    /没有|Nothing|至少|at least|无法|not available/.test(document.querySelector(".search-status").textContent), null, { timeout: 10000 });
  return page.evaluate(() => ({
    status: document.querySelector(".search-status").textContent,
    bytes: Number(document.querySelector("#search-results").dataset.bytes || 0),
    hits: [...document.querySelectorAll(".search-hits li")].map((li) => ({
      href: li.querySelector("a").getAttribute("href"), text: li.querySelector("a").textContent,
      meta: (li.querySelector(".search-meta") || {}).textContent || "",
      context: (li.querySelector(".search-context") || {}).textContent || "",
      marked: [...li.querySelectorAll("mark")].map((m) => m.textContent),
    })),
  }));
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // The index files must all load; other 404s (a favicon) are not ours.
    page.on("response", (r) => { if (r.status() >= 400 && /\/search\//.test(r.url())) errors.push(r.status() + " " + r.url()); });
    const root = new URL(base).pathname;

    const zh = await resultsFor(page, base + "search/", zhQuery);
    check(zh.hits.length > 0, `zh: ${zhQuery} finds results (${zh.status.trim()}; ${zh.bytes} bytes)`);
    check(zh.hits.some((h) => h.href.startsWith(root + "activities/") && h.text.includes(zhQuery)),
      `zh: a result links to an activity page whose title contains ${zhQuery}`);
    // Records may share a title: a record result shows its register, its
    // id and its date.
    const rec = zh.hits.find((h) => h.href.startsWith(root + "activities/"));
    const parts = rec ? rec.meta.split(" · ") : [];
    check(parts.length === 3 && parts[1] !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(parts[1]),
      `zh: a record result shows its register, id and date (${rec ? rec.meta : "none"})`);
    if (zh.hits.length === 20 && await page.locator(".search-more").count()) {
      await page.click(".search-more");
      await page.waitForFunction(() => document.querySelectorAll(".search-hits li").length > 20);
      const focused = await page.evaluate(() => document.activeElement === document.querySelectorAll(".search-hits li a")[20]);
      check(focused, "zh: \"more\" adds results and moves focus to the first new one");
    }
    if (zh.hits[0]) {
      await Promise.all([page.waitForURL((u) => u.pathname === zh.hits[0].href), page.click(".search-hits li a")]);
      check((await page.title()).length > 0, `zh: the first result opens ${zh.hits[0].href}`);
    }

    const en = await resultsFor(page, base + "en/search/", enQuery);
    check(en.hits.length > 0, `en: ${enQuery} finds results (${en.status.trim()}; ${en.bytes} bytes)`);
    check(en.hits.some((h) => h.href.startsWith(root + "en/activities/")), "en: a result links to an English activity page");

    // Both languages find the Chinese records by either language's words:
    // the glossary (hospital/医院) and the city names (Hefei/合肥).
    for (const [lang, q, needle] of [["zh", "医院", "医院"], ["en", "hospital", "医院"], ["zh", "合肥", "合肥"], ["en", "Hefei", "合肥"]]) {
      const r = await resultsFor(page, base + (lang === "en" ? "en/" : "") + "search/", q);
      const recs = r.hits.filter((h) => !/\/(about|education|data|methodology)\//.test(h.href));
      check(recs.length > 0 && recs.some((h) => h.text.includes(needle) || h.context.includes(needle)),
        `${lang}: ${q} finds records of ${needle} (${r.status.trim()})`);
      if (lang === "zh") {
        check(recs.some((h) => h.marked.includes(q)), `${lang}: the hits mark ${q}`);
      }
    }
    // A hit shows its unit and region.
    const ctx = await resultsFor(page, base + "en/search/", "hospital");
    check(ctx.hits.some((h) => / · [A-Z][a-z]+/.test(h.context)), `en: a hit shows its unit and region (${(ctx.hits[0] || {}).context})`);
    // Narrowing by register, then year; the address keeps it, and the
    // language switch keeps the query and the narrowing.
    const regs = await page.locator(".search-filters [role=group]").first().locator("button");
    if (await regs.count() > 2) {
      const label = await regs.nth(1).textContent();
      const want = Number((label.match(/\((\d[\d,]*)\)/) || [0, "0"])[1].replace(/,/g, ""));
      await regs.nth(1).click();
      await page.waitForFunction(() => /[?&]in=/.test(location.search));
      const status = await page.textContent(".search-status");
      check(status.includes(String(want)) && (await regs.nth(1).getAttribute("aria-pressed")) === "true", `en: narrowing to ${label.trim()} shows its ${want} hits (${status.trim()})`);
      const sw = await page.getAttribute("a.lang-switch", "href");
      check(/[?&]q=hospital/.test(sw) && /[?&]in=/.test(sw), `en: the language switch keeps the query and the narrowing (${sw})`);
      await Promise.all([page.waitForURL(/\/search\/\?/), page.click("a.lang-switch")]);
      await page.waitForSelector(".search-hits li, .search-status");
      await page.waitForFunction(() => document.querySelector(".search-hits li"));
      check(new URL(page.url()).pathname === root + "search/" && (await page.inputValue("#search-q")) === "hospital", `switching to Chinese keeps the query (${page.url()})`);
    } else {
      check(false, "en: hospital finds records of several registers to narrow");
    }

    const short = await resultsFor(page, base + "search/", "脑");
    check(short.hits.length === 0 && /两个|two/.test(short.status), `zh: a single character asks for more (${short.status.trim()})`);

    await page.goto(base);
    await page.fill("#header-q", zhQuery);
    await Promise.all([page.waitForURL(/search\/\?q=/), page.press("#header-q", "Enter")]);
    await page.waitForSelector(".search-hits li a", { timeout: 10000 });
    check(true, "header box: searching from the home page shows results");
    check(errors.length === 0, "no script errors and no missing index files" + (errors.length ? ": " + errors.join("; ") : ""));

    const nojs = await browser.newContext({ javaScriptEnabled: false });
    const p2 = await nojs.newPage();
    await p2.goto(base + "search/?q=" + encodeURIComponent(zhQuery));
    const msg = await p2.locator(".search-nojs").isVisible();
    const lists = await p2.locator("ul.links a").count();
    check(msg && lists > 0, `without JavaScript the page explains and links to ${lists} list pages`);
    await nojs.close();
  } catch (e) {
    failures.push(String(e));
    console.error(e);
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error(`${failures.length} search check(s) failed`);
    process.exit(1);
  }
  console.log("search checks passed");
})();
