// eventgraph timeline page: draws GET /timeline as a vertical timeline
// grouped by year and month, with filters and an evidence pane. Plain JS,
// no libraries; all text goes through textContent.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
    'August', 'September', 'October', 'November', 'December'];
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  var FIELDS = ['actor', 'type', 'from', 'to'];

  var state = { items: [], byId: {}, selected: null, seq: 0, types: {}, actors: {} };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // ---- dates ----
  function parseDay(s) {
    var p = s.split('-');
    return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
  }
  function fmtDay(s, withWeekday) {
    var d = parseDay(s);
    var t = d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
    return withWeekday ? DAYS[d.getUTCDay()] + ' ' + t : t;
  }
  function shortDay(s) {
    var d = parseDay(s);
    return d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()].slice(0, 3);
  }
  function quarter(s) { return Math.floor((+s.slice(5, 7) - 1) / 3) + 1; }
  // quarterOf prefers the quarter the value names ("2017-Q4" for late 2017,
  // whose span starts in September) over the start's.
  function quarterOf(d) {
    var m = /-Q([1-4])$/.exec(d.value || '');
    return m ? +m[1] : quarter(d.start);
  }

  // when says an event's date at its precision.
  function when(d) {
    if (!d || !d.start) return 'Date unknown';
    var y = d.start.slice(0, 4);
    switch (d.precision) {
      case 'DAY': return fmtDay(d.start, true);
      case 'WEEK': return 'Week of ' + shortDay(d.start) + ' – ' + shortDay(d.end) + ' ' + d.end.slice(0, 4);
      case 'MONTH': return MONTHS[+d.start.slice(5, 7) - 1] + ' ' + y;
      case 'QUARTER': return 'Q' + quarterOf(d) + ' ' + y + ' (' + shortDay(d.start) + ' – ' + shortDay(d.end) + ')';
      case 'YEAR': return y;
    }
    return d.start === d.end ? fmtDay(d.start) : fmtDay(d.start) + ' – ' + fmtDay(d.end);
  }

  // group places an event under a year and a month (or quarter, or the
  // whole year when that is all that is known).
  function group(d) {
    if (!d || !d.start) return { year: 'Undated', key: 'undated', label: 'Date unknown' };
    var y = d.start.slice(0, 4);
    if (d.precision === 'YEAR') return { year: y, key: y + '-Y', label: 'Sometime in ' + y };
    if (d.precision === 'QUARTER') {
      var q = quarterOf(d);
      return { year: y, key: y + '-Q' + q, label: 'Q' + q + ' · ' + MONTHS[(q - 1) * 3].slice(0, 3) + '–' + MONTHS[q * 3 - 1].slice(0, 3) };
    }
    var m = d.start.slice(5, 7);
    return { year: y, key: y + '-' + m, label: MONTHS[+m - 1] };
  }

  // ---- colours by type ----
  function hue(s) {
    var h = 0;
    for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 360;
    return h;
  }
  function typeBadge(it) {
    var b = el('span', 'badge type', it.type || 'event');
    var h = hue(it.cameo ? it.cameo.slice(0, 2) + it.type : it.type || '');
    b.style.setProperty('--badge-bg', 'hsl(' + h + ',75%,93%)');
    b.style.setProperty('--badge-fg', 'hsl(' + h + ',55%,28%)');
    if (it.cameo) b.title = 'CAMEO ' + it.cameo;
    return b;
  }
  function dotColour(it) {
    return 'hsl(' + hue(it.cameo ? it.cameo.slice(0, 2) + it.type : it.type || '') + ',62%,50%)';
  }
  function precBadge(d) {
    var p = (d && d.precision) || 'UNKNOWN';
    var b = el('span', 'badge prec' + (p === 'DAY' ? '' : ' approx'), p.toLowerCase());
    b.title = 'date precision' + (d && d.text ? ': “' + d.text + '”' : '');
    return b;
  }

  // ---- query ----
  function params() {
    var p = new URLSearchParams();
    FIELDS.forEach(function (f) {
      var v = $('f-' + f).value.trim();
      if (v) p.set(f, v);
    });
    if ($('f-undated').checked) p.set('undated', '1');
    return p;
  }
  function readURL() {
    var p = new URLSearchParams(location.search);
    FIELDS.forEach(function (f) {
      var v = p.get(f) || '';
      if (f === 'type' && v) ensureType(v);
      $('f-' + f).value = v;
    });
    $('f-undated').checked = p.get('undated') === '1' || p.get('undated') === 'true';
  }
  function syncLinks(p) {
    var qs = p.toString();
    history.replaceState(null, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
    var links = document.querySelectorAll('#export-links a');
    for (var i = 0; i < links.length; i++) {
      links[i].href = '/export/' + links[i].getAttribute('data-file') + (qs ? '?' + qs : '');
    }
    var tl = new URLSearchParams(p);
    tl.set('format', 'timelinejs');
    $('tljs-link').href = '/timeline?' + tl.toString();
    $('tljs-link').textContent = '/timeline?' + tl.toString();
  }

  function ensureType(t) {
    if (state.types[t]) return;
    state.types[t] = true;
    var sel = $('f-type');
    var cur = sel.value;
    var names = Object.keys(state.types).sort();
    while (sel.options.length > 1) sel.remove(1);
    names.forEach(function (n) { sel.add(new Option(n, n)); });
    sel.value = cur;
  }
  function learn(items) {
    items.forEach(function (it) {
      if (it.type) ensureType(it.type);
      (it.actors || []).forEach(function (a) {
        if (a.name && !state.actors[a.name]) {
          state.actors[a.name] = true;
          $('actor-names').appendChild(el('option')).value = a.name;
        }
      });
    });
  }

  function notice(msg) {
    var n = $('notice');
    n.hidden = !msg;
    n.textContent = msg || '';
  }

  function load() {
    var p = params();
    syncLinks(p);
    var q = new URLSearchParams(p);
    q.set('evidence', 'all');
    var seq = ++state.seq;
    document.body.setAttribute('data-state', 'loading');
    return fetch('/timeline?' + q.toString(), { headers: { Accept: 'application/json' } })
      .then(function (res) {
        return res.json().then(function (body) { return { ok: res.ok, status: res.status, body: body }; });
      })
      .then(function (r) {
        if (seq !== state.seq) return;
        if (!r.ok) {
          notice((r.body && r.body.error) || ('Error ' + r.status));
          document.body.setAttribute('data-state', 'error');
          return;
        }
        notice('');
        state.items = r.body.events || [];
        learn(state.items);
        render();
        var m = /event=([^&]+)/.exec(location.hash);
        if (m && state.byId[decodeURIComponent(m[1])]) select(decodeURIComponent(m[1]), true);
        else if (state.selected && !state.byId[state.selected]) clearDetail();
        document.body.setAttribute('data-state', 'ready');
      })
      .catch(function (e) {
        if (seq !== state.seq) return;
        notice('Could not load the timeline: ' + e.message);
        document.body.setAttribute('data-state', 'error');
      });
  }

  // ---- timeline ----
  function render() {
    var ol = $('timeline');
    ol.textContent = '';
    state.byId = {};
    var yearLi = null, monthLi = null, events = null, year = null, key = null;
    state.items.forEach(function (it) {
      state.byId[it.id] = it;
      var g = group(it.date);
      if (g.year !== year) {
        year = g.year;
        key = null;
        yearLi = ol.appendChild(el('li', 'year'));
        yearLi.appendChild(el('h2', null, g.year));
        yearLi.appendChild(el('ol', 'months'));
      }
      if (g.key !== key) {
        key = g.key;
        monthLi = yearLi.lastChild.appendChild(el('li', 'month'));
        monthLi.appendChild(el('h3', null, g.label));
        events = monthLi.appendChild(el('ol', 'events'));
      }
      events.appendChild(card(it));
    });
    var n = state.items.length;
    $('count').textContent = n + (n === 1 ? ' event' : ' events');
    $('empty').hidden = n > 0;
  }

  function card(it) {
    var li = el('li', 'event');
    li.setAttribute('data-id', it.id);
    li.setAttribute('data-start', (it.date && it.date.start) || '');
    li.style.setProperty('--dot', dotColour(it));
    if (it.id === state.selected) li.className += ' selected';
    var b = li.appendChild(el('button', 'card'));
    b.type = 'button';
    b.appendChild(el('span', 'when', when(it.date)));
    b.appendChild(el('span', 'title', it.title));
    var meta = b.appendChild(el('span', 'meta'));
    meta.appendChild(typeBadge(it));
    meta.appendChild(precBadge(it.date));
    (it.actors || []).slice(0, 4).forEach(function (a) {
      var c = meta.appendChild(el('span', 'chip', a.name || a.id));
      if (a.role) c.appendChild(el('span', 'role', ' · ' + a.role));
    });
    if ((it.actors || []).length > 4) meta.appendChild(el('span', 'chip', '+' + (it.actors.length - 4)));
    if (it.place) meta.appendChild(el('span', 'place', it.place.name));
    if (it.disputed) {
      var db = meta.appendChild(el('span', 'badge disputed', 'sources disagree'));
      db.title = 'The articles disagree on ' + (it.disputes || []).join(', ');
    }
    if ((it.quantities || []).length) {
      var qs = b.appendChild(el('span', 'qtys'));
      it.quantities.forEach(function (q) {
        var c = qs.appendChild(el('span', 'qty', quantity(q)));
        c.title = '“' + q.text + '”';
      });
    }
    b.addEventListener('click', function () { select(it.id); });
    return li;
  }

  // quantity says a quantity as a reader would, as graph.Quantity.String
  // does: "160 km (wall)", "260,000 people (displaced)", "80%".
  function quantity(q) {
    var n = Number(q.value).toLocaleString('en-US', { maximumFractionDigits: 6 });
    var s = q.unit === '%' ? n + '%' : n + ' ' + q.unit;
    if (q.counts && q.counts !== q.unit) s += ' (' + q.counts + ')';
    return s;
  }

  // reportsTable shows what each article says of a disputed event side by
  // side: one column per article, a row for the date and one for the
  // figures; the rows the articles disagree on are marked.
  function reportsTable(it) {
    var box = el('section', 'disputes');
    box.appendChild(el('h3', null, 'Sources disagree on ' + (it.disputes || []).join(', ')));
    var table = box.appendChild(el('table', 'reports'));
    var head = table.appendChild(el('thead')).appendChild(el('tr'));
    head.appendChild(el('th'));
    it.reports.forEach(function (r) {
      var a = r.article || {};
      var th = head.appendChild(el('th', null, a.title || 'article'));
      th.scope = 'col';
      if (a.source || a.published) th.title = [a.source, a.published].filter(Boolean).join(', ');
    });
    var tbody = table.appendChild(el('tbody'));
    function line(name, disputed, cell) {
      var tr = tbody.appendChild(el('tr', disputed ? 'differs' : null));
      var th = tr.appendChild(el('th', null, name));
      th.scope = 'row';
      it.reports.forEach(function (r) { tr.appendChild(cell(r)); });
    }
    var onDate = (it.disputes || []).indexOf('date') >= 0;
    line('Date', onDate, function (r) { return el('td', null, when(r.date)); });
    var onFigures = (it.disputes || []).some(function (d) { return d !== 'date'; });
    line('Figures', onFigures, function (r) {
      var td = el('td');
      var qs = r.quantities || [];
      if (!qs.length) td.textContent = '—';
      qs.forEach(function (q) {
        var c = td.appendChild(el('span', 'qty', quantity(q)));
        c.title = '“' + q.text + '”';
      });
      return td;
    });
    return box;
  }

  // ---- detail ----
  function clearDetail() {
    state.selected = null;
    $('detail-body').hidden = true;
    $('detail-empty').hidden = false;
  }

  function select(id, keepScroll) {
    var it = state.byId[id];
    if (!it) return;
    state.selected = id;
    var cards = document.querySelectorAll('.event');
    for (var i = 0; i < cards.length; i++) {
      cards[i].classList.toggle('selected', cards[i].getAttribute('data-id') === id);
    }
    history.replaceState(null, '', location.pathname + location.search + '#event=' + encodeURIComponent(id));
    var body = $('detail-body');
    body.textContent = '';
    body.appendChild(el('h2', null, it.title));
    body.appendChild(el('div', 'when', when(it.date)));
    var meta = body.appendChild(el('div', 'meta'));
    meta.appendChild(typeBadge(it));
    meta.appendChild(precBadge(it.date));
    if (it.status) meta.appendChild(el('span', 'badge', it.status.toLowerCase()));

    var dl = body.appendChild(el('dl'));
    function row(k, v) {
      if (!v) return;
      dl.appendChild(el('dt', null, k));
      var dd = dl.appendChild(el('dd'));
      if (typeof v === 'string') dd.textContent = v; else dd.appendChild(v);
    }
    var d = it.date || {};
    var dateText = d.value || 'unknown';
    if (d.start && d.end && d.start !== d.end) dateText += ' (' + d.start + ' to ' + d.end + ')';
    if (d.text) dateText += ' — “' + d.text + '”';
    row('Date', dateText);
    row('Type', it.type + (it.cameo ? ' · CAMEO ' + it.cameo : ''));
    if ((it.actors || []).length) {
      var ul = el('ul', 'actors');
      it.actors.forEach(function (a) {
        var li = ul.appendChild(el('li'));
        var link = li.appendChild(el('a', null, a.name || a.id));
        link.href = '?actor=' + encodeURIComponent(a.name || '');
        link.title = 'Show only events of ' + a.name;
        link.addEventListener('click', function (e) {
          e.preventDefault();
          $('f-actor').value = a.name;
          load();
        });
        li.appendChild(document.createTextNode(' — ' + (a.role || 'participant') + (a.kind ? ' (' + a.kind.toLowerCase() + ')' : '')));
      });
      row('Actors', ul);
    }
    if (it.place) {
      var p = it.place;
      var t = p.name + (p.kind ? ' (' + p.kind + ')' : '') + (p.country ? ', ' + p.country : '');
      if (typeof p.lat === 'number' && typeof p.lon === 'number') {
        t += ' · ' + Math.abs(p.lat).toFixed(3) + '°' + (p.lat >= 0 ? 'N' : 'S') + ' ' +
          Math.abs(p.lon).toFixed(3) + '°' + (p.lon >= 0 ? 'E' : 'W');
      }
      row('Place', t);
    }
    if (it.agreement) {
      row('Agreement', it.agreement.name + (it.agreement.kind ? ' (' + it.agreement.kind + ')' : ''));
    }
    if ((it.quantities || []).length) {
      var qul = el('ul', 'figures');
      it.quantities.forEach(function (q) {
        var li = qul.appendChild(el('li'));
        li.appendChild(el('span', 'qty', quantity(q)));
        li.appendChild(document.createTextNode(' — “' + q.text + '”'));
      });
      row('Figures', qul);
    }
    if (it.disputed && (it.reports || []).length) body.appendChild(reportsTable(it));
    var ev = it.allEvidence || (it.evidence ? [it.evidence] : []);
    body.appendChild(el('h3', null, 'Evidence (' + (it.evidenceCount || ev.length) + ')'));
    ev.forEach(function (e) {
      var box = body.appendChild(el('div', 'evidence'));
      box.appendChild(el('blockquote', null, e.sentence));
      var src = box.appendChild(el('div', 'src'));
      var a = e.article || {};
      if (a.url && /^https?:\/\/[^\s]/i.test(a.url)) { // never a javascript: link
        var link = src.appendChild(el('a', null, a.title || a.url));
        link.href = a.url;
        link.target = '_blank';
        link.rel = 'noopener';
      } else {
        src.appendChild(el('span', null, a.title || 'article'));
      }
      var extra = [a.source, a.published].filter(Boolean).join(', ');
      if (extra) src.appendChild(document.createTextNode(' — ' + extra));
    });
    $('detail-empty').hidden = true;
    body.hidden = false;
    if (!keepScroll && window.innerWidth <= 980) $('detail').scrollIntoView({ behavior: 'smooth' });
  }

  // ---- wiring ----
  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(load, 300);
  }
  $('filters').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  $('f-actor').addEventListener('input', later);
  $('f-type').addEventListener('change', load);
  $('f-undated').addEventListener('change', load);
  ['f-from', 'f-to'].forEach(function (id) {
    var input = $(id);
    input.addEventListener('input', function () {
      var v = input.value.trim();
      input.setCustomValidity(v === '' || DATE_RE.test(v) ? '' : 'YYYY, YYYY-MM or YYYY-MM-DD');
      if (v === '' || DATE_RE.test(v)) later();
    });
    input.addEventListener('change', load);
  });
  $('filters').addEventListener('reset', function () {
    setTimeout(function () { history.replaceState(null, '', location.pathname); clearDetail(); load(); }, 0);
  });

  readURL();
  var filtered = params().toString() !== '';
  load().then(function () {
    // Fill the type and actor pickers from the whole timeline when the
    // page opened already filtered.
    if (filtered) {
      fetch('/timeline?undated=1').then(function (r) { return r.json(); })
        .then(function (b) { learn(b.events || []); }).catch(function () {});
    }
  });
})();
