// An add form's one-time token comes from the server in a hidden text field. Browsers bring back
// on Back only values changed on the page, so this makes the token a change of the page's (an empty default, the token typed in): a form come back
// to, even when the browser fetches the page anew, keeps the token it was first sent with, and
// the server can tell the same form posted again from a new one.
(function () {
  "use strict";
  document.querySelectorAll("input[data-form-token]").forEach(function (input) {
    var token = input.value;
    input.defaultValue = "";
    input.value = token;
  });
})();
