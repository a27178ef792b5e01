/*
 * Runs in <head>, before the page is painted (deliberately not deferred; a few lines only).
 * If the visitor has closed the banner that the server shows, mark <html> so that CSS hides it
 * from the first paint: no flash and no layout shift on the following pages. banner.js (deferred)
 * then takes over and removes the mark.
 */
(function () {
  "use strict";
  try {
    var meta = document.querySelector('meta[name="urgent-banner-id"]');
    if (meta && window.localStorage.getItem("amnesty:bandeau-ferme:" + meta.content) === "1") {
      document.documentElement.classList.add("urgent-banner-closed");
    }
  } catch (error) {
    /* storage blocked: the banner shows, as without JavaScript */
  }
})();
