// The service worker of debug builds (`trunk serve`): it takes over, deletes the caches a release
// build's worker left under this scope, and unregisters itself, so that every rebuild is served
// fresh. scripts/postbuild.mjs writes it as sw.js when TRUNK_PROFILE is not "release".
const VERSION = '__PARALLAX_VERSION__';
const FILES = __PARALLAX_FILES__;
const PREFIX = 'parallax:' + self.registration.scope + ':';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX)).map((k) => caches.delete(k))))
      .then(() => self.registration.unregister()),
  );
});
