// Nynorsk for the jQuery Validation plugin's own messages, which docassemble leaves in English
// where it sets none itself: e.g. «Please enter a valid date (ISO).» for a date typed half-way
// (an <input type="date"> gets the plugin's dateISO rule from its type).
(function () {
  function sett() {
    if (!window.jQuery || !jQuery.validator) { return false; }
    jQuery.extend(jQuery.validator.messages, {
      required: "Dette feltet må fyllast ut.",
      remote: "Rett opp dette feltet.",
      email: "Skriv ei gyldig e-postadresse.",
      url: "Skriv ei gyldig nettadresse.",
      date: "Skriv ein gyldig dato.",
      dateISO: "Skriv ein gyldig dato (ÅÅÅÅ-MM-DD).",
      number: "Skriv eit gyldig tal.",
      digits: "Skriv berre siffer.",
      equalTo: "Skriv den same verdien på nytt.",
      maxlength: jQuery.validator.format("Skriv høgst {0} teikn."),
      minlength: jQuery.validator.format("Skriv minst {0} teikn."),
      rangelength: jQuery.validator.format("Skriv mellom {0} og {1} teikn."),
      range: jQuery.validator.format("Skriv ein verdi mellom {0} og {1}."),
      max: jQuery.validator.format("Skriv ein verdi som er mindre enn eller lik {0}."),
      min: jQuery.validator.format("Skriv ein verdi som er større enn eller lik {0}."),
      step: jQuery.validator.format("Skriv eit tal som går opp i {0}.")
    });
    return true;
  }
  if (!sett()) { document.addEventListener("DOMContentLoaded", sett); }
})();

// docassemble re-validates a field when it loses focus. Clicking «Hald fram» takes the focus
// from the field, a message under it (a server-side one above all) disappears, the buttons move
// up under the pointer and the click misses (issue 13: eight lost clicks in two flows). Keep
// docassemble's trimming on blur, but check the fields when the form is sent, as a click on the
// button does, and while the user types.
(function () {
  function utanValideringVedBlur() {
    if (window.daValidator && window.daValidator.settings && typeof window.daInjectTrim === "function") {
      window.daValidator.settings.onfocusout = window.daInjectTrim(function () {});
    }
  }
  if (window.jQuery) {
    jQuery(document).on("daPageLoad", utanValideringVedBlur);
  } else {
    document.addEventListener("DOMContentLoaded", function () {
      jQuery(document).on("daPageLoad", utanValideringVedBlur);
    });
  }
})();
