// The console's only script besides htmx. No inline scripts anywhere (the CSP forbids them).
(function () {
  'use strict';
  // Every state-changing request carries the session's CSRF token.
  document.addEventListener('htmx:configRequest', function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta && meta.content) {
      event.detail.headers['X-CSRF-Token'] = meta.content;
    }
  });
  // "Upload" fills the PEM text area next to it, so a file and pasted text take the same path.
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type="file"][data-fills]') || !input.files.length) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      document.getElementById(input.getAttribute('data-fills')).value = reader.result;
    };
    reader.readAsText(input.files[0]);
  });
})();
