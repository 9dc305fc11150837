import { describe, expect, it } from 'vitest';
import { escapeHtml, formatMoney, renderEmail } from './email-layout.js';

describe('the email layout', () => {
  const content = {
    greeting: 'Hi <b>Eve</b> & co,',
    paragraphs: ['Line "one"', undefined, "It's\nsplit"],
    action: { label: 'Open <it>', url: 'https://x.example/a?b=1&c="2"' },
    footer: 'Why <you> got this',
  };

  it('renders the same words in the text part and the HTML part', () => {
    const { text, html } = renderEmail(content);
    expect(text).toBe(
      'Hi <b>Eve</b> & co,\n\nLine "one"\n\nIt\'s\nsplit\n\nOpen <it>: https://x.example/a?b=1&c="2"\n\nInstaInstru\n\nWhy <you> got this\n',
    );
    for (const s of [
      'Hi &lt;b&gt;Eve&lt;/b&gt; &amp; co,',
      'Line &quot;one&quot;',
      'It&#39;s<br>split',
      'Why &lt;you&gt; got this',
    ])
      expect(html).toContain(s);
  });

  it('escapes every interpolated value in HTML, the link included', () => {
    const { html } = renderEmail(content);
    expect(html).not.toMatch(/<b>|<it>|<you>/);
    expect(html).toContain('href="https://x.example/a?b=1&amp;c=&quot;2&quot;"');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('formats money with Intl.NumberFormat (dollars, cents, thousands)', () => {
    expect(formatMoney(6000)).toBe('$60.00');
    expect(formatMoney(3750)).toBe('$37.50');
    expect(formatMoney(123456)).toBe('$1,234.56');
  });
});
