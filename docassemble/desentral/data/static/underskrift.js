// docassemble's signature screen puts aria-required on a plain <div> (#dasigcontent), which
// ARIA does not allow there (axe: aria-allowed-attr). The field is named as a group instead, so
// a screen reader says what the drawing area is for; the refusal of an empty signature stays
// docassemble's own message (#daerrormess).
(function () {
  function merk() {
    var felt = document.getElementById("dasigcontent");
    if (!felt) { return; }
    felt.removeAttribute("aria-required");
    felt.setAttribute("role", "group");
    felt.setAttribute("aria-label", "Felt for underskrifta di. Teikn med mus, finger eller penn.");
  }
  if (window.jQuery) { jQuery(document).on("daPageLoad", merk); }
  document.addEventListener("DOMContentLoaded", merk);
  merk();
})();
