import { readFileSync } from 'node:fs';
// The browser audit of issue 17: every page type of a built site, in Debian's
// Chromium, at the widths of a small phone, a common phone and a laptop.
//
//   node audit.mjs --base http://127.0.0.1:PORT/ --site <built folder> --out <folder>
//
// `--base` is a plain static server of `--site` (serve.mjs). For each page
// type and width it records axe-core's violations, requests to other hosts,
// console and page errors, sideways scrolling (with the elements that are too
// wide), the landmarks as Chromium's accessibility tree has them, the
// position of a statement's summary and rights, and a full-page screenshot.
// It prints the statement and the regulation to A4 PDFs and counts their
// pages, and runs the Nu Html Checker (vnu.jar, on the machine's Java) over
// every HTML page and stylesheet of the site. It writes report.json to
// `--out`, prints a table, and exits 1 when one of the checks below fails.
//
// Only these fail the run; everything else is reported for people to judge:
// an axe violation, a request to another host, a console or page error, a
// page whose own address answers with the wrong status, a vnu error, a page
// that scrolls sideways at 320 px, a page with more than MAX_LANDMARKS
// landmarks.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';

const require = createRequire(import.meta.url);

const WIDTHS = [320, 390, 1280];
// The height of the window; screenshots and measures are of the whole page.
const HEIGHT = 800;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
// A screen reader user jumps between landmarks; past a handful they stop
// being a map of the page (issue 17).
const MAX_LANDMARKS = 10;
// The roles that Chromium's accessibility tree gives landmarks (ARIA 1.2 §5.3.4).
const LANDMARK_ROLES = new Set([
  'banner', 'complementary', 'contentinfo', 'form', 'main', 'navigation', 'region', 'search',
]);
// What this machine's Chromium needs: no sandbox as root, no GPU, and none
// of the browser's own traffic (QUIC probes, component updates, sync), so
// that every request the audit sees comes from the page. playwright-core
// adds --headless and a fresh --user-data-dir itself.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const { values: opts } = parseArgs({
  options: { base: { type: 'string' }, site: { type: 'string' }, out: { type: 'string' } },
});
if (!opts.base || !opts.site || !opts.out) {
  console.error('usage: node audit.mjs --base URL --site FOLDER --out FOLDER');
  process.exit(2);
}
const base = new URL(opts.base);
const site = resolve(opts.site);
const out = resolve(opts.out);
mkdirSync(out, { recursive: true });

// ---------------------------------------------------------------- the pages

// One page of each type. The school is the first one the index links to
// (schools.yaml order), so that the audit follows the example without
// naming a school; a page type that cannot be found is an error, not a skip.
function pagesOf(indexLinks) {
  const isFile = (path) => existsSync(join(site, path));
  const school = indexLinks.find(
    (href) => /^[^/]+\/index\.html$/.test(href)
      && !['reglement/index.html', 'cookies/index.html'].includes(href)
      && isFile(href.replace(/index\.html$/, 'cookies/index.html')),
  );
  if (!school) throw new Error('the index links to no school with a cookie notice');
  const dir = school.replace(/index\.html$/, '');
  const pages = [
    { type: 'index', path: 'index.html', status: 200 },
    { type: 'statement', path: school, status: 200 },
    { type: 'school-cookies', path: `${dir}cookies/index.html`, status: 200 },
    { type: 'board-cookies', path: 'cookies/index.html', status: 200 },
    { type: 'regulation', path: 'reglement/index.html', status: 200 },
    { type: 'accessibility', path: 'toegankelijkheid/index.html', status: 200 },
    // Deep, so that links relative to the site's root show whether they
    // still work where a host serves 404.html.
    { type: 'not-found', path: 'a/b/c/', status: 404 },
  ];
  // Earlier versions, when the site has a history (run.sh gives it one).
  const folders = (path) => (isFile(path)
    ? readdirSync(join(site, path), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    : []);
  const [version] = folders(`${dir}versies`);
  if (version) pages.push({ type: 'statement-version', path: `${dir}versies/${version}/index.html`, status: 200 });
  const [adopted] = folders('reglement');
  if (adopted) pages.push({ type: 'regulation-version', path: `reglement/${adopted}/index.html`, status: 200 });
  for (const p of pages) {
    if (p.status === 200 && !isFile(p.path)) throw new Error(`${p.type}: no file ${p.path} in ${site}`);
  }
  return pages;
}

// ------------------------------------------------------- measures in a page

// Runs in the page: does it scroll sideways, and what sticks out. A box or
// a line of text counts when it reaches past the viewport and no ancestor
// clips or scrolls it (a table in a scrolling wrapper is fine). Text counts
// too, since a long word or address overflows its paragraph without the
// paragraph's box growing; for those the words that stick out are named.
// Of the elements found, the innermost are listed: they are the ones to fix.
function measureSideways() {
  const doc = document.documentElement;
  const viewport = doc.clientWidth;
  const outside = (r) => (r.width > 0 || r.height > 0) && (r.right > viewport + 0.5 || r.left < -0.5);
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const found = new Map(); // element -> words of its own text that stick out
  for (const el of document.body.querySelectorAll('*')) {
    if (outside(el.getBoundingClientRect()) && !clipped(el)) found.set(el, []);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node; (node = walker.nextNode());) {
    range.selectNodeContents(node);
    const parent = node.parentElement;
    if (!outside(range.getBoundingClientRect()) || getComputedStyle(parent).overflowX !== 'visible' || clipped(parent)) continue;
    const words = found.get(parent) ?? [];
    for (const m of node.textContent.matchAll(/\S+/g)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      if (outside(range.getBoundingClientRect()) && words.length < 3) words.push(m[0]);
    }
    found.set(parent, words);
  }
  const describe = (el, words) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let part = e.localName;
      if (e.id) part += `#${e.id}`;
      else if (e.classList.length) part += `.${[...e.classList].join('.')}`;
      // Sections are named by their heading rather than an id of their own.
      if (!e.id && e.hasAttribute('aria-labelledby')) part += `[aria-labelledby=${e.getAttribute('aria-labelledby')}]`;
      parts.unshift(part);
    }
    const r = el.getBoundingClientRect();
    return {
      selector: parts.join(' > '),
      left: Math.round(r.left),
      right: Math.round(r.right),
      width: Math.round(r.width),
      words,
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
    };
  };
  const all = [...found.keys()];
  const innermost = all.filter((el) => !all.some((o) => o !== el && el.contains(o)) || found.get(el).length);
  return {
    scrolls: doc.scrollWidth > window.innerWidth,
    scrollWidth: doc.scrollWidth,
    innerWidth: window.innerWidth,
    tooWide: innermost.length,
    culprits: innermost.slice(0, 8).map((el) => describe(el, found.get(el))),
  };
}

