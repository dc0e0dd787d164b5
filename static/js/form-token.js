// An add form's one-time token: made here, in the browser, once per form, so the server can tell
// the same form posted again (Back and Save, a double click) from a new one, while the page itself
// stays the same for everyone who opens it and can be kept ready-made (crossroads/kept.py).
// Browsers restore on Back only values changed on the page, so a form come back to keeps the token
// it first had: a token is made only where the field is still empty.
(function () {
  "use strict";
  document.querySelectorAll("input[data-form-token]").forEach(function (input) {
    if (input.value) return;
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    input.value = Array.from(bytes, function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  });
})();
