// Khaldun workbench UI. Article text, titles, URLs and every other stored value are untrusted: they reach the
// page only through textContent (el(), d3's .text()) and checked attributes, never as HTML.
'use strict';

const $ = sel => document.querySelector(sel);
const QUAD = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };

function el(tag, opts = {}, children = []) {
  const e = document.createElement(tag);
  if (opts.cls) e.className = opts.cls;
  if (opts.text !== undefined && opts.text !== null) e.textContent = String(opts.text);
  if (opts.title) e.title = String(opts.title);
  if (opts.data) for (const [k, v] of Object.entries(opts.data)) e.dataset[k] = String(v);
  for (const c of children) if (c) e.appendChild(c);
  return e;
}

/** A link only for http(s) URLs; anything else (javascript:, data:) is shown as plain text. */
function safeLink(url, label) {
  try {
    const u = new URL(url, window.location.href);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && /^https?:\/\//i.test(url)) {
      const a = el('a', { text: label || url });
      a.href = u.href;
      a.rel = 'noopener noreferrer nofollow';
      a.target = '_blank';
      return a;
    }
  } catch (e) { /* not a URL: plain text below */ }
  return el('span', { text: url, cls: 'muted' });
}

async function api(path, params) {
  const qs = params ? '?' + new URLSearchParams(params).toString() : '';
  const res = await fetch('/api/' + path + qs, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    throw new Error(body && body.error ? body.error.message : 'HTTP ' + res.status);
  }
  return body;
}

function message(text, isError) {
  const m = $('#message');
  m.textContent = text || '';
  m.classList.toggle('error', !!isError);
}

// ------------------------------------------------------------------------------------------------ filters

function filterParams(only) {
  const p = {};
  for (const input of $('#filters').querySelectorAll('input, select')) {
    if (!input.name || input.name === 'clustered') continue;
    if (only && !only.includes(input.name)) continue;
    if (input.type === 'checkbox') { if (input.checked) p[input.name] = 'true'; continue; }
    const v = input.value.trim();
    if (v) p[input.name] = v;
  }
  return p;
}
const clustered = () => $('#f-clusters').checked;
const STORE_FILTERS = ['actor', 'recipient', 'country', 'sector', 'cameo', 'plover', 'quad_class', 'from', 'to',
  'q', 'source_kind', 'facts_only'];

// ------------------------------------------------------------------------------------------------ event table

const pages = { cursors: [null], index: 0 };

async function loadEvents() {
  const params = filterParams();
  params.limit = '50';
  const cursor = pages.cursors[pages.index];
  if (cursor) params.cursor = cursor;
  const what = clustered() ? 'clusters' : 'events';
  message('Loading…');
  let page;
  try {
    page = await api(what, params);
  } catch (e) {
    message(e.message, true);
    return;
  }
  const tbody = $('#events tbody');
  tbody.replaceChildren();
  for (const ev of page.items) {
    tbody.appendChild(eventRow(ev, what === 'clusters'));
  }
  pages.cursors[pages.index + 1] = page.next_cursor;
  $('#prev').disabled = pages.index === 0;
  $('#next').disabled = !page.next_cursor;
  $('#page-info').textContent = 'page ' + (pages.index + 1);
  message(page.items.length ? '' : 'No events match these filters' + (page.next_cursor ? ' on this page (scanned '
    + page.scanned + ' rows; Older continues the scan).' : '.'));
}

function party(p) {
  if (!p) return el('span', { text: '–', cls: 'muted' });
  return el('span', { text: p.code || '?', title: p.text });
}

