// Answers without a body. `type: null` is how the OpenAPI generator knows to document no content.
import { z } from 'zod';

export const noContent = z.null().describe('Done; nothing to say.');
export const notModified = z.null().describe('Not modified: the copy you have (If-None-Match) is current.');
