import { check, logIn, screenshot } from './harness.mjs';

/** The cells of a CSV (RFC 4180: CRLF rows, quoted fields with doubled quotes), parsed strictly. */
function parseCsv(text) {
  check(text.endsWith('\r\n'), 'the CSV does not end its last record with CRLF');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      check(c !== '\n' && c !== '"', `a bare ${JSON.stringify(c)} outside quotes at ${i}`);
      cell += c;
    }
  }
  check(!quoted && row.length === 0, 'the CSV ends inside a record');
  return rows;
}

const daysBetween = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/**
 * (i) Searches are made as a guest (one with a comma and quotes, one that finds nothing, one that
 * reads as a spreadsheet formula); the demo
 * admin opens Admin → Search analytics, sees them in the cards and tables, switches 30 → 7 → 90
 * days and downloads the trends and popular-searches CSVs, which cover the chosen range.
 */
export async function adminAnalyticsRangeAndCsv({ page }) {
  const searches = ['piano', 'piano', 'guitar, "classical"', 'piano under $1', '=cmd piano'];
  for (const q of searches) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
  }

  await page.goto('/login?next=%2F');
  await logIn(page, 'admin@instainstru.local');
  await page.getByRole('link', { name: 'Admin' }).click();
  await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link', { name: 'Search analytics' })
    .click();
  await page.getByRole('heading', { name: 'Search analytics', level: 1 }).waitFor();
  const card = (label) => page.locator('dl > div').filter({ has: page.locator('dt', { hasText: label }) });
  await card('Searches').waitFor();
  const shown30 = Number((await card('Searches').locator('dd').innerText()).replace(/\D/g, ''));
  check(shown30 >= searches.length, `the Searches card says ${shown30} after ${searches.length} searches`);
  const popular = page.getByRole('region', { name: 'Popular searches' });
  await popular.getByRole('cell', { name: 'piano', exact: true }).waitFor();
  const zero = page.getByRole('region', { name: 'Searches with no results' });
  await zero.getByRole('cell', { name: 'piano under $1', exact: true }).waitFor();
  await screenshot(page, 'admin-analytics');

  // Each range asks the server for that range, and the cards show what it answered.
  for (const days of ['7', '90']) {
    const answered = page.waitForResponse(
      (r) => r.url().includes('/admin/analytics/search/summary?') && r.url().includes(`days=${days}`),
    );
    await page
      .getByRole('group', { name: 'Range' })
      .getByRole('button', { name: `${days} days` })
      .click();
    const summary = await (await answered).json();
    check(
      daysBetween(summary.range.from, summary.range.to) === Number(days),
      `the ${days}-day summary covers ${summary.range.from} to ${summary.range.to}`,
    );
    await page.getByRole('button', { name: `${days} days`, pressed: true }).waitFor();
    await page.waitForFunction(
      ([n]) =>
        [...document.querySelectorAll('dl > div')].some(
          (d) =>
            d.querySelector('dt')?.textContent === 'Searches' && d.querySelector('dd')?.textContent === n,
        ),
      [summary.totalSearches.toLocaleString('en-US')],
    );
  }

  // The trends CSV: one row per day of the 90 chosen, in a file named for the range.
  const trendsPanel = page.getByRole('region', { name: 'Searches per day' });
  const [trends] = await Promise.all([
    page.waitForEvent('download'),
    trendsPanel.getByRole('link', { name: 'CSV' }).click(),
  ]);
  const name = trends.suggestedFilename();
  const m = /^search-trends-(\d{4}-\d\d-\d\d)-(\d{4}-\d\d-\d\d)\.csv$/.exec(name);
  check(m, `the trends file is called "${name}"`);
  check(daysBetween(m[1], m[2]) === 90, `the trends file covers ${m[1]} to ${m[2]}, not 90 days`);
  const trendRows = parseCsv(await streamText(await trends.createReadStream()));
  check(trendRows[0].join() === 'date,searches,users,guests', `trends header is ${trendRows[0].join()}`);
  check(trendRows.length === 91, `the trends file has ${trendRows.length - 1} days, not 90`);
  const total = trendRows.slice(1).reduce((n, r) => n + Number(r[1]), 0);
  check(total >= searches.length, `the trends file counts ${total} searches`);

  // The popular-searches CSV: the server says text/csv, and the comma-and-quotes search comes back whole.
  const popularLink = popular.getByRole('link', { name: 'CSV' });
  const href = await popularLink.getAttribute('href');
  check(href.includes('days=90'), `the popular CSV link is ${href}`);
  const [file] = await Promise.all([page.waitForEvent('download'), popularLink.click()]);
  check(
    /^search-popular-.+\.csv$/.test(file.suggestedFilename()),
    `popular file: ${file.suggestedFilename()}`,
  );
  const text = await streamText(await file.createReadStream());
  const type = await page.evaluate(async (u) => (await fetch(u)).headers.get('content-type'), href);
  check(/^text\/csv\b/.test(type), `the CSV is served as ${type}`);
  check(text.includes('"guitar, ""classical"""'), 'the quoted search is not escaped the RFC 4180 way');
  const rows = parseCsv(text);
  check(rows[0].join() === 'query,searches,searchers,average_results', `popular header is ${rows[0].join()}`);
  const piano = rows.find((r) => r[0] === 'piano');
  check(piano && Number(piano[1]) >= 2, `piano row: ${piano}`);
  check(
    rows.some((r) => r[0] === 'guitar, "classical"'),
    'the comma-and-quotes search is not one cell',
  );
  // A spreadsheet would run a cell starting with "=": the file defuses it with an apostrophe.
  check(
    rows.some((r) => r[0] === "'=cmd piano") && !rows.some((r) => r[0] === '=cmd piano'),
    'the formula-like search is not defused',
  );
  check(
    rows.every((r) => r.length === 4),
    'a popular row does not have 4 cells',
  );
  return `${shown30} searches in 30 days; 7 and 90 days asked and shown; trends CSV ${trendRows.length - 1} days (${total} searches), popular CSV ${rows.length - 1} rows as ${type}`;
}

async function streamText(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}
