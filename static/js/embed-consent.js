/* Click-to-load embeds (templates/media_library/includes/embed_consent.html).
   The player iframe waits in an inert <template>; a click on the button puts it in the page. */
(function () {
  "use strict";
  if (window.cufEmbedConsent) {
    return; // the script is included once per embed; bind once
  }
  window.cufEmbedConsent = true;

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-embed-load]");
    if (!button) {
      return;
    }
    var figure = button.closest("[data-embed-consent]");
    var template = figure && figure.querySelector("template[data-embed-player]");
    if (!template) {
      return;
    }
    var player = template.content.cloneNode(true);
    var frame = player.querySelector("iframe");
    figure.querySelector(".embed__consent").replaceWith(player);
    figure.classList.add("embed--loaded");
    if (frame) {
      frame.focus();
    }
  });
})();
