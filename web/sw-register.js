// Registers the offline worker (web/sw.js) and hands it the files this page loaded.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  window.addEventListener('load', async () => {
    try {
      await navigator.serviceWorker.register('sw.js');
      const reg = await navigator.serviceWorker.ready;
      const urls = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)];
      navigator.serviceWorker.addEventListener('message', (e) => {
        if (e.data && 'cached' in e.data) document.documentElement.dataset.offlineReady = String(e.data.cached > 0);
      });
      reg.active.postMessage({ cache: urls });
    } catch (e) {
      console.warn('offline support unavailable:', e);
    }
  });
}
