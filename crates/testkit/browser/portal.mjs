// The client portal in a real browser: Debian's chromium driven by playwright-core
// (never a downloaded browser). The Rust test (tests/tests/api/portal_browser.rs)
// starts Atrium, prepares the links and passes them in the environment:
//   PORTAL_BASE, PORTAL_GOOD_URL, PORTAL_EXPIRED_URL, PORTAL_REVOKED_URL, PORTAL_SHOTS
// Every page is screenshotted into PORTAL_SHOTS. Exits non-zero on the first failed check.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const shots = env('PORTAL_SHOTS');
mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'atrium-portal-chromium-'));
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function check(ok, what) {
  if (!ok) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: flags,
  viewport: { width: 1024, height: 768 },
});
try {
  const page = await context.newPage();
  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  // Magic link → sign-in page (a GET does not spend the link) → overview.
  await page.goto(env('PORTAL_GOOD_URL'));
  check((await page.title()).startsWith('Sign in'), 'the link opens the sign-in page');
  await shot('01-sign-in');
  // Keyboard: the first Tab reaches the skip link, the next the button.
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement?.textContent) === 'Skip to content', 'Tab reaches the skip link');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement?.tagName) === 'BUTTON', 'Tab reaches the continue button');
  await Promise.all([page.waitForURL(`${env('PORTAL_BASE')}/portal`), page.keyboard.press('Enter')]);
  const welcome = await page.textContent('h1');
  check(welcome.includes('Welcome, Ann Lee'), `the overview greets the contact (${welcome})`);
  check((await page.textContent('main')).includes('Website relaunch'), 'the overview names the engagement');
  await shot('02-overview');
  const cookies = await context.cookies();
  const portal = cookies.find((c) => c.name === 'atrium_portal');
  check(portal && portal.httpOnly && portal.sameSite === 'Strict' && portal.path === '/portal', 'the session cookie is HttpOnly, SameSite=Strict, path /portal');
  check(!cookies.some((c) => c.name === 'atrium_session'), 'no staff cookie is set');

  // Invoices: the issued invoice with its payment status, and its PDF downloads.
  await Promise.all([page.waitForURL(`${env('PORTAL_BASE')}/portal/invoices`), page.click('nav >> text=Invoices')]);
  const invoices = await page.textContent('main');
  check(invoices.includes('Partially paid'), 'the invoices page shows the payment status');
  await shot('02b-invoices');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[download]')]);
  const saved = join(shots, 'invoice.pdf');
  await download.saveAs(saved);
  const { readFileSync } = await import('node:fs');
  check(readFileSync(saved).subarray(0, 4).toString() === '%PDF', `the invoice downloads as a PDF (${download.suggestedFilename()})`);
  await page.goto(`${env('PORTAL_BASE')}/portal`);

  // Phone width: one column, nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no horizontal scrolling at 360 px (overflow ${overflow})`);
  await shot('03-overview-phone');
  await page.setViewportSize({ width: 1024, height: 768 });

  // The staff API does not open with the browser's cookies (the page's CSP forbids
  // scripts from fetching at all, so ask through the context's own request client).
  const staff = await context.request.get(`${env('PORTAL_BASE')}/api/v1/me`);
  check(staff.status() === 401, 'the portal session does not open /api/v1');

  // Sign out (a form with its CSRF token, no JavaScript needed).
  await Promise.all([page.waitForURL(/signed_out=true/), page.click('text=Sign out')]);
  check((await page.textContent('main')).includes('You are signed out'), 'sign-out lands on the sign-in page');
  await shot('04-signed-out');
  await page.goto(`${env('PORTAL_BASE')}/portal`);
  check(page.url().endsWith('/portal/sign-in'), 'the overview needs a session again');

  // The same link again: used.
  const refused = async (url, word, name) => {
    await page.goto(url);
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Continue to the portal")')]);
    await page.waitForSelector('[role=alert]');
    const text = await page.textContent('[role=alert]');
    check(text.includes(word), `${name}: the page says "${word}" (${text})`);
    await shot(name);
  };
  await refused(env('PORTAL_GOOD_URL'), 'already used', '05-reused-link');
  await refused(env('PORTAL_EXPIRED_URL'), 'expired', '06-expired-link');
  await refused(env('PORTAL_REVOKED_URL'), 'revoked', '07-revoked-grant');
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
