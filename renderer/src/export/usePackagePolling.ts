import { useEffect } from 'react';
import { useAppStore } from '../store';

const POLL_MS = 400;

/** Polls the running package job; stops as soon as it is done, failed or cancelled. */
export function usePackagePolling(): void {
  const running = useAppStore((s) => s.packageJob?.status.state === 'running');
  const refresh = useAppStore((s) => s.refreshPackageJob);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, refresh]);
}
