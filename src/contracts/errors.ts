// The one error body every refusal uses (ARCHITECTURE §4), shared by the server and the web app.
import { z } from 'zod';

export const errorResponse = z
  .object({
    error: z.object({
      /** Stable, machine-readable: clients branch on it, never on the message. */
      code: z.string(),
      /** A sentence for people. */
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .describe('Refused: the code says why, the message says it in words.');

export type ErrorResponse = z.infer<typeof errorResponse>;
