/**
 * The service worker of the owner's push messages, served from here so its scope is
 * /my-system/ and nothing else of the app is under its control. It only shows what the API's
 * Web Push provider sends ({ title, body }) and opens the owner's page when tapped.
 */
const WORKER = `
self.addEventListener('push', (event) => {
  let data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = { body: event.data ? event.data.text() : '' }; }
  event.waitUntil(self.registration.showNotification(data.title || 'Fleet', { body: data.body || '', tag: data.tag }));
});
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow('/my-system'));
});
`;

export function GET() {
  return new Response(WORKER, {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' },
  });
}
