// "Copy" buttons next to read-only fields: shown only when JavaScript runs (the field itself can
// always be selected and copied by hand).
document.querySelectorAll("[data-copy-target]").forEach((button) => {
  const field = document.getElementById(button.dataset.copyTarget);
  const status = document.getElementById(button.dataset.copyStatus);
  button.hidden = false;
  button.addEventListener("click", async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = "Copied. Paste it into your calendar app.";
    } catch {
      status.textContent = "Selected: press Ctrl+C (or ⌘C) to copy it.";
    }
  });
});
