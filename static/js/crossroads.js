// Crossroads' only script. Every page works without it; with it, focus goes where a keyboard or
// screen-reader user needs it next. Loaded with `defer` from base.html (the CSP allows no inline script).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // After a failed submit: the error summary takes focus, so it is read out first (GOV.UK).
  function focusErrorSummary() {
    var summary = document.querySelector(".error-summary");
    if (!summary) return false;
    summary.focus();
    return true;
  }

  // After an in-place action the page comes back with #the-item-it-changed: focus that item
  // (it has tabindex="-1"), as the browser only scrolls to it. An item in a closed disclosure
  // (the plan's names and follow-ups) is shown first, where the browser has not opened it.
  function focusChangedItem() {
    if (!location.hash) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var d = target && target.closest("details"); d; d = d.parentElement.closest("details")) {
      d.open = true;
    }
    if (target && target.getAttribute("tabindex") === "-1") {
      target.focus();
      target.scrollIntoView({ block: "start" });
    }
  }

  // A summary link focuses its field and shows the field's label or legend with it.
  function followSummaryLink(event) {
    var link = event.target.closest(".error-summary a[href^='#']");
    if (!link) return;
    var input = document.getElementById(link.getAttribute("href").slice(1));
    if (!input) return;
    event.preventDefault();
    var group = input.closest("fieldset");
    var legend = group && group.querySelector("legend");
    var label = legend || document.querySelector("label[for='" + input.id + "']") || input;
    label.scrollIntoView({ block: "start" });
    input.focus({ preventScroll: true });
  }

  // A dismissed message leaves focus on nothing: put it back at the start of the content.
  function afterAlertClosed() {
    var main = document.getElementById("main");
    if (!main) return;
    main.setAttribute("tabindex", "-1");
    main.focus();
  }

  document.addEventListener("click", followSummaryLink);
  document.addEventListener("closed.bs.alert", afterAlertClosed);
  if (!focusErrorSummary()) focusChangedItem();
})();
