import { useEffect } from 'react';
import { useAppStore } from '../store';
import { routeFromHash } from './hashRoute';

/** Keeps the store's route in step with the address bar. */
export function useHashRouting(): void {
  const setRoute = useAppStore((s) => s.setRoute);
  useEffect(() => {
    const sync = (): void => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', sync);
    sync();
    return () => window.removeEventListener('hashchange', sync);
  }, [setRoute]);
}
