import { audit, check, fitsWidth, layoutShift } from './harness.mjs';

/**
 * (g) At 375 px the main pages fit the screen (no sideways scrolling), do not jump while their data
 * arrives (layout shift ≤ 0.1, the Web Vitals "good" bar) and pass the accessibility audit.
 */
export async function phoneLayouts({ page }) {
  const pages = [
    ['/', 'heading', /Learn anything/],
    ['/services', 'heading', 'All services'],
    ['/search?q=guitar', 'heading', 'Results for “guitar”'],
    ['/login', 'heading', 'Log in'],
  ];
  const shifts = [];
  for (const [url, role, name] of pages) {
    await page.goto(url);
    await page.getByRole(role, { name }).waitFor();
    await page.waitForLoadState('networkidle');
    await fitsWidth(page, url);
    const shift = await layoutShift(page);
    check(shift <= 0.1, `${url} shifted its layout by ${shift} while loading`);
    shifts.push(shift);
    await audit(page, `${url} at 375px`);
  }
  await page.goto('/search?q=guitar');
  await page.locator('article h3 a').first().click();
  await page.getByRole('heading', { name: /^Book / }).waitFor();
  await page.waitForLoadState('networkidle');
  await audit(page, 'instructor profile at 375px');
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in' }).waitFor();
  return `${pages.length + 1} pages fit 375px and pass the audit; layout shift ${shifts.join(', ')}`;
}
