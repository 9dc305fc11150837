// npm run test:e2e — the browser journeys of the web app against a fresh server with demo data.
import { execFileSync } from 'node:child_process';
import { ROOT, launchBrowser, openPage, startServer } from './harness.mjs';
import { adminDeactivatesAccount } from './journey-admin.mjs';
import { studentTurnsOffReminders } from './journey-email-preferences.mjs';
import { adminAnalyticsRangeAndCsv } from './journey-analytics.mjs';
import { instructorEditsAvailability } from './journey-availability.mjs';
import { guestBooksThenCancels } from './journey-booking.mjs';
import { everyPageMeetsTheBar } from './journey-every-page.mjs';
import { guestHistoryFollowsLogin } from './journey-history.mjs';
import { studentAndInstructorMessageLive } from './journey-messages.mjs';
import { newInstructorOnboards } from './journey-onboarding.mjs';
import { phoneLayouts } from './journey-phone.mjs';
import { studentExportsThenDeletes } from './journey-privacy.mjs';
import {
  availabilityBookedAndPast,
  phoneDetailsFit,
  timeZonePickerSearches,
  wrongRoleAndMissingPages,
} from './journey-rough-edges.mjs';
import { studentReschedules } from './journey-reschedule.mjs';
import { instructorOpensSchedule, scheduleAtPhoneWidth } from './journey-schedule.mjs';
import { reviewReplyRating } from './journey-reviews.mjs';
import { studentSavesAnInstructor } from './journey-saved.mjs';
import { searchPagesFromTheTop } from './journey-search-pages.mjs';
import { instructorUsesWeekTools } from './journey-week-tools.mjs';

const journeys = [
  ['guest reviews, logs in inline on Confirm, books, cancels and sees the fee', guestBooksThenCancels],
  ['instructor availability edits show on the public profile', instructorEditsAvailability],
  ['guest search history follows the login and can be deleted', guestHistoryFollowsLogin],
  ['search pages open at the top of the results; a page past the end leads back', searchPagesFromTheTop],
  ['a new account becomes an instructor and adds a service', newInstructorOnboards],
  ['a student moves a lesson to another free time', studentReschedules],
  ['an instructor fills a week from a preset and blocks a day off', instructorUsesWeekTools],
  ['an admin revokes a permission and deactivates an account', adminDeactivatesAccount],
  ['an admin opens search analytics, changes the range and downloads a CSV', adminAnalyticsRangeAndCsv],
  ['a student downloads their data and deletes their account', studentExportsThenDeletes],
  ['a student turns lesson reminder emails off on the account page', studentTurnsOffReminders],
  [
    'a student reviews a completed lesson, the instructor gives feedback and replies, the rating counts it',
    reviewReplyRating,
  ],
  [
    'a student saves an instructor from a card and finds them on the profile, My Lessons and home',
    studentSavesAnInstructor,
  ],
  [
    'a student and an instructor exchange messages live; the badge counts up and clears',
    studentAndInstructorMessageLive,
  ],
  [
    'availability editor: booked cells in words, preview in view, past hours marked',
    availabilityBookedAndPast,
  ],
  ['the time-zone picker lists common zones first with offsets and searches', timeZonePickerSearches],
  [
    'wrong-role pages redirect or say not allowed; a missing lesson is not retryable',
    wrongRoleAndMissingPages,
  ],
  [
    'at phone width the hero, category tabs and profile week fit; the Search focus ring shows',
    phoneDetailsFit,
    { width: 375, height: 812 },
  ],
  [
    'phone-width pages fit the screen and pass the accessibility audit',
    phoneLayouts,
    { width: 375, height: 812 },
  ],
  [
    'schedule: an instructor opens it from the dashboard and switches week, day, previous and next',
    instructorOpensSchedule,
  ],
  [
    'schedule: at phone width a list of days that fits and passes the audit',
    scheduleAtPhoneWidth,
    { width: 375, height: 812 },
  ],
  ['every page, as its role, at both widths: fits, no layout shift, passes the audit', everyPageMeetsTheBar],
];

// E2E_ONLY=messages runs only the journeys whose name holds that text.
const only = process.env.E2E_ONLY?.toLowerCase();
const chosen = only ? journeys.filter(([name]) => name.toLowerCase().includes(only)) : journeys;
if (!chosen.length) throw new Error(`no journey name contains "${process.env.E2E_ONLY}"`);

execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-web.ts'], { cwd: ROOT, stdio: 'inherit' });
const server = await startServer(Number(process.env.E2E_PORT ?? 3123));
const browser = await launchBrowser();
let failed = 0;
try {
  for (const [name, journey, viewport] of chosen) {
    const started = Date.now();
    const { context, page, errors } = await openPage(browser, server.url, viewport);
    try {
      // A journey with two people opens its second page from the browser (own context, own cookies).
      const detail = await journey({ page, errors, browser, baseURL: server.url });
      if (errors.length) throw new Error(`browser errors:\n  ${errors.join('\n  ')}`);
      console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${detail}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e.message}\n     at ${page.url()}`);
      await page.screenshot({ path: `${ROOT}/var/e2e-failure-${failed}.png` }).catch(() => undefined);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`e2e: ${chosen.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
