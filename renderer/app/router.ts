import { useEffect, useState } from 'react';

/**
 * Hash routes (`#/families/child/12`): they work the same from the desktop
 * app's custom protocol and from browser mode, with no server routing.
 */
export function currentPath(): string[] {
  const hash = window.location.hash.replace(/^#\/?/, '');
  if (hash.startsWith('token=')) return [];
  return hash.split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
}

export function currentQuery(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '');
}

export function navigate(path: string) {
  window.location.hash = path.startsWith('/') ? path : `/${path}`;
}

export function useRoute() {
  const [path, setPath] = useState(currentPath);
  const [query, setQuery] = useState(currentQuery);
  useEffect(() => {
    const onChange = () => {
      setPath(currentPath());
      setQuery(currentQuery());
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return { path, query };
}
