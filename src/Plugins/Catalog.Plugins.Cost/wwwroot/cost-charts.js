// Draws the cost charts the server rendered as data attributes. Progressive enhancement: every chart has a table
// with the same numbers next to it, so without this script (or without ECharts) nothing is lost.
(function () {
  'use strict';
  function money(value, currency) {
    return Number(value).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' ' + currency;
  }
  function daily(data) {
    return {
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return money(v, data.currency); } },
      legend: { data: ['Storage', 'Compute'], top: 0, right: 0 },
      grid: { left: 60, right: 16, top: 40, bottom: 32, containLabel: false },
      xAxis: { type: 'category', data: data.days },
      yAxis: { type: 'value', name: data.currency },
      series: [
        { name: 'Storage', type: 'bar', stack: 'cost', data: data.storage },
        { name: 'Compute', type: 'bar', stack: 'cost', data: data.compute }
      ]
    };
  }
  function bars(data) {
    return {
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return money(v, data.currency); } },
      grid: { left: 200, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', name: data.currency },
      yAxis: { type: 'category', data: data.labels, axisLabel: { width: 190, overflow: 'truncate' } },
      series: [{ name: 'This month', type: 'bar', data: data.values }]
    };
  }
  function draw() {
    if (typeof echarts === 'undefined') return;
    document.querySelectorAll('[data-cost-chart]').forEach(function (element) {
      if (element.dataset.drawn) return;
      var data = JSON.parse(element.dataset.chart);
      // Sized here, not in a style attribute: the CSP allows no inline style, and the CSSOM is not inline style.
      element.style.height = Number(element.dataset.height || 280) + 'px';
      var chart = echarts.init(element, null, { renderer: 'svg' });
      chart.setOption(element.dataset.costChart === 'bars' ? bars(data) : daily(data));
      element.dataset.drawn = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
  document.addEventListener('htmx:afterSettle', draw);
})();
