// The client portal in a real browser: Debian's chromium driven by playwright-core
// (never a downloaded browser). The Rust test (tests/tests/api/portal_browser.rs)
// starts Atrium, prepares the links and the client's documents and passes them in
// the environment:
//   PORTAL_BASE, PORTAL_GOOD_URL, PORTAL_EXPIRED_URL, PORTAL_REVOKED_URL, PORTAL_SHOTS
// The journey: magic link → overview → projects → a project → invoice PDF → accept
// the proposal → sign the contract → reply to the shared thread; then phone width,
// sign-out, and the reused, expired and revoked links. Every page is screenshotted
// into PORTAL_SHOTS. Exits non-zero on the first failed check.
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

  // Projects: the client-visible project only; its page shows the visible
  // milestone and tasks with their status, never the internal ones.
  const base = env('PORTAL_BASE');
  await Promise.all([page.waitForURL(`${base}/portal/projects`), page.click('nav >> text=Projects')]);
  const projects = await page.textContent('main');
  check(projects.includes('Relaunch') && !projects.includes('Margins review'), 'the projects page lists the visible project only');
  await shot('03-projects');
  await Promise.all([page.waitForURL(/\/portal\/projects\/[0-9a-f-]+$/), page.click('main a:has-text("Relaunch")')]);
  const project = await page.textContent('main');
  check(project.includes('Design signed off') && project.includes('Wireframes') && project.includes('Done'),
    'the project page shows the visible milestone and tasks with their status');
  check(!project.includes('Price the extras') && !project.includes('Internal QA'), 'the project page hides internal work');
  check(await page.locator('h1').count() === 1 && await page.locator('table caption').count() === 2,
    'the project page has one h1 and captioned tables');
  await shot('04-project');

  // Invoices: the issued invoice with its payment status, and its PDF downloads.
  await Promise.all([page.waitForURL(`${env('PORTAL_BASE')}/portal/invoices`), page.click('nav >> text=Invoices')]);
  const invoices = await page.textContent('main');
  check(invoices.includes('Partially paid'), 'the invoices page shows the payment status');
  await shot('05-invoices');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[download]')]);
  const saved = join(shots, 'invoice.pdf');
  await download.saveAs(saved);
  const { readFileSync } = await import('node:fs');
  check(readFileSync(saved).subarray(0, 4).toString() === '%PDF', `the invoice downloads as a PDF (${download.suggestedFilename()})`);

  // Proposals: accept the sent one (a form with its CSRF token, no JavaScript).
  await Promise.all([page.waitForURL(`${base}/portal/proposals`), page.click('nav >> text=Proposals')]);
  await Promise.all([page.waitForURL(/done=accepted/), page.click('button:has-text("Accept")')]);
  check((await page.textContent('[role=status]')).includes('accepted'), 'accepting the proposal says so');
  check((await page.textContent('main')).includes('Accepted'), 'the proposal shows as accepted');
  await shot('06-proposal-accepted');

  // Contracts: sign the sent one through its labelled form.
  await Promise.all([page.waitForURL(`${base}/portal/contracts`), page.click('nav >> text=Contracts')]);
  await page.getByLabel('Your full name').fill('Ann Lee');
  await page.getByLabel('Your email address').fill('ann@globex.example');
  await page.getByLabel('Type your name again as your signature').fill('Ann Lee');
  await Promise.all([page.waitForURL(/done=signed/), page.click('form.sign button[type=submit]')]);
  check((await page.textContent('[role=status]')).includes('signed'), 'signing the contract says so');
  check((await page.textContent('main')).includes('Signed by'), 'the contract shows its signer');
  await shot('07-contract-signed');

  // Messages: reply to the shared thread.
  await Promise.all([page.waitForURL(`${base}/portal/messages`), page.click('nav >> text=Messages')]);
  check(!(await page.textContent('main')).includes('Internal notes'), 'the unshared thread is not listed');
  await Promise.all([page.waitForURL(/\/portal\/messages\/[0-9a-f-]+$/), page.click('main a:has-text("Kick-off")')]);
  await page.getByLabel('Your reply').fill('Monday works for the kick-off.');
  await Promise.all([page.waitForURL(/done=replied/), page.click('button:has-text("Send reply")')]);
  check((await page.textContent('[role=status]')).includes('on its way'), 'the reply is sent');
  await shot('08-thread-replied');

  // Phone width: one column, nothing wider than the screen (the overview and the project page).
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [path, name] of [['/portal', '09-overview-phone'], ['/portal/projects', '10-projects-phone']]) {
    await page.goto(`${base}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `no horizontal scrolling at 360 px on ${path} (overflow ${overflow})`);
    await shot(name);
  }
  await page.setViewportSize({ width: 1024, height: 768 });

  // The staff API does not open with the browser's cookies (the page's CSP forbids
  // scripts from fetching at all, so ask through the context's own request client).
  const staff = await context.request.get(`${env('PORTAL_BASE')}/api/v1/me`);
  check(staff.status() === 401, 'the portal session does not open /api/v1');

  // Sign out (a form with its CSRF token, no JavaScript needed).
  await Promise.all([page.waitForURL(/signed_out=true/), page.click('text=Sign out')]);
  check((await page.textContent('main')).includes('You are signed out'), 'sign-out lands on the sign-in page');
  await shot('11-signed-out');
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
  await refused(env('PORTAL_GOOD_URL'), 'already used', '12-reused-link');
  await refused(env('PORTAL_EXPIRED_URL'), 'expired', '13-expired-link');
  await refused(env('PORTAL_REVOKED_URL'), 'revoked', '14-revoked-grant');
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
