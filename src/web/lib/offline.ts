/**
 * Registers the service worker (public/sw.js) that lets the app reload without a network, and
 * hands it the assets this page already loaded so the next offline start finds them.
 */
export function registerOffline() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  void navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      const send = () => {
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => u.startsWith(location.origin + '/assets/'));
        reg.active?.postMessage({ type: 'cache-assets', urls });
      };
      send();
      // Pages opened later load more chunks: hand those over too.
      setInterval(send, 30_000);
    })
    .catch(() => undefined);
}

/** Forget the cached reads of the person signing out. */
export function clearOfflineData() {
  navigator.serviceWorker?.controller?.postMessage({ type: 'clear-data' });
}
