/**
 * Registers the service worker (public/sw.js) that lets the app reload without a network, and
 * hands it the assets and reads this page already loaded so the next offline start finds them.
 */
export function registerOffline() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  void navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      // First visit: the worker may have activated (and claimed its pages) before this page became
      // one of them; without a controller the field form's reads would not fall back offline.
      if (!navigator.serviceWorker.controller) reg.active?.postMessage({ type: 'claim' });
      const send = () => {
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => u.startsWith(location.origin + '/'));
        reg.active?.postMessage({ type: 'keep', urls });
      };
      send();
      // Once this page is taken over, what it loaded before is handed over in full.
      navigator.serviceWorker.addEventListener('controllerchange', send, { once: true });
      // Pages opened later load more chunks: hand those over too.
      setInterval(send, 30_000);
    })
    .catch(() => undefined);
}

/** Forget the cached reads of the person signing out. */
export function clearOfflineData() {
  navigator.serviceWorker?.controller?.postMessage({ type: 'clear-data' });
}
