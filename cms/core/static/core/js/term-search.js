// A search box above each select marked data-term-search: typing hides the options whose
// name does not contain the words typed (case and accents ignored). Without this script the
// select works as it is.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(select) {
    if (select.dataset.termSearchReady) return;
    select.dataset.termSearchReady = "1";
    var input = document.createElement("input");
    input.type = "search";
    input.className = "w-field__input";
    input.placeholder = select.dataset.termSearch;
    input.setAttribute("aria-label", select.dataset.termSearch);
    input.setAttribute("aria-controls", select.id);
    input.style.marginBottom = "0.5rem";
    select.parentNode.insertBefore(input, select);
    if (select.multiple && !select.size) select.size = 8;
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(select.options, function (option) {
        var name = fold(option.text);
        option.hidden =
          !!option.value && !option.selected && !words.every(function (word) {
            return name.indexOf(word) !== -1;
          });
      });
    });
  }

  function enhanceAll(root) {
    Array.prototype.forEach.call(
      (root || document).querySelectorAll("select[data-term-search]"),
      enhance
    );
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { enhanceAll(); });
  } else {
    enhanceAll();
  }
  // Panels added later (inline forms, modals) are enhanced when they appear.
  new MutationObserver(function () { enhanceAll(); }).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
