// Show a conditional question only when the question it depends on has the given answer.
// Without JavaScript every question shows; the server clears answers to hidden ones anyway.
(function () {
  var form = document.getElementById("section-form");
  if (!form) return;
  function valueOf(code) {
    var checked = form.querySelector('[name="' + code + '"]:checked');
    if (checked) return checked.value;
    var el = form.querySelector('[name="' + code + '"]:not([type=radio])');
    return el ? el.value : null;
  }
  function refresh() {
    form.querySelectorAll("[data-condition]").forEach(function (el) {
      var code = el.getAttribute("data-condition");
      var current = valueOf(code);
      if (current === null) return; // depends on another section: leave it visible
      var box = el.closest("[data-question]");
      if (box) box.hidden = current !== el.getAttribute("data-condition-value");
    });
  }
  form.addEventListener("change", refresh);
  refresh();
})();
