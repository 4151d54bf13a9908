/*
 * rrp-workflow: forms speak English whatever the browser's language.
 *
 * Tasklist 7.24's Camunda Forms (form-js 1.8) take the format of their date fields from the browser's default
 * locale (`new Intl.DateTimeFormat()` with no locale): in a browser set to English (United States) they show
 * mm/dd/yyyy and read 01/12/2026 as 12 January. Made before any form renders, en-GB is that default here, so every
 * date field shows and takes dd/mm/yyyy; a locale asked for by name is left as asked.
 *
 * form-js says "Field must match pattern ^[^@\s]+@…$." for an email address it refuses (its pattern is the server's
 * own rule), and the same for a setting's identifier; form-js 1.8 has no error message of a form's own, so the person
 * reads a sentence instead.
 */
define('rrp-tasklist-english', [], function () {
  'use strict';

  var Native = Intl.DateTimeFormat;
  function BritishByDefault(locales, options) {
    return new Native(locales === undefined || locales === 'default' ? 'en-GB' : locales, options);
  }
  BritishByDefault.prototype = Native.prototype;
  BritishByDefault.supportedLocalesOf = Native.supportedLocalesOf.bind(Native);
  Intl.DateTimeFormat = BritishByDefault;

  var EMAIL_PATTERN_ERROR = /^Field must match pattern \^\[\^@\\s\]\+@/;
  var EMAIL_SENTENCE = 'Enter an email address such as name@example.org.';
  var SETTING_ID_PATTERN_ERROR = /^Field must match pattern \^\[A-Za-z0-9-\]\{3,20\}\$/;
  var SETTING_ID_SENTENCE = "Enter 3 to 20 letters, digits or hyphens, such as the setting's URN.";

  /** Rewords the text in place (the form's renderer keeps its own text nodes, so they are changed, not replaced). */
  function reword(root) {
    var errors = root.querySelectorAll ? root.querySelectorAll('.fjs-form-field-error') : [];
    for (var i = 0; i < errors.length; i++) {
      var walker = document.createTreeWalker(errors[i], NodeFilter.SHOW_TEXT);
      for (var text = walker.nextNode(); text; text = walker.nextNode()) {
        if (EMAIL_PATTERN_ERROR.test(text.data.trim())) {
          text.data = EMAIL_SENTENCE;
        } else if (SETTING_ID_PATTERN_ERROR.test(text.data.trim())) {
          text.data = SETTING_ID_SENTENCE;
        }
      }
    }
  }

  function watch() {
    new MutationObserver(function (changes) {
      for (var i = 0; i < changes.length; i++) {
        var target = changes[i].target;
        reword(target.nodeType === 1 ? target : target.parentNode || document);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  if (document.body) {
    watch();
  } else {
    document.addEventListener('DOMContentLoaded', watch);
  }
  return { EMAIL_SENTENCE: EMAIL_SENTENCE, SETTING_ID_SENTENCE: SETTING_ID_SENTENCE };
});
