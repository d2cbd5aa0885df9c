// Answers survive «Tilbake» (issue 13). docassemble's Back returns to the interview as it was
// before the earlier screen was answered, so what the user typed on the screens after it is gone
// when they go forward again. The browser keeps a copy of what the user typed in this tab
// (sessionStorage, never sent anywhere) under a key the interview gives each session
// (#desentral-okt), and puts it back into fields the server left empty. A value the server
// fills in always wins; a new session or «Start på nytt» has a new key; the copy is removed
// when the case is handed over or the user signs out.
(function () {
  function okt() {
    var el = document.getElementById("desentral-okt");
    return el ? el.getAttribute("data-okt") : null;
  }
  function hent(nokkel) {
    try { return JSON.parse(window.sessionStorage.getItem(nokkel) || "{}"); } catch (e) { return {}; }
  }
  function med(felt) {
    return felt.name && felt.name.charAt(0) !== "_" && felt.type !== "hidden" && felt.type !== "file" &&
      felt.type !== "password" && felt.type !== "submit" && felt.type !== "button";
  }
  function lagre(nokkel) {
    var svar = hent(nokkel);
    jQuery("#daform").find("input, textarea, select").each(function () {
      if (!med(this)) { return; }
      if (this.type === "radio") {
        if (this.checked) { svar[this.name] = this.value; }
      } else if (this.type === "checkbox") {
        svar[this.name] = this.checked ? "\u2713" : "";
      } else {
        svar[this.name] = jQuery(this).val();
      }
    });
    try { window.sessionStorage.setItem(nokkel, JSON.stringify(svar)); } catch (e) { /* full or off */ }
  }
  function fyll(nokkel) {
    var svar = hent(nokkel);
    var form = jQuery("#daform");
    var radioar = {};
    form.find("input, textarea, select").each(function () {
      if (!med(this) || !Object.prototype.hasOwnProperty.call(svar, this.name)) { return; }
      var felt = jQuery(this);
      if (this.type === "radio") {
        radioar[this.name] = true;
      } else if (this.type !== "checkbox" && !felt.val() && svar[this.name]) {
        felt.val(svar[this.name]).trigger("change");
      }
    });
    Object.keys(radioar).forEach(function (namn) {
      var gruppe = form.find("input[type=radio]").filter(function () { return this.name === namn; });
      if (gruppe.filter(":checked").length === 0) {
        gruppe.filter(function () { return this.value === svar[namn]; }).prop("checked", true).trigger("change");
      }
    });
    // a group of boxes with none ticked by the server: tick what the user had ticked
    form.find(".dafieldpart").each(function () {
      var boksar = jQuery(this).find("input[type=checkbox]").filter(function () { return med(this); });
      if (boksar.length === 0 || boksar.filter(":checked").length > 0) { return; }
      boksar.filter(function () { return svar[this.name]; }).prop("checked", true).trigger("change");
    });
  }
  function sidelast() {
    var merke = okt();
    if (!merke) { return; }
    var nokkel = "desentral-svar:" + merke;
    if (document.getElementById("desentral-ferdig")) {
      window.sessionStorage.removeItem(nokkel);
      return;
    }
    fyll(nokkel);
    jQuery("#daform").on("input change", "input, textarea, select", function () { lagre(nokkel); });
  }
  function start() {
    jQuery(document).on("daPageLoad", sidelast);
    jQuery(document).on("click", "a[href*='sign-out']", function () { window.sessionStorage.clear(); });
  }
  if (window.jQuery) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
})();