// Runs in the page: where a statement puts its summary and its rights.
function measureStatement() {
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { y: Math.round(r.top + window.scrollY), height: Math.round(r.height) };
  };
  const section = (el) => (el && el.localName !== 'section' ? el.closest('section') ?? el : el);
  return {
    summary: box(section(document.querySelector('section.summary') ?? document.getElementById('samenvatting'))),
    rights: box(section(document.getElementById('rechten'))),
    pageHeight: document.documentElement.scrollHeight,
  };
}

// The landmarks as Chromium exposes them to screen readers, read from its
// accessibility tree rather than guessed from tag names.
async function landmarks(context, page) {
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const list = nodes
    .filter((n) => !n.ignored && LANDMARK_ROLES.has(n.role?.value))
    .map((n) => ({ role: n.role.value, name: n.name?.value ?? '' }));
  const byRole = {};
  for (const l of list) byRole[l.role] = (byRole[l.role] ?? 0) + 1;
  return { count: list.length, byRole, list };
}

// The pages forbid every script by their Content-Security-Policy, so axe is
// not added as a <script> (which the policy would block, as it should) but
// evaluated through the DevTools protocol, which the policy does not govern.
const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');

async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const violations = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.length,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  return { count: violations.length, ids: violations.map((v) => v.id), violations };
}

// --------------------------------------------------------------- one visit

