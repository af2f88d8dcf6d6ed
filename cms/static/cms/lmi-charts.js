/* Draws the charts of a page with uPlot, loaded only when a chart is present.
   Every chart has a data table next to it, so nothing is lost without JavaScript. */
(function () {
  var charts = document.querySelectorAll(".lmi-chart[data-series]");
  if (!charts.length) return;
  // The template passes the library's hashed addresses (cached for a year).
  var me = document.currentScript;
  var css = document.createElement("link");
  css.rel = "stylesheet"; css.href = me.getAttribute("data-uplot-css"); document.head.appendChild(css);
  var s = document.createElement("script");
  s.src = me.getAttribute("data-uplot-js");
  s.onload = function () { charts.forEach(draw); };
  document.head.appendChild(s);
  var palette = ["#0b5cad", "#b3261e", "#1a7f37", "#8a4baf", "#b35c00", "#555f6b"];
  function draw(el) {
    var d = JSON.parse(document.getElementById(el.dataset.series).textContent);
    var xs = d.periods.map(function (_p, i) { return i; });
    var series = [{ label: d.x_label, value: function (_u, v) { return v == null ? "" : d.periods[v]; } }];
    var data = [xs];
    d.lines.forEach(function (line, i) {
      series.push({ label: line.name, stroke: palette[i % palette.length], width: 2,
                    points: { show: true }, spanGaps: false });
      data.push(line.values);
    });
    var width = Math.max(280, Math.min(el.clientWidth || 640, 900));
    new uPlot({
      width: width, height: 260, series: series,
      axes: [{ values: function (_u, ticks) { return ticks.map(function (t) { return d.periods[t] || ""; }); } },
             { label: d.unit }],
      scales: { x: { time: false } }
    }, data, el);
    el.setAttribute("role", "img");
  }
})();