function eventRow(ev, isCluster) {
  const loc = ev.location ? [ev.location.name, ev.location.country].filter(Boolean).join(', ') : '';
  const target = isCluster ? ev.representative_event : ev.id;
  const tr = el('tr', { data: { id: target, article: isCluster ? ev.representative_article_seq : ev.article_seq } }, [
    el('td', { text: ev.date, cls: 'quad q' + ev.quad_class, title: QUAD[ev.quad_class] }),
    el('td', {}, [party(ev.actor)]),
    el('td', { text: ev.event_type, title: ev.mode }),
    el('td', { text: ev.cameo, title: 'Goldstein ' + ev.goldstein }),
    el('td', {}, [party(ev.recipient)]),
    el('td', { text: isCluster ? '' : ev.trigger }),
    el('td', { text: loc }),
    el('td', { text: isCluster ? '' : ev.source_kind }),
    el('td', { text: isCluster ? ev.num_mentions + ' in ' + ev.num_articles + ' art.' : '' }),
  ]);
  tr.addEventListener('click', () => { location.hash = '#article/' + tr.dataset.article + '/' + tr.dataset.id; });
  return tr;
}

// ------------------------------------------------------------------------------------------------ article view

let currentArticle = null;

async function showArticle(seq, eventId) {
  if (!currentArticle || String(currentArticle.seq) !== String(seq)) {
    message('Loading the article (its annotations are recomputed by the coder; the first one loads models)…');
    try {
      currentArticle = await api('articles/' + encodeURIComponent(seq));
    } catch (e) {
      message(e.message, true);
      return;
    }
    message('');
  }
  const a = currentArticle;
  $('#article-title').textContent = a.title || '(untitled)';
  const meta = $('#article-meta');
  meta.replaceChildren(
    el('span', { text: [a.source, a.published ? 'published ' + a.published : 'publication date unknown',
      'id ' + a.id, 'article #' + a.seq].filter(Boolean).join(' · ') + ' · ' }),
    a.url ? safeLink(a.url) : el('span', { text: 'no URL', cls: 'muted' }));
  const selected = a.events.find(e => e.id === eventId) || a.events[0];
  renderText(a, selected);
  renderDetail(selected);
  const list = $('#article-events');
  list.replaceChildren();
  for (const e of a.events) {
    const li = el('li', { cls: e === selected ? 'selected' : '', data: { id: e.id },
      text: [e.date, (e.actor && e.actor.code) || '–', e.event_type, e.cameo, (e.recipient && e.recipient.code) || '–',
        '“' + e.trigger + '”'].join('  ') });
    li.addEventListener('click', () => { location.hash = '#article/' + a.seq + '/' + e.id; });
    list.appendChild(li);
  }
  const ann = a.annotations;
  $('#annotations-note').textContent = ann && ann.recomputed
    ? 'Events, triggers and their actors are as stored. Actor mentions, attributions, time expressions and places'
      + ' are recomputed by coding the stored text again (codebook ' + (ann.codebook || 'current') + ').'
    : '';
}

/** Character spans to highlight, each with the classes it adds. */
function spans(a, selected) {
  const out = [];
  const add = (start, end, cls) => { if (end > start) out.push({ start, end, cls }); };
  for (const s of a.sentences) {
    if (selected && s.index === selected.sentence_index) add(s.start, s.end, 'sentence selected');
  }
  for (const e of a.events) {
    const t = e.coded.text_info;
    add(t.trigger_start, t.trigger_end, e === selected ? 'trigger selected-trigger' : 'trigger');
    for (const p of [...(e.coded.actor || []), ...(e.coded.recipient || [])]) add(p.start, p.end, 'actor');
    const sp = e.coded.source && e.coded.source.speaker;
    if (sp) add(sp.start, sp.end, 'speaker');
  }
  const ann = a.annotations || {};
  for (const m of ann.actors || []) add(m.start, m.end, 'actor');
  for (const at of ann.attributions || []) {
    add(at.cue_span.start, at.cue_span.end, 'cue');
    for (const c of at.content) add(c.start, c.end, 'quote');
    if (at.speaker) add(at.speaker.start, at.speaker.end, 'speaker');
  }
  for (const t of ann.time_expressions || []) add(t.start, t.end, 'time');
  for (const p of ann.places || []) add(p.start, p.end, 'place');
  for (const d of ann.debris || []) add(d.start, d.end, 'debris');
  return out;
}