// A fresh context per visit: no cache, no favicon remembered, nothing shared.
async function visit(browser, pageInfo, width) {
  const context = await browser.newContext({ viewport: { width, height: HEIGHT } });
  const url = new URL(pageInfo.path, base).href;
  const otherHosts = [];
  // Every request is seen here; one to another host is recorded and never
  // sent, so the audit stays on this machine whatever a page asks for.
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin === base.origin) return route.continue();
    otherHosts.push(u.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const consoleErrors = [];
  const ignored = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    const entry = { text: msg.text(), url: where };
    // The not-found page answers 404 on purpose, and Chromium logs the
    // document's own status as a failed load.
    if (pageInfo.status === 404 && where === url && /status of 404/.test(msg.text())) {
      ignored.push({ ...entry, reason: 'the not-found page answers 404 by design' });
      return;
    }
    // Chromium asks for /favicon.ico by itself when a page names no icon;
    // that request is the browser's, not the page's (reported, not counted).
    if (new URL(where || url).pathname === '/favicon.ico' && /Failed to load resource/.test(msg.text())) {
      ignored.push({ ...entry, reason: "the browser's own request for /favicon.ico" });
      return;
    }
    consoleErrors.push(entry);
  });
  page.on('pageerror', (err) => consoleErrors.push({ text: `page error: ${err.message}`, url }));

  const response = await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const status = response?.status() ?? 0;
  const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));

  // Links within the site whose target is no file of it (reported, not
  // counted as a failure): the 404 page, served at any depth, is where
  // links relative to its own folder break.
  const brokenLinks = [...new Set(links)].filter((href) => {
    if (href.startsWith('#')) return false; // within the page itself
    const target = new URL(href, response?.url() ?? url);
    if (target.origin !== base.origin || !/^https?:$/.test(target.protocol)) return false;
    let path = decodeURIComponent(target.pathname.slice(new URL(base).pathname.length));
    if (path === '' || path.endsWith('/')) path += 'index.html';
    return !existsSync(join(site, path));
  });

  const result = {
    page: pageInfo.type,
    path: pageInfo.path,
    width,
    status,
    expectedStatus: pageInfo.status,
    sideways: await page.evaluate(measureSideways),
    landmarks: await landmarks(context, page),
    statement: pageInfo.type === 'statement' ? await page.evaluate(measureStatement) : undefined,
    brokenLinks: { count: brokenLinks.length, hrefs: brokenLinks },
  };
  // A screenshot is for people to look at, not a check: Chromium sometimes
  // cannot capture a page tens of thousands of pixels tall on a busy machine.
  const shot = `${pageInfo.type}-${width}.png`;
  try {
    await page.screenshot({ path: join(out, shot), fullPage: true });
    result.screenshot = shot;
  } catch (e) {
    result.screenshot = null;
    result.screenshotError = String(e.message).split('\n')[0];
  }
  // axe last: its script is the only one the audit adds to a page.
  result.axe = await axe(page);
  result.otherHosts = { count: otherHosts.length, urls: otherHosts };
  result.console = { count: consoleErrors.length, messages: consoleErrors, ignored };
  await context.close();
  return { result, links };
}

// A4, with the margins of Chromium's own print dialog; a stylesheet's @page
// rules win over them, as they would for a parent pressing Print.
async function printPages(browser, pageInfo) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(pageInfo.path, base).href, { waitUntil: 'load' });
  const file = `${pageInfo.type}.pdf`;
  const pdf = await page.pdf({
    path: join(out, file),
    format: 'A4',
    margin: { top: '1cm', right: '1cm', bottom: '1cm', left: '1cm' },
  });
  await context.close();
  const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  return { page: pageInfo.type, path: pageInfo.path, pages, file, thin: thinPages(join(out, file), pages) };
}

// The pages of a printout that hold almost nothing: fewer than three lines
// of text (a heading left alone at the bottom of its page lands on a page
// of its own, or a page holds only the footer), read by Poppler's pdftotext.
const FOOTER_LINES = 2;
function thinPages(file, pages) {
  const thin = [];
  for (let i = 1; i <= pages; i += 1) {
    const run = spawnSync('pdftotext', ['-f', `${i}`, '-l', `${i}`, '-layout', file, '-'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`pdftotext ${file} page ${i}: ${run.stderr}`);
    const lines = run.stdout.split('\n').map((l) => l.trim()).filter((l) => l && l !== '\f');
    if (lines.length <= FOOTER_LINES) thin.push({ page: i, lines });
  }
  return thin;
}

// ------------------------------------------------------------------- vnu

function filesUnder(dir, ext) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(ext)) found.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return found.sort();
}

