// The app shell for working without a network (现场检查 in a basement): pages reload from cache,
// hashed assets are kept, and the few reads the on-site form needs fall back to their last copy.
// Writes are never cached or replayed here: the form queues them in IndexedDB (features/inspections/drafts.ts).
const ASSETS = 'yj-assets-v1';
const DATA = 'yj-data-v1';
const SHELL = '/__shell';
/** GET reads the field form may need offline (network first, last copy when offline). */
const OFFLINE_READS = [/^\/api\/auth\/me$/, /^\/api\/my-tasks$/, /^\/api\/inspections\/checklist$/];

// The shell is stored at install, not only when a navigation passes through this worker: the page
// that registered it was loaded from the network, and may be the only one before the network goes.
self.addEventListener('install', (e) => {
  self.skipWaiting();
  e.waitUntil(
    caches
      .open(ASSETS)
      .then((c) => fetch('/').then((res) => (res.ok ? c.put(SHELL, res) : undefined)))
      .catch(() => undefined),
  );
});
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

self.addEventListener('message', (e) => {
  const m = e.data || {};
  if (m.type === 'cache-assets' && Array.isArray(m.urls)) {
    e.waitUntil(
      caches
        .open(ASSETS)
        .then((c) =>
          Promise.all(
            m.urls
              .filter((u) => new URL(u, self.location.origin).pathname.startsWith('/assets/'))
              .map((u) => c.match(u).then((hit) => hit || c.add(u).catch(() => undefined))),
          ),
        ),
    );
  }
  // Reads the page made before this worker controlled it (its first visit): stored now, so that the
  // field form still opens after the network goes. Only the offline reads, only those not yet kept.
  if (m.type === 'cache-reads' && Array.isArray(m.urls)) {
    e.waitUntil(
      caches.open(DATA).then((c) =>
        Promise.all(
          m.urls
            .filter((u) => OFFLINE_READS.some((re) => re.test(new URL(u, self.location.origin).pathname)))
            .map((u) =>
              c
                .match(u)
                .then((hit) => hit || fetch(u).then((res) => (res.ok ? c.put(u, res) : undefined)))
                .catch(() => undefined),
            ),
        ),
      ),
    );
  }
  // A page that loaded while this worker was still installing is not controlled by it (its claim
  // at activation can run before that page exists); the page asks to be claimed once it is ready.
  if (m.type === 'claim') e.waitUntil(self.clients.claim());
  // Signing out forgets the cached reads (they belong to the person signed in).
  if (m.type === 'clear-data') e.waitUntil(caches.delete(DATA));
});

async function networkFirst(request, key, cacheName) {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(key, res.clone());
    return res;
  } catch (err) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    e.respondWith(networkFirst(req, SHELL, ASSETS));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    e.respondWith(
      caches.open(ASSETS).then(async (c) => {
        const hit = await c.match(req);
        if (hit) return hit;
        const res = await fetch(req);
        if (res.ok) await c.put(req, res.clone());
        return res;
      }),
    );
    return;
  }
  if (OFFLINE_READS.some((re) => re.test(url.pathname))) e.respondWith(networkFirst(req, req.url, DATA));
});
