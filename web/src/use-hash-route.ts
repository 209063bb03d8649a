import { useEffect, useState } from 'react';

/** The page named by the URL's hash (`#/tools/percent_of`), so the server needs no fallback routes. */
export type Route = { page: 'chat' } | { page: 'tools' } | { page: 'tool'; name: string } | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((part) => part !== '');
  if (parts[0] === 'tools' && parts[1] !== undefined) return { page: 'tool', name: decodeURIComponent(parts[1]) };
  if (parts[0] === 'tools') return { page: 'tools' };
  if (parts[0] === 'settings') return { page: 'settings' };
  return { page: 'chat' };
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
