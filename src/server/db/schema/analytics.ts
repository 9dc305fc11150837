import { boolean, doublePrecision, integer, pgTable, uuid } from 'drizzle-orm/pg-core';
import { services } from './catalog.js';
import { ts } from './columns.js';

/** Per-service demand, written whole by the service-analytics job; ranking and the homepage read it. */
export const serviceAnalytics = pgTable('service_analytics', {
  serviceId: uuid('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  searches7d: integer('searches_7d').notNull(),
  searches30d: integer('searches_30d').notNull(),
  bookings7d: integer('bookings_7d').notNull(),
  bookings30d: integer('bookings_30d').notNull(),
  priceP25Cents: integer('price_p25_cents'),
  priceMedianCents: integer('price_median_cents'),
  priceP75Cents: integer('price_p75_cents'),
  mostBookedDuration: integer('most_booked_duration'),
  activeInstructors: integer('active_instructors').notNull(),
  /** 0–1, relative to the most demanded service (decision 0016). */
  demandScore: doublePrecision('demand_score').notNull(),
  trending: boolean('trending').notNull(),
  computedAt: ts('computed_at').notNull(),
});
