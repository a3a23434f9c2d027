/* Main menu on small screens: a disclosure button (progressive enhancement).
   Without JavaScript the links are always shown; with it, small screens get a "Menu" button
   that opens and closes the list (Enter, Space, click) and Escape closes it and returns focus. */
(function () {
  "use strict";
  var nav = document.querySelector("[data-menu]");
  if (!nav) {
    return;
  }
  var button = nav.querySelector(".main-nav__toggle");
  var list = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!list) {
    return;
  }

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.setAttribute("data-menu", open ? "open" : "closed");
  }

  button.hidden = false;
  setOpen(false);

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });

  nav.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
