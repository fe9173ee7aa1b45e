// What the browser scripts of .ci/e2e share: Chromium launched the same
// way, and checks that print "ok" or "FAIL" a line each and make the
// script exit 1 when any failed.
'use strict';

const { chromium } = require('playwright-core');

// launch starts the Chromium of CHROME_PATH (default /usr/bin/chromium).
function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

let failures = 0;

// check prints what was checked and whether it held; it returns ok.
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
  return ok;
}

// run runs main, then exits 1 if it threw or any check failed.
function run(main) {
  main().then(() => {
    if (failures) {
      console.log(`${failures} check(s) failed`);
      process.exit(1);
    }
  }, (e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { launch, check, run };
