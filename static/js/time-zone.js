// Time zone selects: a search box that narrows the long list, and on sign-up the browser's own
// zone chosen for the person. Without JavaScript the select works as it is (the server's default
// is chosen), so this only adds.
(function () {
  "use strict";

  function readAliases() {
    var data = document.getElementById("time-zone-aliases");
    if (!data) return {};
    try { return JSON.parse(data.textContent); } catch (e) { return {}; }
  }

  function chooseBrowserZone(select) {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    if (!zone) return;
    zone = readAliases()[zone] || zone;
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === zone) {
        select.value = zone;
        return;
      }
    }
  }

  function addSearch(select) {
    var wrapper = document.createElement("div");
    wrapper.className = "time-zone-search mb-2";
    var label = document.createElement("label");
    label.className = "form-label small";
    label.htmlFor = select.id + "_search";
    label.textContent = "Find a city or country in the list";
    var input = document.createElement("input");
    input.type = "search";
    input.id = select.id + "_search";
    input.className = "form-control form-control-sm";
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-controls", select.id);
    var status = document.createElement("p");
    status.className = "form-text time-zone-search-status";
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(label);
    wrapper.appendChild(input);
    wrapper.appendChild(status);
    select.parentNode.insertBefore(wrapper, select);

    input.addEventListener("input", function () {
      var words = input.value.trim().toLowerCase().replace(/_/g, " ");
      var shown = 0;
      var first = null;
      var groups = select.querySelectorAll("optgroup");
      Array.prototype.forEach.call(select.options, function (option) {
        var text = (option.text + " " + option.value.replace(/_/g, " ")).toLowerCase();
        var match = !words || text.indexOf(words) !== -1;
        option.hidden = !match;
        if (match) {
          shown += 1;
          if (!first) first = option;
        }
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !Array.prototype.some.call(group.children, function (o) { return !o.hidden; });
      });
      if (words && first) select.value = first.value;
      status.textContent = words ? shown + (shown === 1 ? " place matches" : " places match") : "";
    });
  }

  document.querySelectorAll("select[data-time-zone]").forEach(function (select) {
    if (select.hasAttribute("data-browser-default")) chooseBrowserZone(select);
    addSearch(select);
  });
})();
