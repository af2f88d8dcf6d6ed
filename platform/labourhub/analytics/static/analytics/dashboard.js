// Draws one Chart.js bar chart per card from the JSON island; a click on a bar opens the list
// of records behind it. The table under each chart carries the same numbers and links for
// keyboard and screen-reader users, and for anyone without JavaScript.
(function () {
  "use strict";
  var island = document.getElementById("chart-data");
  if (!island || typeof Chart === "undefined") { return; }
  var data = JSON.parse(island.textContent);
  window.lhCharts = {};
  document.querySelectorAll("canvas[data-indicator]").forEach(function (canvas) {
    var code = canvas.getAttribute("data-indicator");
    var d = data[code];
    if (!d || !d.values.length) { canvas.hidden = true; return; }
    window.lhCharts[code] = new Chart(canvas, {
      type: "bar",
      data: { labels: d.labels, datasets: [{ label: canvas.getAttribute("aria-label"), data: d.values, backgroundColor: "#3182bd" }] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true } },
        onHover: function (evt, els) { evt.native.target.style.cursor = els.length ? "pointer" : "default"; },
        onClick: function (evt, els) { if (els.length) { window.location.href = d.urls[els[0].index]; } }
      }
    });
  });
})();
