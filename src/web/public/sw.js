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

/** The cache a URL the page loaded belongs in: hashed assets, or the last copy of an offline read. */
function cacheFor(path) {
  if (path.startsWith('/assets/')) return ASSETS;
  if (OFFLINE_READS.some((re) => re.test(path))) return DATA;
  return null;
}

self.addEventListener('message', (e) => {
  const m = e.data || {};
  // What the page already loaded before this worker saw it (its script files, and on a first visit
  // the offline reads): kept now if not yet, so that the next start without a network finds them.
  if (m.type === 'keep' && Array.isArray(m.urls)) {
    e.waitUntil(
      Promise.all(
        m.urls.map(async (u) => {
          const name = cacheFor(new URL(u, self.location.origin).pathname);
          if (!name) return;
          const c = await caches.open(name);
          if (!(await c.match(u))) await c.add(u).catch(() => undefined);
        }),
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
