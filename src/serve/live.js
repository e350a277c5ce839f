// helder's preview: reload this page when the site has been built again.
// Served by `helder serve` only; a built site never holds it.
(function () {
  var me = document.currentScript && document.currentScript.src;
  var since = me ? new URL(me).searchParams.get("since") : "0";
  var events = new EventSource("/__helder/events?since=" + since);
  events.addEventListener("reload", function () {
    events.close();
    location.reload();
  });
})();
