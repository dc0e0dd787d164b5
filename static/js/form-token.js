// An add form's one-time token must come back when the person goes Back to the form and presses
// Save again, so the server can tell it is the same form. Browsers restore on Back only values
// changed on the page, so the page carries the token in a data attribute and this puts it in the
// field, unless the browser has just restored the one the form had before.
(function () {
  "use strict";
  document.querySelectorAll("input[data-form-token]").forEach(function (input) {
    if (!input.value) input.value = input.getAttribute("data-form-token");
  });
})();
