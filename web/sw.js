// Parallax's service worker. scripts/postbuild.mjs writes it into the build with the two
// placeholders filled in: VERSION, a content hash of every file of the build, and FILES, those
// files (relative to this script). A new deployment is a new VERSION, so a new cache, filled
// whole before the new worker may take over: a page never gets a mix of old and new files.
const VERSION = '__PARALLAX_VERSION__';
const FILES = __PARALLAX_FILES__;
// Caches are per origin, and an origin can hold several sites (someone.github.io/a/, /b/):
// the name carries this worker's scope, and only this scope's old caches are deleted.
const PREFIX = 'parallax:' + self.registration.scope + ':';
const CACHE = PREFIX + VERSION;
const URLS = new Set(FILES.map((f) => new URL(f, self.registration.scope).href));
const INDEX = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, which may still hold the previous deployment's
  // index.html, manifest or icons. Files named by their content hash (Trunk's filehash: the wasm,
  // the glue, the stylesheet) cannot be stale: the copy the page just loaded is used, not
  // downloaded twice.
  const request = (u) => new Request(u, { cache: /-[0-9a-f]{16}(_bg)?\.(wasm|js|css)$/.test(u) ? 'default' : 'reload' });
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...URLS].map(request))));
  // No skipWaiting here: a new version waits until the page asks (its "Reload" button).
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  url.hash = '';
  url.search = '';
  let key = url.href;
  // The page itself, under any name it is opened by (./, ./index.html, ./?x, ./#view).
  if (req.mode === 'navigate' && (key === self.registration.scope || key === INDEX)) key = INDEX;
  if (!URLS.has(key)) return; // not part of the build: the network, as without a worker
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key).then((hit) => hit || fetch(req)),
    ),
  );
});
