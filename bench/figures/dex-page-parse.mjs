// Figure 6: what reading a login page costs @ml-platform/auth-dex-session, for
// pages built to stall a tokenizer next to ordinary pages of the same size, at
// 100 kB and at the 1 MB page cap. The reader (htmlparser2's tokenizer behind
// the plugin's html-page module, from dist/) must be linear: a hostile page
// costs about what a normal one of its size does, and ten times the bytes cost
// about ten times the time. The regex tokenizer it replaced took 27 s for
// 100 kB of `<a ` (issue 12), so it has no row: one round would take hours.
import { fileURLToPath } from 'node:url';
import { median, rotate } from '../lib/stats.mjs';
import { fixed } from '../lib/table.mjs';

const HTML_PAGE = fileURLToPath(
  new URL('../../packages/auth-dex-session/dist/html-page.js', import.meta.url),
);

/** Dex's password.html as the plugin meets it (the fields and layout of dex/web/templates/password.html). */
const DEX_LOGIN_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>dex</title>
<link href="/dex/static/main.css" rel="stylesheet"></head><body class="theme-body"><div class="theme-navbar">
<div class="theme-navbar__logo-wrap"><img class="theme-navbar__logo" src="/dex/theme/logo.png"></div></div>
<div class="dex-container"><div class="theme-panel"><h2 class="theme-heading">Log in to Your Account</h2>
<form method="post" action="/dex/auth/local/login?back=&amp;state=abc123"><div class="theme-form-row">
<div class="theme-form-label"><label for="userid">Email Address</label></div>
<input tabindex="1" required id="login" name="login" type="text" class="theme-form-input" placeholder="email address" value="" autofocus />
</div><div class="theme-form-row"><div class="theme-form-label"><label for="password">Password</label></div>
<input tabindex="2" required id="password" name="password" type="password" class="theme-form-input" placeholder="password" />
</div><button tabindex="3" id="submit-login" type="submit" class="dex-btn theme-btn--primary">Login</button>
</form></div></div></body></html>`;

/** An ordinary page: text, links and a form per block, as a long documentation page would have. */
const NORMAL_BLOCK =
  '<div class="section"><h3 id="s">Section</h3><p>Pipelines run on <a href="/docs/runs?page=2&amp;x=1">the cluster</a> ' +
  'and keep their artifacts in object storage.</p><form method="get" action="/search"><input name="q" value="run"></form></div>\n';

const PAGES = [
  { id: 'normal', label: 'normal markup (text, links, forms)', unit: NORMAL_BLOCK },
  { id: 'unclosed-a', label: 'hostile: unclosed `<a `', unit: '<a ' },
  { id: 'unclosed-quote', label: 'hostile: unclosed `<a href="`', unit: '<a href="' },
  { id: 'forms', label: 'hostile: `<form><input name=a>` repeated', unit: '<form><input name=a>' },
  { id: 'comments', label: 'hostile: `<!-- <form ` repeated', unit: '<!-- <form ' },
];
const SIZES = [100_000, 1_000_000];

const pageOf = (unit, bytes) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

export async function measureDexPageParse({ rounds, minRoundMs }) {
  const { parseHtml } = await import(HTML_PAGE);
  const cases = [
    { id: 'dex-login', label: "Dex's login page", size: DEX_LOGIN_PAGE.length, html: DEX_LOGIN_PAGE },
  ];
  for (const page of PAGES) {
    for (const size of SIZES)
      cases.push({
        id: `${page.id}-${size}`,
        page: page.id,
        label: page.label,
        size,
        html: pageOf(page.unit, size),
      });
  }
  // The plugin must still find the form in the real page: a bench of a reader that reads nothing proves nothing.
  if (parseHtml(DEX_LOGIN_PAGE).forms[0]?.fields.length !== 2)
    throw new Error('html-page no longer reads the Dex login form');

  const samples = new Map(cases.map((c) => [c.id, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const c of rotate(cases, round)) {
      let runs = 0;
      const started = performance.now();
      do {
        parseHtml(c.html);
        runs += 1;
      } while (performance.now() - started < minRoundMs);
      samples.get(c.id).push((performance.now() - started) / runs);
    }
  }
  const msOf = (id) => median(samples.get(id));
  const normalMs = (size) => msOf(`normal-${size}`);
  const rows = cases.map((c) => {
    const ms = msOf(c.id);
    const small = c.page && c.size === SIZES[1] ? msOf(`${c.page}-${SIZES[0]}`) : undefined;
    return [
      c.label,
      c.size >= 1_000_000
        ? `${c.size / 1_000_000} MB`
        : c.size >= 1000
          ? `${c.size / 1000} kB`
          : `${c.size} B`,
      fixed(ms, ms < 1 ? 3 : 1),
      fixed(c.size / 1_000_000 / (ms / 1000), 0),
      c.page ? `${fixed(ms / normalMs(c.size))}×` : '—',
      small === undefined ? '—' : `${fixed(ms / small, 1)}×`,
    ];
  });
  const table = {
    title: 'Dex login-page reading: hostile pages next to normal ones (htmlparser2, median ms per page)',
    columns: ['page', 'size', 'ms per page', 'MB/s', 'vs normal page of its size', '1 MB vs 100 kB'],
    rows,
    notes: [
      'In-process, from packages/auth-dex-session/dist/html-page.js (the function the login flow reads every page ' +
        `with); ${rounds} interleaved rounds of at least ${minRoundMs} ms per page, medians. Linear means the last ` +
        'column is about 10× and hostile pages cost about what normal ones of the same size do. The login flow ' +
        'reads at most 1 MB of a page.',
    ],
  };
  return { id: 'dex-page-parse', table, data: { rounds, minRoundMs, samples: Object.fromEntries(samples) } };
}
