import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const categories = pgTable('categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  subtitle: text('subtitle').notNull(),
  description: text('description').notNull(),
  icon: text('icon').notNull(),
  displayOrder: integer('display_order').notNull(),
});

export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    description: text('description').notNull(),
    searchTerms: text('search_terms').array().notNull(),
    relatedSlugs: text('related_slugs').array().notNull(),
    onlineCapable: boolean('online_capable').notNull(),
    requiresCertification: boolean('requires_certification').notNull(),
    typicalDurations: integer('typical_durations').array().notNull(),
    displayOrder: integer('display_order').notNull(),
    /** Entries dropped from the data file are retired, never deleted: offerings may point at them. */
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('services_category_idx').on(t.categoryId, t.displayOrder)],
);
