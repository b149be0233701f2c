// Offline support: after the first visit the page works without a network. Same-origin GETs
// go to the network first (so a new build is picked up) and fall back to the cache; the page
// tells this worker which files it loaded, and they are cached at once.
const CACHE = 'article-annotator-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const urls = (event.data && event.data.cache) || [];
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(urls.filter((u) => new URL(u).origin === self.location.origin)))
      .then(() => event.source && event.source.postMessage({ cached: urls.length }))
      .catch(() => event.source && event.source.postMessage({ cached: 0 })),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok) cache.put(req, res.clone());
      return res;
    } catch (err) {
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      throw err;
    }
  })());
});