/** The text cut at every span boundary; each piece is a text node or a span with the classes covering it. */
function renderText(a, selected) {
  const text = a.text;
  const sp = spans(a, selected).filter(s => s.start >= 0 && s.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const s of sp) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const box = $('#article-text');
  box.replaceChildren();
  let selectedNode = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i], to = points[i + 1];
    const piece = text.slice(from, to);
    const classes = new Set();
    for (const s of sp) if (s.start <= from && s.end >= to) s.cls.split(' ').forEach(c => classes.add(c));
    if (!classes.size) { box.appendChild(document.createTextNode(piece)); continue; }
    const node = el('span', { text: piece });
    node.className = [...classes].join(' ');
    if (classes.has('selected-trigger') && !selectedNode) selectedNode = node;
    box.appendChild(node);
  }
  if (selectedNode) selectedNode.scrollIntoView({ block: 'center' });
}

function renderDetail(e) {
  const d = $('#event-detail');
  d.replaceChildren();
  if (!e) { d.appendChild(el('p', { text: 'No event was coded in this article.', cls: 'muted' })); return; }
  const c = e.coded;
  const who = ps => (ps && ps.length) ? ps.map(p => p.code + ' (“' + p.text + '”)').join(', ') : '–';
  const rows = [
    ['Event', e.event_type + (e.mode ? ' / ' + e.mode : '') + ' · CAMEO ' + e.cameo + ' · Goldstein ' + e.goldstein
      + ' · ' + (QUAD[e.quad_class] || '')],
    ['Actor', who(c.actor)],
    ['Recipient', who(c.recipient)],
    ['Trigger', '“' + c.text_info.trigger + '”'],
    ['Date', (c.date || '?') + ' (' + c.date_precision + (c.date_from_publication ? ', publication date standing in'
      : (c.date_text ? ', from “' + c.date_text + '”' : '')) + ')'],
    ['Modality', [c.modality.negated && 'negated', c.modality.hypothetical && 'hypothetical',
      c.modality.future && 'future'].filter(Boolean).join(', ') || 'fact'],
    ['Source', c.source ? c.source.kind + (c.source.speaker ? ': ' + c.source.speaker.code + ' (“'
      + c.source.speaker.text + '”)' : '') + (c.source.cue ? ' · cue “' + c.source.cue + '”' : '')
      + (c.source.channel ? ' · via ' + c.source.channel : '') : 'article'],
    ['Where', c.event_loc ? c.event_loc.name + ', ' + c.event_loc.country + ' (“' + c.event_loc.text + '”)' : '–'],
    ['Explanation', c.explanation],
    ['Ids', 'event ' + e.id + ' · cluster ' + e.cluster_id + ' · codebook ' + e.codebook],
  ];
  const dl = el('dl', { cls: 'explanation' });
  for (const [k, v] of rows) { dl.appendChild(el('dt', { text: k })); dl.appendChild(el('dd', { text: v })); }
  d.appendChild(el('h3', { text: 'Why this event' }));
  d.appendChild(dl);
}

// ------------------------------------------------------------------------------------------------ timeline

