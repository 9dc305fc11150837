// A page of a list, as every paginated route answers it.
import { z } from 'zod';

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.int().min(0),
    page: z.int().min(1),
    perPage: z.int().min(1),
  });
