// The /insights page: reads GET /insights/api/summary and /insights/api/daily for the chosen days, draws the charts
// with Chart.js (bundled at build time, see bundles/NpmBundles.targets) and fills a table under each chart with
// the same numbers. No inline script: the page's Content-Security-Policy allows only scripts from this origin.
(function () {
  'use strict';

  var colors = { ink: '#161823', red: '#fe2c55', aqua: '#25f4ee', green: '#1a7f37', blue: '#0b57d0', grey: '#8a8d99' };
  var palette = [colors.red, colors.aqua, colors.ink, colors.blue, colors.green, colors.grey];
  var charts = {};

  Chart.defaults.animation = false; // a dashboard, not a show: numbers appear at once
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.maintainAspectRatio = false;

  function day(date) { return date.toISOString().slice(0, 10); }

  function initialRange() {
    var params = new URLSearchParams(location.search);
    var to = params.get('to') || day(new Date());
    var from = params.get('from') || day(new Date(Date.parse(to) - 29 * 86400000));
    document.getElementById('from').value = from;
    document.getElementById('to').value = to;
  }

  function query() {
    return '?from=' + encodeURIComponent(document.getElementById('from').value) +
      '&to=' + encodeURIComponent(document.getElementById('to').value);
  }

  function status(text, isError) {
    var element = document.getElementById('status');
    element.textContent = text;
    element.classList.toggle('error', !!isError);
  }

  async function getJson(path) {
    var response = await fetch(path + query(), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) { location.reload(); throw new Error('signed out'); }
    var body = await response.json();
    if (!response.ok) { throw new Error(body.detail || body.title || response.statusText); }
    return body;
  }

  function rate(yes, no) { return yes + no === 0 ? '–' : Math.round(100 * yes / (yes + no)) + ' %'; }

  function fillTable(id, rows, cells) {
    var body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren();
    if (rows.length === 0) {
      var tr = body.insertRow();
      var td = tr.insertCell();
      td.colSpan = document.querySelectorAll('#' + id + ' thead th').length;
      td.className = 'empty';
      td.textContent = 'Rien sur cette période.';
      return;
    }
    // Cells take the alignment of their column's header (numbers to the right).
    var numeric = Array.from(document.querySelectorAll('#' + id + ' thead th')).map(function (th) { return th.classList.contains('num'); });
    rows.forEach(function (row) {
      var tr = body.insertRow();
      cells(row).forEach(function (value, i) {
        var td = tr.insertCell();
        td.textContent = value === null || value === undefined ? '—' : String(value);
        if (numeric[i]) { td.className = 'num'; }
      });
    });
  }

  function draw(id, config) {
    if (charts[id]) { charts[id].destroy(); }
    charts[id] = new Chart(document.getElementById(id), config);
  }

  // Days × (channel or language): one stacked bar per day.
  function perDay(days, key) {
    var labels = Array.from(new Set(days.map(function (d) { return d.day; })));
    var groups = Array.from(new Set(days.map(function (d) { return d[key]; }))).sort();
    return {
      type: 'bar',
      data: {
        labels: labels,
        datasets: groups.map(function (group, i) {
          return {
            label: group,
            backgroundColor: palette[i % palette.length],
            data: labels.map(function (label) {
              return days.filter(function (d) { return d.day === label && d[key] === group; })
                .reduce(function (sum, d) { return sum + d.conversations; }, 0);
            }),
          };
        }),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    };
  }

  function render(summary, daily) {
    var rated = summary.branches.reduce(function (s, b) { return [s[0] + b.ratedYes, s[1] + b.ratedNo, s[2] + b.escalated]; }, [0, 0, 0]);
    document.getElementById('kpi-conversations').textContent = summary.conversations.total;
    document.getElementById('kpi-resolution').textContent = rate(rated[0], rated[1]);
    document.getElementById('kpi-escalation').textContent = rated[2];
    document.getElementById('kpi-not-understood').textContent =
      summary.notUnderstood.reduce(function (s, n) { return s + n.count; }, 0);

    draw('chart-by-channel', perDay(daily.days, 'channel'));
    draw('chart-by-language', perDay(daily.days, 'language'));
    fillTable('table-conversations', daily.days, function (d) { return [d.day, d.channel, d.language, d.conversations]; });

    var branches = summary.branches;
    draw('chart-branches', {
      type: 'bar',
      data: {
        labels: branches.map(function (b) { return b.branch; }),
        datasets: [
          { label: 'Commencés', backgroundColor: colors.ink, data: branches.map(function (b) { return b.started; }) },
          { label: 'Oui', backgroundColor: colors.green, data: branches.map(function (b) { return b.ratedYes; }) },
          { label: 'Non', backgroundColor: colors.red, data: branches.map(function (b) { return b.ratedNo; }) },
          { label: 'Escalades', backgroundColor: colors.aqua, data: branches.map(function (b) { return b.escalated; }) },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    fillTable('table-branches', branches, function (b) {
      return [b.branch, b.started, b.ratedYes, b.ratedNo, b.escalated, rate(b.ratedYes, b.ratedNo)];
    });

    var nodes = summary.nodes;
    draw('chart-nodes', {
      type: 'bar',
      data: {
        labels: nodes.map(function (n) { return n.branch + ' / ' + n.node; }),
        datasets: [
          { label: 'Non', backgroundColor: colors.red, data: nodes.map(function (n) { return n.ratedNo; }) },
          { label: 'Oui', backgroundColor: colors.green, data: nodes.map(function (n) { return n.ratedYes; }) },
        ],
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
    });
    fillTable('table-nodes', nodes, function (n) { return [n.branch, n.node, n.ratedYes, n.ratedNo]; });

    fillTable('table-not-understood', summary.notUnderstood, function (n) { return [n.text, n.count, n.guess]; });
    document.getElementById('text-off').hidden =
      !(summary.notUnderstood.length > 0 && summary.notUnderstood.every(function (n) { return n.text === null; }));

    document.querySelectorAll('a[data-csv]').forEach(function (link) {
      link.href = '/insights/api/csv/' + link.dataset.csv + query();
      link.download = '';
    });
  }

  async function load() {
    status('Chargement…');
    try {
      var results = await Promise.all([getJson('/insights/api/summary'), getJson('/insights/api/daily')]);
      render(results[0], results[1]);
      history.replaceState(null, '', query());
      status('Du ' + document.getElementById('from').value + ' au ' + document.getElementById('to').value + ' (UTC)');
      document.body.dataset.loaded = 'true';
    } catch (error) {
      status(error.message, true);
    }
  }

  document.getElementById('range').addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });
  initialRange();
  load();
})();