async function showTimeline() {
  const box = $('#timeline');
  box.replaceChildren();
  const params = filterParams(STORE_FILTERS);
  params.granularity = $('#granularity').value;
  let data;
  try { data = await api('series', params); } catch (e) { message(e.message, true); return; }
  message(data.points.length ? 'Dyad ' + (data.actor || 'any') + ' → ' + (data.recipient || 'any')
    + ': ' + data.points.length + ' periods' : 'No events for this dyad and these filters.');
  if (!data.points.length) return;
  const W = 960, H = 360, m = { t: 16, r: 48, b: 36, l: 48 };
  const pts = data.points.map(p => ({ ...p, date: new Date(p.period + 'T00:00:00Z') }));
  const x = d3.scaleBand().domain(pts.map(p => p.period)).range([m.l, W - m.r]).padding(0.15);
  const y = d3.scaleLinear().domain([0, d3.max(pts, p => p.count)]).nice().range([H - m.b, m.t]);
  const g = d3.scaleLinear().domain([-10, 10]).range([H - m.b, m.t]);
  const svg = d3.select(box).append('svg').attr('viewBox', [0, 0, W, H]).attr('width', W).attr('height', H);
  const stack = pts.flatMap(p => { let acc = 0; return p.quad_counts.map((n, i) => {
    const r = { period: p.period, q: i + 1, y0: acc, y1: acc + n }; acc += n; return r; }); });
  svg.append('g').selectAll('rect').data(stack).join('rect')
    .attr('class', r => 'bar q' + r.q).attr('x', r => x(r.period)).attr('width', x.bandwidth())
    .attr('y', r => y(r.y1)).attr('height', r => y(r.y0) - y(r.y1))
    .append('title').text(r => r.period + ': ' + (r.y1 - r.y0) + ' ' + QUAD[r.q]);
  svg.append('path').datum(pts).attr('class', 'goldstein')
    .attr('d', d3.line().x(p => x(p.period) + x.bandwidth() / 2).y(p => g(p.goldstein_mean)));
  const ticks = x.domain().filter((d, i, all) => i % Math.ceil(all.length / 12) === 0);
  svg.append('g').attr('transform', `translate(0,${H - m.b})`).call(d3.axisBottom(x).tickValues(ticks));
  svg.append('g').attr('transform', `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(6));
  svg.append('g').attr('transform', `translate(${W - m.r},0)`).call(d3.axisRight(g).ticks(5));
  svg.append('text').attr('x', m.l).attr('y', 12).text('events');
  svg.append('text').attr('x', W - m.r - 60).attr('y', 12).text('mean Goldstein');
}

// ------------------------------------------------------------------------------------------------ network

async function showNetwork() {
  const box = $('#network');
  box.replaceChildren();
  const params = filterParams(STORE_FILTERS);
  params.limit = '150';
  params.by_country = 'true';
  if (clustered()) params.clustered = 'true';
  let data;
  try { data = await api('network', params); } catch (e) { message(e.message, true); return; }
  message(data.edges.length ? data.nodes.length + ' actors, ' + data.edges.length + ' edges'
    + (data.truncated ? ' (the heaviest shown)' : '') : 'No actor–recipient pairs for these filters.');
  if (!data.edges.length) return;
  const W = 960, H = 640;
  const nodes = data.nodes.map(n => ({ ...n }));
  const links = data.edges.map(e => ({ source: e.actor, target: e.recipient, count: e.count, g: e.goldstein_mean }));
  const width = d3.scaleSqrt().domain([1, d3.max(links, l => l.count)]).range([1, 8]);
  const colour = d3.scaleDiverging(d3.interpolateRdBu).domain([-10, 0, 10]);
  const svg = d3.select(box).append('svg').attr('viewBox', [0, 0, W, H]).attr('width', W).attr('height', H);
  svg.append('defs').append('marker').attr('id', 'arrow').attr('viewBox', '0 -4 8 8').attr('refX', 16)
    .attr('markerUnits', 'userSpaceOnUse').attr('markerWidth', 8).attr('markerHeight', 8).attr('orient', 'auto')
    .append('path').attr('d', 'M0,-4L8,0L0,4').attr('fill', '#888');
  const link = svg.append('g').selectAll('path').data(links).join('path').attr('class', 'edge')
    .attr('fill', 'none').attr('stroke', l => colour(l.g)).attr('stroke-width', l => width(l.count))
    .attr('marker-end', l => l.source === l.target ? null : 'url(#arrow)');
  link.append('title').text(l => l.source + ' → ' + l.target + ': ' + l.count + ' events, mean Goldstein ' + l.g);
  const node = svg.append('g').selectAll('g').data(nodes).join('g').attr('class', 'node');
  node.append('circle').attr('r', n => 3 + Math.sqrt(n.in + n.out) / 2);
  node.append('text').attr('x', 8).attr('y', 4).text(n => n.id);
  node.append('title').text(n => n.id + ': ' + n.out + ' as actor, ' + n.in + ' as recipient');
  const sim = d3.forceSimulation(nodes)
    .force('link', d3.forceLink(links).id(n => n.id).distance(90))
    .force('charge', d3.forceManyBody().strength(-220))
    .force('center', d3.forceCenter(W / 2, H / 2))
    .force('x', d3.forceX(W / 2).strength(0.05)).force('y', d3.forceY(H / 2).strength(0.05));
  sim.on('tick', () => {
    // an actor acting on its own country (government vs. rebels of one state) is a loop above its node
    link.attr('d', l => l.source === l.target
      ? `M${l.source.x},${l.source.y}C${l.source.x - 28},${l.source.y - 42} ${l.source.x + 28},${l.source.y - 42} ${l.source.x},${l.source.y}`
      : `M${l.source.x},${l.source.y}L${l.target.x},${l.target.y}`);
    node.attr('transform', n => `translate(${n.x},${n.y})`);
  });
}

// ------------------------------------------------------------------------------------------------ map

let world = null;

async function showMap() {
  const box = $('#map');
  box.replaceChildren();
  const params = filterParams();
  params.limit = '2000';
  let geo;
  try {
    if (!world) world = await (await fetch('vendor/countries-110m.json')).json();
    geo = await api('geo/events', params);
  } catch (e) { message(e.message, true); return; }
  message(geo.features.length + ' located events' + (geo.truncated ? ' (the newest shown)' : ''));
  const W = 960, H = 500;
  const projection = d3.geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const svg = d3.select(box).append('svg').attr('viewBox', [0, 0, W, H]).attr('width', W).attr('height', H);
  const countries = topojson.feature(world, world.objects.countries);
  svg.append('g').selectAll('path').data(countries.features).join('path').attr('class', 'country').attr('d', path)
    .append('title').text(f => f.properties.name);
  svg.append('g').selectAll('circle').data(geo.features).join('circle')
    .attr('class', f => 'dot q' + f.properties.quad_class)
    .attr('r', 4)
    .attr('cx', f => projection(f.geometry.coordinates)[0])
    .attr('cy', f => projection(f.geometry.coordinates)[1])
    .on('click', (ev, f) => { location.hash = '#article/' + f.properties.article_seq + '/' + f.id; })
    .append('title').text(f => f.properties.date + ' ' + f.properties.actor + ' ' + f.properties.event_type + ' '
      + f.properties.recipient + ' — ' + f.properties.place + ' (' + QUAD[f.properties.quad_class] + ')');
}

// ------------------------------------------------------------------------------------------------ routing

const VIEWS = ['events', 'article', 'timeline', 'network', 'map'];

function route() {
  const h = location.hash.replace(/^#/, '') || 'events';
  const [view, a, b] = h.split('/');
  const name = VIEWS.includes(view) ? view : 'events';
  for (const v of VIEWS) $('#view-' + v).hidden = v !== name;
  for (const v of ['events', 'timeline', 'network', 'map']) {
    $('#tab-' + v).classList.toggle('active', v === name || (name === 'article' && v === 'events'));
  }
  $('#filters').hidden = name === 'article';
  if (name === 'article') showArticle(decodeURIComponent(a || ''), decodeURIComponent(b || ''));
  else if (name === 'timeline') showTimeline();
  else if (name === 'network') showNetwork();
  else if (name === 'map') showMap();
  else loadEvents();
}

function refresh() {
  pages.cursors = [null];
  pages.index = 0;
  route();
}

document.addEventListener('DOMContentLoaded', () => {
  $('#filters').addEventListener('submit', ev => { ev.preventDefault(); refresh(); });
  $('#filters').addEventListener('reset', () => setTimeout(refresh, 0));
  $('#granularity').addEventListener('change', showTimeline);
  $('#prev').addEventListener('click', () => { if (pages.index > 0) { pages.index--; loadEvents(); } });
  $('#next').addEventListener('click', () => { if (pages.cursors[pages.index + 1]) { pages.index++; loadEvents(); } });
  window.addEventListener('hashchange', route);
  api('stats').then(s => {
    $('#stats').textContent = s.articles + ' articles · ' + s.events + ' events · ' + s.clusters
      + ' real-world events' + (s.first_date ? ' · ' + s.first_date + ' – ' + s.last_date : '');
  }).catch(() => {});
  route();
});
