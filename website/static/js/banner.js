/*
 * The urgent banner: show the one whose window contains "now" (latest start wins), let visitors
 * close it, and remember that per banner id in localStorage so a new banner shows again.
 *
 * The server renders the current banner visible and the next one hidden, each with data-start and
 * data-end (ISO 8601): a page served from a cache still shows or hides them at the right time.
 * Without JavaScript the current banner simply stays and the close button stays hidden.
 */
(function () {
  "use strict";

  var STORAGE_PREFIX = "amnesty:bandeau-ferme:";
  var FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';

  function isDismissed(id) {
    try {
      return window.localStorage.getItem(STORAGE_PREFIX + id) === "1";
    } catch (error) {
      return false; // storage blocked: the banner stays, which is the safe default
    }
  }

  function dismiss(id) {
    try {
      window.localStorage.setItem(STORAGE_PREFIX + id, "1");
    } catch (error) {
      /* storage blocked: closed for this page only */
    }
  }

  function time(value) {
    var parsed = value ? Date.parse(value) : NaN;
    return isNaN(parsed) ? null : parsed;
  }

  function banners() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-banner]"));
  }

  // Show at most one banner: in its window, not dismissed, the latest start.
  function refresh() {
    var now = Date.now();
    var winner = null;
    var nextChange = null;
    banners().forEach(function (banner) {
      var start = time(banner.dataset.start);
      var end = time(banner.dataset.end);
      [start, end].forEach(function (moment) {
        if (moment !== null && moment > now && (nextChange === null || moment < nextChange)) nextChange = moment;
      });
      var live = (start === null || start <= now) && (end === null || now < end);
      if (live && !isDismissed(banner.dataset.bannerId)) {
        if (winner === null || (start || 0) > (time(winner.dataset.start) || 0)) winner = banner;
      }
    });
    banners().forEach(function (banner) {
      banner.hidden = banner !== winner;
    });
    // A page left open switches banners at the next boundary (timers beyond ~24 days overflow).
    if (nextChange !== null && nextChange - now < 2147483647) {
      window.setTimeout(refresh, nextChange - now + 50);
    }
  }

  function focusAfter(banner) {
    var candidates = Array.prototype.slice.call(document.querySelectorAll(FOCUSABLE));
    var next = candidates.find(function (element) {
      return (
        !banner.contains(element) &&
        banner.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING &&
        element.getClientRects().length > 0
      );
    });
    (next || document.getElementById("contenu")).focus();
  }

  function init() {
    banners().forEach(function (banner) {
      var button = banner.querySelector("[data-banner-close]");
      if (!button) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        dismiss(banner.dataset.bannerId);
        banner.hidden = true;
        focusAfter(banner);
      });
    });
    refresh();
    // banner-early.js hid a closed banner before the first paint; from now on `hidden` decides.
    document.documentElement.classList.remove("urgent-banner-closed");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
