import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../testing/test-app.js';

export const openConversation = (t: TestApp, token: string, body: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/conversations', token, payload: body });

export const send = (
  t: TestApp,
  token: string,
  conversationId: string,
  body: string,
  clientMessageId: string = randomUUID(),
) =>
  t.request({
    method: 'POST',
    url: `/api/v1/conversations/${conversationId}/messages`,
    token,
    payload: { body, clientMessageId },
  });

export const history = (t: TestApp, token: string, conversationId: string, query = '') =>
  t.request({ method: 'GET', url: `/api/v1/conversations/${conversationId}/messages${query}`, token });

/** A student's conversation with an instructor, opened through the route. */
export async function conversationBetween(
  t: TestApp,
  studentToken: string,
  instructorId: string,
): Promise<string> {
  const res = await openConversation(t, studentToken, { instructorId });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`open failed: ${res.body}`);
  return (res.json() as { id: string }).id;
}
