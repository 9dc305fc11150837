import { audit, check } from './harness.mjs';

const settled = (page) => page.locator('section[aria-label="Results"][aria-busy="false"]').waitFor();

/** Paging results starts at their top; a page past the end says so and leads back. */
export async function searchPagesFromTheTop({ page }) {
  await page.goto(`/search?q=${encodeURIComponent('lessons')}`);
  await settled(page);
  const pager = page.getByRole('navigation', { name: 'Pages' });
  const of = (await pager.locator('span').innerText()).match(/Page 1 of (\d+)/);
  check(of && Number(of[1]) > 1, 'a broad search has more than one page');
  const pages = Number(of[1]);

  await pager.getByRole('button', { name: 'Next' }).click();
  await pager.getByText(`Page 2 of ${pages}`).waitFor();
  await settled(page);
  const top = await page
    .locator('section[aria-label="Results"]')
    .evaluate((el) => Math.round(el.getBoundingClientRect().top));
  check(top >= -2 && top < 200, `page 2 opens at the top of the results (their top is at ${top} px)`);

  await page.goto(`/search?q=${encodeURIComponent('lessons')}&page=${pages + 5}`);
  await page.getByText(`There is no page ${pages + 5}: the results end at page ${pages}`).waitFor();
  await audit(page, 'search-past-the-end');
  await page.getByRole('button', { name: `Go to page ${pages}` }).click();
  await pager.getByText(`Page ${pages} of ${pages}`).waitFor();
  check(new URL(page.url()).searchParams.get('page') === String(pages), 'the way back opens the last page');
  return `page 2 of ${pages} opened at the results' top (${top} px); page ${pages + 5} led back to ${pages}`;
}
