// Refreshes the figures of the page every second from the REST API; the page works without it.
(function () {
  function fill(root, view) {
    root.querySelectorAll('[data-field]').forEach(function (cell) {
      var field = cell.getAttribute('data-field');
      var value = field === 'label' ? (view.phase ? view.state + ' (' + view.phase + ')' : view.state) : view.metrics[field];
      if (value !== undefined && cell.textContent !== String(value)) { cell.textContent = value; }
    });
  }
  function refresh() {
    var page = document.querySelector('[data-live-campaign]');
    var list = document.querySelector('[data-live-list]');
    if (page) {
      fetch('/api/campaigns/' + encodeURIComponent(page.getAttribute('data-live-campaign')))
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (view) { if (view) { fill(page, view); } }).catch(function () {});
    } else if (list) {
      fetch('/api/campaigns').then(function (r) { return r.ok ? r.json() : []; }).then(function (views) {
        views.forEach(function (view) {
          var row = list.querySelector('[data-campaign="' + view.id + '"]');
          if (row) { fill(row, view); }
        });
      }).catch(function () {});
    }
  }
  setInterval(refresh, 1000);
})();
