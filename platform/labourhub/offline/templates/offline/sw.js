// The offline app's service worker: keeps the app shell so the app opens with no network.
// Data never goes through here: visits live in IndexedDB and the API is always the network.
const VERSION = "{{ shell_version }}";
const CACHE = "labourhub-offline-" + VERSION;
const SHELL = "{{ shell_url }}";
const ASSETS = {{ assets_json }};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll([SHELL, ...ASSETS])).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith("labourhub-offline-") && k !== CACHE).map((k) => caches.delete(k))
      ))
      .then(() => self.clients.claim())
  );
});

async function shell(request) {
  const cache = await caches.open(CACHE);
  try {
    // Network first: a fresh page carries the current session's token and the signed-in name.
    const response = await fetch(request);
    if (response.ok && response.url.endsWith(SHELL)) cache.put(SHELL, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(SHELL);
    if (cached) return cached;
    throw err;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (event.request.mode === "navigate" && url.pathname === SHELL) {
    event.respondWith(shell(event.request));
    return;
  }
  if (ASSETS.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((hit) => hit || fetch(event.request)));
  }
});
