import { useEffect } from 'react';
import { useLocation, useMatches } from 'react-router';

export type TitleHandle = { title?: string | ((query: URLSearchParams) => string) };

/** Names the browser tab after the page (routes declare `handle.title`), as screen readers announce it. */
export function usePageTitle() {
  const matches = useMatches();
  const { search } = useLocation();
  const title = matches
    .map((m) => (m.handle as TitleHandle | undefined)?.title)
    .filter(Boolean)
    .pop();
  const text = typeof title === 'function' ? title(new URLSearchParams(search)) : title;
  useEffect(() => {
    document.title = text ? `${text} · InstaInstru` : 'InstaInstru — book a lesson in seconds';
  }, [text]);
}