// The Nu Html Checker on the machine's Java. It prints its JSON on stderr
// and exits 1 when it found errors, so the exit code alone says little.
function vnu(files, extra) {
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...extra, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`java could not run vnu.jar: ${run.error.message}`);
  let messages;
  try {
    ({ messages } = JSON.parse(run.stderr));
  } catch {
    throw new Error(`vnu.jar printed no JSON (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
  // Everything --errors-only leaves is an error, including a file it could
  // not read ("non-document-error").
  const errors = messages.map((m) => ({
    file: relative(site, new URL(m.url).pathname),
    line: m.lastLine,
    type: m.subType ? `${m.type}/${m.subType}` : m.type,
    message: m.message,
    extract: m.extract,
  }));
  const byFile = {};
  for (const e of errors) byFile[e.file] = (byFile[e.file] ?? 0) + 1;
  return { files: files.length, errors: errors.length, byFile, messages: errors };
}

// ------------------------------------------------------------------- main

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const report = { chromium: browser.version(), base: base.href, widths: WIDTHS, axeTags: AXE_TAGS };
try {
  const first = await visit(browser, { type: 'index', path: 'index.html', status: 200 }, WIDTHS[0]);
  const pages = pagesOf(first.links);
  report.pages = pages;
  report.visits = [first.result];
  for (const p of pages) {
    for (const width of WIDTHS) {
      if (p.type === 'index' && width === WIDTHS[0]) continue;
      report.visits.push((await visit(browser, p, width)).result);
    }
  }
  report.visits.sort((a, b) => pages.findIndex((p) => p.type === a.page) - pages.findIndex((p) => p.type === b.page) || a.width - b.width);
  report.print = [];
  for (const p of pages.filter((q) => q.type === 'statement' || q.type === 'regulation')) {
    report.print.push(await printPages(browser, p));
  }
} finally {
  await browser.close();
}
report.vnu = {
  html: vnu(filesUnder(site, '.html'), []),
  css: vnu(filesUnder(site, '.css'), ['--css']),
};

// --------------------------------------------------------------- verdict

const failures = [];
for (const v of report.visits) {
  const at = `${v.page} at ${v.width} px`;
  if (v.status !== v.expectedStatus) failures.push(`${at}: status ${v.status}, expected ${v.expectedStatus}`);
  if (v.axe.count > 0) failures.push(`${at}: axe ${v.axe.ids.join(', ')}`);
  if (v.otherHosts.count > 0) failures.push(`${at}: requests to other hosts: ${v.otherHosts.urls.join(' ')}`);
  if (v.console.count > 0) failures.push(`${at}: console errors: ${v.console.messages.map((m) => `${m.text} (${m.url})`).join(' | ')}`);
  if (v.width === 320 && v.sideways.scrolls) {
    const who = v.sideways.culprits
      .map((c) => `${c.selector} (box ${c.width} px wide, to x=${c.right}${c.words.length ? `; words past the edge: ${c.words.join(' ')}` : ''})`)
      .join('; ');
    failures.push(`${at}: scrolls sideways (${v.sideways.scrollWidth} px > ${v.sideways.innerWidth}): ${who}`);
  }
  if (v.landmarks.count > MAX_LANDMARKS && v.width === WIDTHS[0]) {
    failures.push(`${v.page}: ${v.landmarks.count} landmarks > ${MAX_LANDMARKS} (${Object.entries(v.landmarks.byRole).map(([r, n]) => `${r} ${n}`).join(', ')})`);
  }
}
for (const p of report.print) {
  for (const t of p.thin) failures.push(`${p.page} printed: page ${t.page} of ${p.pages} holds only ${JSON.stringify(t.lines)}`);
}
for (const [kind, r] of Object.entries(report.vnu)) {
  if (r.errors > 0) failures.push(`vnu ${kind}: ${r.errors} errors in ${Object.keys(r.byFile).length} of ${r.files} files`);
}
report.failures = failures;
writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);

// ---------------------------------------------------------------- table

const pad = (s, n) => String(s).padEnd(n);
console.log(`Chromium ${report.chromium}; pages of ${base.href}; report in ${relative(process.cwd(), join(out, 'report.json'))}\n`);
console.log(`${pad('page', 15)}${pad('width', 7)}${pad('status', 8)}${pad('axe', 5)}${pad('hosts', 7)}${pad('console', 9)}${pad('sideways', 16)}${pad('landmarks', 11)}broken links`);
for (const v of report.visits) {
  const sideways = v.sideways.scrolls ? `yes ${v.sideways.scrollWidth}px` : 'no';
  console.log(`${pad(v.page, 15)}${pad(v.width, 7)}${pad(v.status, 8)}${pad(v.axe.count, 5)}${pad(v.otherHosts.count, 7)}${pad(v.console.count, 9)}${pad(sideways, 16)}${pad(v.landmarks.count, 11)}${v.brokenLinks.count}`);
}
console.log('\nstatement, summary and rights (y from the top, px):');
for (const v of report.visits.filter((w) => w.statement)) {
  const s = v.statement;
  const f = (b) => (b ? `y ${b.y}, height ${b.height}` : 'not found');
  console.log(`  ${pad(`${v.width} px`, 8)} summary ${f(s.summary)}; rights ${s.rights ? `y ${s.rights.y}` : 'not found'}; page ${s.pageHeight}`);
}
console.log('\nprinted on A4:');
for (const p of report.print) console.log(`  ${pad(p.page, 12)} ${p.pages} pages (${p.file}), ${p.thin.length} with fewer than ${FOOTER_LINES + 1} lines`);
console.log(`\nNu Html Checker: ${report.vnu.html.errors} errors in ${report.vnu.html.files} HTML files, ${report.vnu.css.errors} in ${report.vnu.css.files} stylesheets`);
for (const m of [...report.vnu.html.messages, ...report.vnu.css.messages].slice(0, 20)) {
  console.log(`  ${m.file}:${m.line}: ${m.message}`);
}

if (failures.length) {
  console.log(`\nFAILED, ${failures.length} findings:`);
  for (const f of failures) console.log(`  - ${f}`);
  process.exit(1);
}
console.log('\nall browser checks passed');
