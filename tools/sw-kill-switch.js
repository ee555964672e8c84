// The service worker that removes Tidende's, for an operator who needs it gone (docs/
// deploy.md, "Removing the service worker"): `make build SERVICE_WORKER=off` (or
// tools/postbuild.cjs site with SERVICE_WORKER=off over a built folder) writes this as
// sw.js, and takes the worker's meta out of every page, so the pages no longer register one
// and unregister the one they had (src/islands.js).
//
// A browser that checks the registered worker for an update (on a navigation, or the page's
// hourly check) gets this one: it takes over at once, deletes the old worker's caches, and
// unregisters itself. It answers no requests, so from then on every one goes to the
// network; the open pages are left as they are (no reload), and the next page load is the
// site as served.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) await caches.delete(key);
      await self.registration.unregister();
    })()
  );
});
