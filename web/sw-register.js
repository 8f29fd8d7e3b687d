// Registers Parallax's service worker (sw.js) and tells the user when a new version is ready.
// Loaded by index.html; not part of the single-file build (no service worker on file://).
(() => {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const sw = navigator.serviceWorker;
  let reloading = false;
  // Reload only when the user asked for the new version (the first install also changes the
  // controller, and must not reload the page).
  let asked = false;
  sw.addEventListener('controllerchange', () => {
    if (asked && !reloading) {
      reloading = true;
      location.reload();
    }
  });

  function notice(worker) {
    if (document.getElementById('update-ready')) return;
    const box = document.createElement('div');
    box.id = 'update-ready';
    box.className = 'message info update-ready';
    box.setAttribute('role', 'status');
    // CSSOM, not a style attribute: allowed by the Content-Security-Policy.
    Object.assign(box.style, {
      position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '9000', display: 'flex', gap: '0.75rem',
      alignItems: 'center', padding: '0.6rem 0.9rem', borderRadius: '6px', maxWidth: 'calc(100vw - 2rem)',
      background: 'var(--panel, #fff)', color: 'var(--fg, #111)', border: '1px solid var(--line, #ccc)',
      boxShadow: '0 2px 10px rgba(0,0,0,.2)',
    });
    const text = document.createElement('span');
    text.textContent = 'A new version of Parallax is ready.';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.setAttribute('data-update-reload', '');
    button.addEventListener('click', () => {
      asked = true;
      button.disabled = true;
      worker.postMessage('skipWaiting');
      // If the worker had already taken over (another tab asked), reload now.
      if (worker.state === 'activated') location.reload();
    });
    box.append(text, button);
    document.body.append(box);
  }

  function watch(reg) {
    const ready = () => {
      // A waiting worker while another controls the page: an update, not the first install.
      if (reg.waiting && sw.controller) notice(reg.waiting);
    };
    const follow = (w) => w && w.addEventListener('statechange', () => w.state === 'installed' && ready());
    ready();
    // One may be installing already (the browser checks for an update as the page loads).
    follow(reg.installing);
    reg.addEventListener('updatefound', () => follow(reg.installing));
  }

  const register = () =>
    sw.register('sw.js', { scope: './' }).then(watch, (e) => console.warn('Parallax: no offline copy:', e));
  if (document.readyState === 'complete') register();
  else addEventListener('load', register);
})();
