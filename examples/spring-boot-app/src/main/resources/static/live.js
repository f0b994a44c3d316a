// Keeps the figures of the page current: server-sent events from the REST API (the figures at once, then
// every second), or, in a browser without EventSource, a request to the API every second. The page works
// without this script: its figures are current when it loads.
(function () {
  var page = document.querySelector('[data-live-campaign]');
  var list = document.querySelector('[data-live-list]');
  if (!page && !list) { return; }
  var base = page ? '/api/campaigns/' + encodeURIComponent(page.getAttribute('data-live-campaign')) : '/api/campaigns';

  function fill(root, view) {
    root.querySelectorAll('[data-field]').forEach(function (cell) {
      var field = cell.getAttribute('data-field');
      var value = field === 'label' ? (view.phase ? view.state + ' (' + view.phase + ')' : view.state) : view.metrics[field];
      if (value !== undefined && cell.textContent !== String(value)) { cell.textContent = value; }
    });
  }
  function show(data) {
    if (page) {
      fill(page, data);
    } else {
      data.forEach(function (view) {
        var row = list.querySelector('[data-campaign="' + view.id + '"]');
        if (row) { fill(row, view); }
      });
    }
  }

  if (window.EventSource) {
    // the browser opens the stream again by itself when it ends
    var source = new EventSource(page ? base + '/live' : '/api/campaigns/live');
    source.addEventListener(page ? 'campaign' : 'campaigns', function (event) { show(JSON.parse(event.data)); });
  } else {
    setInterval(function () {
      fetch(base).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data) { show(data); } }).catch(function () {});
    }, 1000);
  }
})();
