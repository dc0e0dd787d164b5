// The print page's "Print" button. Without JavaScript the button stays hidden and the page says
// how to print with the browser's own command instead.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
