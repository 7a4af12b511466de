// Browser test for the page served by `jdfit serve`.
//
//   JDFIT_URL=http://127.0.0.1:18734/ node run.mjs POSTING_FILE SCREENSHOT.png [RESUME_FILE]
//
// Uses playwright-core with the system Chromium ($CHROMIUM, else /usr/bin/chromium); it never
// downloads a browser. Prints one line per check and a closing "N passed, N failed" line; exits
// non-zero on the first failed check or after 60 s overall.
import { chromium } from 'playwright-core';
import { readFile, access } from 'node:fs/promises';
import path from 'node:path';

const TOTAL_MS = 60_000;
const STEP_MS = 20_000;
const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror=window.__pwned=1> Requirements: Kubernetes';

const [postingPath, shotPath, resumePath] = process.argv.slice(2);
const base = process.env.JDFIT_URL;
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

let passed = 0;
let browser;

function usage(msg) {
  console.error(`browser test: ${msg}`);
  console.error('usage: JDFIT_URL=http://127.0.0.1:18734/ node run.mjs POSTING_FILE SCREENSHOT.png [RESUME_FILE]');
  process.exit(2);
}

async function finish(failure) {
  if (browser) await browser.close().catch(() => {});
  if (failure) {
    console.log(`FAIL ${failure}`);
    console.log(`browser: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  console.log(`browser: ${passed} passed, 0 failed`);
  process.exit(0);
}

function ok(msg) {
  passed += 1;
  console.log(`ok   ${msg}`);
}

class CheckFailed extends Error {}
function check(cond, msg) {
  if (!cond) throw new CheckFailed(msg);
}

if (!base) usage('set JDFIT_URL to the page address, e.g. http://127.0.0.1:18734/');
if (!postingPath || !shotPath) usage('give a posting file and a screenshot path');
let baseUrl;
try { baseUrl = new URL(base); } catch { usage(`JDFIT_URL is not a URL: ${base}`); }
try { await access(chromiumPath); } catch {
  usage(`no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM=/path/to/chrome)`);
}

const timer = setTimeout(() => { finish(`overall timeout: the test took longer than ${TOTAL_MS / 1000} s`); }, TOTAL_MS);
timer.unref();

// Text of the error box, to explain a failed wait.
async function pageError(page) {
  const t = await page.locator('#error').textContent({ timeout: 1000 }).catch(() => '');
  return t && t.trim() ? ` (page error box: "${t.trim()}")` : '';
}

async function waitFor(page, what, fn, arg) {
  try {
    await page.waitForFunction(fn, arg, { timeout: STEP_MS, polling: 100 });
  } catch (e) {
    throw new CheckFailed(`timed out waiting for ${what}${await pageError(page)}`);
  }
}

// Click #match and wait until the page has handled the answer to POST /api/match.
async function match(page, posting) {
  await page.fill('#posting', posting);
  const answered = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/match' && r.request().method() === 'POST',
    { timeout: STEP_MS },
  );
  await page.click('#match');
  const resp = await answered.catch(() => null);
  check(resp, `no answer to POST /api/match within ${STEP_MS / 1000} s${await pageError(page)}`);
  await waitFor(page, 'the Match button to leave its busy state',
    () => { const b = document.querySelector('#match'); return !b.disabled && b.getAttribute('aria-busy') !== 'true'; });
  return resp;
}

async function readScore(page) {
  await waitFor(page, '#score to show a number',
    () => /^\d+(\.\d+)?$/.test((document.querySelector('#score')?.textContent || '').trim())
      && !document.querySelector('#results')?.hidden);
  return Number((await page.locator('#score').textContent()).trim());
}

// Wait for the sandboxed preview to hold a tailored résumé: a <mark> or over 100 characters.
async function waitPreview(page) {
  const frame = page.frameLocator('#tailored');
  const until = Date.now() + STEP_MS;
  let marks = 0;
  let len = 0;
  while (Date.now() < until) {
    marks = await frame.locator('mark').count().catch(() => 0);
    len = ((await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '')) || '').trim().length;
    if (marks > 0 || len > 100) return { marks, len };
    await page.waitForTimeout(200);
  }
  throw new CheckFailed(`the #tailored preview stayed empty (${marks} <mark>, ${len} characters of text)${await pageError(page)}`);
}

async function run() {
  const posting = await readFile(postingPath, 'utf8');
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);

  const jsErrors = [];
  const external = [];
  page.on('pageerror', (e) => jsErrors.push(String(e && e.message || e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.origin !== baseUrl.origin) external.push(r.url());
  });

  // 1. The page loads and shows the server's résumé.
  const res = await page.goto(baseUrl.href, { waitUntil: 'load' }).catch((e) => {
    throw new CheckFailed(`could not open ${baseUrl.href} (is jdfit serve running?): ${String(e.message).split('\n')[0]}`);
  });
  check(res && res.ok(), `GET ${baseUrl.href} answered ${res ? res.status() : 'nothing'}`);
  ok(`page loaded: ${await page.title()}`);
  await waitFor(page, '#resume-name to show a résumé name',
    () => (document.querySelector('#resume-name')?.textContent || '').trim().length > 0
      || !document.querySelector('#resume-none')?.hidden);
  check(await page.locator('#resume-none').isHidden(),
    'the page says no résumé is loaded (GET /api/resume answered 404): start jdfit serve with --resume FILE');
  ok(`résumé shown: ${(await page.locator('#resume-name').textContent()).trim()}`);
  await waitFor(page, '#read to show what was read from the server\'s résumé', () => {
    const r = document.querySelector('#read');
    return r && !r.hidden && document.querySelectorAll('#read-sections li').length > 0;
  });
  ok(`what was read: ${await page.locator('#read-sections li').count()} sections of the server's résumé`);

  // 2. Match the posting.
  const t0 = Date.now();
  const resp = await match(page, posting);
  check(resp.ok(), `POST /api/match answered ${resp.status()}${await pageError(page)}`);
  const score = await readScore(page);
  check(score >= 0 && score <= 100, `score ${score} is outside 0..100`);
  ok(`score ${score} / 100 (${Date.now() - t0} ms)`);
  const title = ((await page.locator('#posting-title').textContent()) || '').trim();

  const rows = await page.locator('#checklist .req').count();
  check(rows >= 1, 'the requirement checklist #checklist has no .req row');
  const verdicts = await page.$$eval('#checklist .req', (els) => els.map((e) =>
    ['covered', 'partial', 'missing'].find((v) => e.classList.contains(v)) || '?'));
  check(!verdicts.includes('?'), 'a #checklist .req row has no covered/partial/missing class');
  const tally = (v) => verdicts.filter((x) => x === v).length;
  ok(`checklist: ${rows} requirements (${tally('covered')} covered, ${tally('partial')} partial, ${tally('missing')} missing)`);

  const matched = await page.locator('#matched .chip').count();
  const missing = await page.locator('#missing .chip').count();
  check(matched + missing >= 1, 'no term chips in #matched or #missing');
  ok(`terms: ${matched} matched, ${missing} missing`);

  // Terms credited in part through a related concept are amber chips naming it, as many as the
  // report has (overall and in requirement lines), and no green chip claims one.
  const rep = await resp.json();
  const want = (rep.matched || []).filter((t) => t.via).length
    + (rep.requirements || []).reduce((n, q) => n + (q.partial || []).length, 0);
  const parts = await page.$$eval('#matched .chip.part, #checklist .chip.part',
    (els) => els.map((e) => [e.textContent, e.title]));
  check(parts.length === want, `${parts.length} partial chips on the page, the report has ${want} partial terms`);
  const unnamed = parts.filter(([t, title]) => !/ \(~.+\)$/.test(t) || !/partial credit .* through /.test(title));
  check(!unnamed.length, `partial chips that do not name their concept: ${JSON.stringify(unnamed)}`);
  const green = await page.$$eval('#matched .chip.ok, #checklist .chip.ok', (els) => els.filter((e) => e.textContent.includes('(~')).length);
  check(green === 0, `${green} green chips show a term credited through a related concept`);
  ok(`partial terms: ${parts.length} amber chips, each naming its concept`);
  // A cut list says how many it left out.
  const more = await page.$$eval('button.more', (els) => els.map((e) => e.textContent));
  check(more.every((t) => /^… and \d+ more/.test(t)), `a "more" button does not count what it hides: ${JSON.stringify(more)}`);

  // 3. The tailored résumé preview.
  const pv = await waitPreview(page);
  ok(`tailored preview: ${pv.marks} highlights, ${pv.len} characters`);

  // 4. Screenshot of this first result.
  // Chromium paints a sandboxed (out-of-process) iframe only once it has been in view: bring it
  // into view first, or the full-page screenshot shows an empty preview.
  await page.locator('#tailored').scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: shotPath, fullPage: true });
  ok(`screenshot: ${shotPath}`);

  // 5. Downloads: each button saves a non-empty file of its kind.
  for (const [fmt, ext] of [['md', '.md'], ['jsonresume', '.json'], ['html', '.html'], ['docx', '.docx']]) {
    const dl = page.waitForEvent('download', { timeout: STEP_MS });
    await page.click(`#dl-${fmt}`);
    const d = await dl.catch(() => null);
    check(d, `#dl-${fmt} started no download${await pageError(page)}`);
    const name = d.suggestedFilename();
    const file = await d.path();
    const bytes = file ? await readFile(file) : Buffer.alloc(0);
    check(bytes.length > 0, `#dl-${fmt} saved an empty file (${name})`);
    check(name.toLowerCase().endsWith(ext), `#dl-${fmt} saved "${name}", expected a ${ext} file`);
    if (fmt === 'docx') check(bytes.subarray(0, 2).toString('latin1') === 'PK', 'the DOCX download is not a zip (no PK header)');
    if (fmt === 'jsonresume') {
      try { JSON.parse(bytes.toString('utf8')); } catch { throw new CheckFailed('the JSON Resume download is not valid JSON'); }
    }
    ok(`download ${fmt}: ${name}, ${bytes.length} bytes`);
  }

  // 6. A hostile posting shows as text and runs nothing.
  const hresp = await match(page, HOSTILE);
  check(hresp.ok(), `POST /api/match for the hostile posting answered ${hresp.status()}${await pageError(page)}`);
  const hscore = await readScore(page);
  await page.waitForTimeout(500); // time for any injected handler (img onerror) to fire
  const pwned = await page.evaluate(() => window.__pwned);
  check(pwned === undefined, `a script in the posting ran (window.__pwned = ${pwned})`);
  const injected = await page.evaluate(() => document.querySelectorAll('img, #results script, main script').length);
  check(injected === 0, `the posting's markup became ${injected} element(s) in the page`);
  ok(`hostile posting shown as text (score ${hscore}, window.__pwned undefined)`);

  // 7. An empty posting shows an error and leaves the page usable.
  await page.fill('#posting', '');
  await page.click('#match');
  await waitFor(page, '#error to become visible with a message', () => {
    const e = document.querySelector('#error');
    return e && !e.hidden && e.offsetParent !== null && e.textContent.trim().length > 0;
  });
  const emsg = (await page.locator('#error').textContent()).trim();
  check(!(await page.locator('#match').isDisabled()), 'the Match button stayed disabled after the error');
  ok(`empty posting: error shown ("${emsg}")`);

  // 8. Optional: load another résumé in the page and match with it.
  if (resumePath) {
    await page.setInputFiles('#resume-file', resumePath);
    const want = path.basename(resumePath);
    await waitFor(page, `#resume-name to show ${want}`,
      (n) => (document.querySelector('#resume-name')?.textContent || '').trim() === n, want);
    // What was read (POST /api/resume) is shown once the file is chosen.
    await waitFor(page, `#read to show the sections read from ${want}`, (n) => {
      const r = document.querySelector('#read');
      return r && !r.hidden && (document.querySelector('#read-source')?.textContent || '') === n
        && document.querySelectorAll('#read-sections li').length > 0;
    }, want);
    const readText = (await page.locator('#read').textContent()).replace(/\s+/g, ' ').trim();
    check(/experience/.test(readText) && /bullets?/.test(readText),
      `the "what was read" panel lacks the experience section and counts: ${readText.slice(0, 200)}`);
    ok(`what was read: ${(await page.locator('#read-sections li').count())} sections shown`);
    const r2 = await match(page, posting);
    const body = r2.request().postDataJSON();
    check(body && body.resume && body.resume.name === want && (body.resume.data || body.resume.text || '').length > 0,
      'the match request did not carry the loaded résumé as {name, text}');
    check(r2.ok(), `POST /api/match with the loaded résumé answered ${r2.status()}${await pageError(page)}`);
    ok(`loaded résumé ${want}: score ${await readScore(page)} / 100`);
  }

  check(jsErrors.length === 0, `the page threw: ${jsErrors.join(' | ')}`);
  check(external.length === 0, `the page requested other hosts: ${external.slice(0, 5).join(', ')}`);
  ok(`no script errors, no outside requests${title ? ` (posting: ${title})` : ''}`);
}

try {
  await run();
  await finish(null);
} catch (e) {
  await finish(e instanceof CheckFailed ? e.message : `unexpected error: ${e && e.stack || e}`);
}
