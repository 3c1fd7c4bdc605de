// The app shell for working without a network (现场检查 in a basement): pages reload from cache,
// hashed assets are kept, and the few reads the on-site form needs fall back to their last copy.
// Writes are never cached or replayed here: the form queues them in IndexedDB (features/inspections/drafts.ts).
const ASSETS = 'yj-assets-v1';
const DATA = 'yj-data-v1';
const SHELL = '/__shell';
/** GET reads the field form may need offline (network first, last copy when offline). */
const OFFLINE_READS = [/^\/api\/auth\/me$/, /^\/api\/my-tasks$/, /^\/api\/inspections\/checklist$/];

self.addEventListener('install', () => self.skipWaiting());
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
