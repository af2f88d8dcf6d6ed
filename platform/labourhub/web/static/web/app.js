/* LabourHub staff shell. Loaded at the top of <body>: it marks the page as scripted before the
   first paint (GOV.UK Frontend styles depend on it), then starts GOV.UK Frontend's components
   and keeps one menu group open at a time. */
(function () {
  var script = document.currentScript;
  var body = document.body;
  body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
  document.addEventListener("DOMContentLoaded", function () {
    var url = script && script.getAttribute("data-govuk");
    if (url && body.className.indexOf("govuk-frontend-supported") !== -1) {
      import(url).then(function (govuk) { govuk.initAll(); });
    }
    var groups = Array.prototype.slice.call(document.querySelectorAll(".lh-nav__details"));
    function closeAll(except) {
      groups.forEach(function (d) { if (d !== except) { d.open = false; } });
    }
    groups.forEach(function (d) {
      d.addEventListener("toggle", function () { if (d.open) { closeAll(d); } });
    });
    document.addEventListener("click", function (e) {
      if (!e.target.closest || !e.target.closest(".lh-nav__details")) { closeAll(null); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") { return; }
      var open = groups.filter(function (d) { return d.open; })[0];
      if (open) { open.open = false; open.querySelector("summary").focus(); }
    });
  });
})();
