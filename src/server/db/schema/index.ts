export * from './accounts.js';
export * from './catalog.js';
export * from './ops.js';
export * from './instructors.js';
export * from './availability.js';
export * from './bookings.js';
export * from './search.js';
