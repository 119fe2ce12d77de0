// Vigie console: light progressive enhancement. Every page works without this script; with it,
// times are shown in the viewer's own time zone and language, and the wall updates itself from
// the server's event stream (server-sent events) without a reload.
(function () {
  'use strict';

  // the viewer's time zone, for what the server draws itself (the graphs' time axis)
  function rememberTimeZone() {
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      var cookie = 'vigie-tz=' + encodeURIComponent(zone);
      if (zone && document.cookie.indexOf(cookie) < 0) {
        document.cookie = cookie + '; path=/; max-age=31536000; SameSite=Lax';
      }
    } catch (e) { /* an old browser: the graphs stay in UTC, and say so */ }
  }
  rememberTimeZone();

  function localizeTimes(root) {
    var lang = document.documentElement.lang || undefined;
    var format;
    try {
      format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    } catch (e) {
      return;
    }
    root.querySelectorAll('time[datetime]').forEach(function (el) {
      var at = new Date(el.getAttribute('datetime'));
      if (!isNaN(at.getTime())) {
        el.title = el.textContent;
        el.textContent = format.format(at);
      }
    });
  }

  function followWall(panels) {
    var live = document.getElementById('wall-live');
    var source = new EventSource(panels.getAttribute('data-stream'));
    source.addEventListener('open', function () {
      if (live) { live.textContent = live.getAttribute('data-live'); live.className = 'live on'; }
    });
    source.addEventListener('error', function () {
      // the browser reconnects by itself (the stream ends before the access token expires)
      if (live) { live.textContent = live.getAttribute('data-reconnecting'); live.className = 'live off'; }
    });
    source.addEventListener('wall', function (event) {
      // keep the keyboard where it was: the same ticket's button after the swap
      var focused = document.activeElement;
      var row = focused && panels.contains(focused) ? focused.closest('[data-ticket]') : null;
      panels.innerHTML = event.data;
      localizeTimes(panels);
      panels.setAttribute('data-updated', String(Date.now()));
      if (row) {
        var again = panels.querySelector('[data-ticket="' + row.getAttribute('data-ticket') + '"] button, [data-ticket="' + row.getAttribute('data-ticket') + '"] a');
        if (again) { again.focus(); }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    localizeTimes(document);
    var panels = document.getElementById('wall-panels');
    if (panels && window.EventSource) {
      followWall(panels);
    }
  });
})();
