import { useEffect } from 'react';
import { useLocation, useMatches } from 'react-router';

/** `ownTitle`: the page names the tab itself from its data (useOwnTitle), as the server's head does. */
export type TitleHandle = { title?: string | ((query: URLSearchParams) => string); ownTitle?: boolean };

const SITE_TITLE = 'InstaInstru — book a lesson in seconds';

/** Names the browser tab after the page (routes declare `handle.title`), as screen readers announce it. */
export function usePageTitle() {
  const matches = useMatches();
  const { search } = useLocation();
  const handles = matches.map((m) => m.handle as TitleHandle | undefined).filter((h) => h?.title);
  const own = handles.at(-1)?.ownTitle === true;
  const title = handles.at(-1)?.title;
  const text = typeof title === 'function' ? title(new URLSearchParams(search)) : title;
  useEffect(() => {
    if (own) return;
    document.title = text ? `${text} · InstaInstru` : SITE_TITLE;
  }, [text, own]);
}

/** A page's own tab title (the same words the server put in its head), `fallback` while loading. */
export function useOwnTitle(text: string | undefined, fallback: string) {
  useEffect(() => {
    document.title = `${text ?? fallback} · InstaInstru`;
  }, [text, fallback]);
}
