'use strict';
// EVwatch web page: search with facets, paper page, subscribe, and, signed in with an API key, the subscriptions and
// keys of that key. Talks only to the public /api/v1 endpoints. Everything from the API is inserted as text (never as
// HTML), so a hostile title cannot run script. The API key is kept in localStorage and sent only in the
// Authorization header, never in a URL.

const API = '/api/v1';
const FACET_TITLES = {
  relevance: 'Relevance', entityType: 'Entity type', entity: 'Entities', year: 'Year',
  journal: 'Journal', pubType: 'Publication type', source: 'Source'
};
const FILTER_PARAMS = ['entity', 'entityType', 'journal', 'pubType', 'source', 'relevance', 'year', 'from', 'to'];
// Filters with one value: a new one replaces the old.
const SINGLE_FILTERS = ['year', 'from', 'to'];

const $ = (id) => document.getElementById(id);
const state = { q: '', sort: 'relevance', filters: {}, cursor: null, loading: false, timeline: null, chart: 'years' };

function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

// SVG elements: attributes are set as they are named (viewBox, class), never through properties.
function svg(tag, attrs, ...children) {
  return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
}

function fill(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'className') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// Where each vocabulary describes its ids; the same table as the server's EntityLinks.
function entityUrl(id) {
  if (!id) return null;
  const i = id.indexOf(':');
  const prefix = i > 0 ? id.slice(0, i).toUpperCase() : '';
  const local = i > 0 ? id.slice(i + 1) : id;
  switch (prefix) {
    case 'MESH': return 'https://meshb.nlm.nih.gov/record/ui?ui=' + encodeURIComponent(local);
    case 'NCBIGENE': return 'https://www.ncbi.nlm.nih.gov/gene/' + encodeURIComponent(local);
    case 'NCBITAXON': return 'https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=' + encodeURIComponent(local);
    case 'CL': case 'DOID': case 'UBERON': case 'CHEBI':
      return 'http://purl.obolibrary.org/obo/' + prefix + '_' + encodeURIComponent(local);
  }
  if (id.startsWith('CVCL_')) return 'https://www.cellosaurus.org/' + encodeURIComponent(id);
  if (id.startsWith('MIMAT')) return 'https://www.mirbase.org/mature/' + encodeURIComponent(id);
  if (id.startsWith('MI0')) return 'https://www.mirbase.org/hairpin/' + encodeURIComponent(id);
  return null;
}

// One API call: the parsed JSON answer (null for 204), or an Error carrying the status and the problem+json body.
async function request(url, options) {
  const res = await fetch(url, options);
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const problem = body || {};
    const err = new Error(problem.detail || problem.title || ('HTTP ' + res.status));
    err.status = res.status;
    err.problem = problem;
    throw err;
  }
  return body;
}

function getJson(url) {
  return request(url, { headers: { Accept: 'application/json' } });
}

// A call with the signed-in API key (or the one given), JSON in and out.
function authorized(method, path, body, key) {
  const headers = { Accept: 'application/json', Authorization: 'Bearer ' + (key || apiKey()) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return request(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

// ---------- routing ----------

const VIEWS = ['search-view', 'paper-view', 'subscriptions-view', 'keys-view'];

function show(view) {
  for (const v of VIEWS) $(v).hidden = v !== view;
}

function parseHash() {
  const h = location.hash.replace(/^#/, '') || '/';
  if (h.startsWith('/paper/')) return { view: 'paper', id: decodeURIComponent(h.slice('/paper/'.length)) };
  if (h === '/subscriptions' || h === '/keys') return { view: h.slice(1) };
  const qi = h.indexOf('?');
  const params = new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : '');
  const filters = {};
  for (const name of FILTER_PARAMS) {
    const values = params.getAll(name);
    if (values.length) filters[name] = values;
  }
  return { view: 'search', q: params.get('q') || '', sort: params.get('sort') || 'relevance', filters };
}

function searchHash(q, sort, filters) {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (sort && sort !== 'relevance') p.set('sort', sort);
  for (const [name, values] of Object.entries(filters)) values.forEach((v) => p.append(name, v));
  return '#/search?' + p.toString();
}

function route() {
  const r = parseHash();
  if (r.view === 'paper') {
    showPaper(r.id);
  } else if (r.view === 'subscriptions') {
    showSubscriptions();
  } else if (r.view === 'keys') {
    showKeys();
  } else {
    state.q = r.q; state.sort = r.sort; state.filters = r.filters;
    $('q').value = r.q; $('sort').value = r.sort;
    runSearch(false);
  }
}

// ---------- search ----------

function apiSearchParams(cursor) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  p.set('sort', state.sort);
  p.set('size', '20');
  for (const [name, values] of Object.entries(state.filters)) {
    if (name === 'year') {
      // The year facet filters through the date range.
      const y = values[0];
      p.set('from', y + '-01-01'); p.set('to', y + '-12-31');
    } else {
      values.forEach((v) => p.append(name, v));
    }
  }
  if (cursor) p.set('cursor', cursor);
  else p.set('timeline', 'true');
  return p;
}

async function runSearch(append) {
  show('search-view');
  if (!append) { $('results').replaceChildren(); state.cursor = null; }
  $('status').textContent = 'Searching…';
  $('status').className = '';
  renderActiveFilters();
  renderDates();
  renderExport();
  try {
    const data = await getJson(API + '/papers?' + apiSearchParams(append ? state.cursor : null));
    state.cursor = data.nextCursor;
    $('status').textContent = (data.total === 0 ? 'No papers match.'
      : data.total + (data.total === 1 ? ' paper' : ' papers')) + expansionNote(data.expansions);
    for (const hit of data.hits) $('results').append(renderHit(hit));
    if (!append) { renderFacets(data.facets || {}); renderTimeline(data.timeline); }
    $('more').hidden = !data.nextCursor;
    $('export').hidden = data.total === 0;
  } catch (e) {
    $('export').hidden = true;
    $('status').textContent = e.message + (e.problem && e.problem.position !== undefined
      ? ' (at character ' + e.problem.position + ')' : '');
    $('status').className = 'error';
    $('facets').replaceChildren();
    $('timeline').hidden = true;
    $('more').hidden = true;
  }
}

// Which words were also searched as the entities they name, e.g. " · also papers annotated with TSPAN30 = CD63".
function expansionNote(expansions) {
  if (!expansions || expansions.length === 0) return '';
  return ' · also papers annotated with ' + expansions.map((e) => e.term === e.name ? e.name
    : e.term + ' = ' + e.name).join(', ');
}

// ---------- suggestions while typing ----------

// The word being typed: after the last space, or the open phrase after an unmatched quote.
function typedTerm(text) {
  const quotes = (text.match(/"/g) || []).length;
  if (quotes % 2 === 1) return { start: text.lastIndexOf('"'), term: text.slice(text.lastIndexOf('"') + 1) };
  const start = Math.max(text.lastIndexOf(' '), text.lastIndexOf('(')) + 1;
  const word = text.slice(start);
  const colon = word.indexOf(':');
  return colon >= 0 ? { start: start + colon + 1, term: word.slice(colon + 1) } : { start, term: word };
}

let suggestTimer = null;
let suggestFor = '';

async function suggest() {
  const text = $('q').value;
  const { start, term } = typedTerm(text);
  if (term.replace(/"/g, '').trim().length < 2 || text === suggestFor) return;
  suggestFor = text;
  try {
    const found = await getJson(API + '/entities/suggest?limit=8&prefix=' + encodeURIComponent(term.replace(/"/g, '')));
    if ($('q').value !== text) return;
    $('q-suggestions').replaceChildren(...found.map((s) => el('option', {
      value: text.slice(0, start).replace(/"$/, '') + (/\s/.test(s.text) ? '"' + s.text + '"' : s.text),
      label: s.name + ' · ' + s.type + ' · ' + s.papers + (s.papers === 1 ? ' paper' : ' papers')
    })));
  } catch (e) {
    $('q-suggestions').replaceChildren();
  }
}

function highlighted(text) {
  // Highlights arrive as text with <mark> around matches; rebuild them as nodes rather than trusting the markup.
  const frag = document.createDocumentFragment();
  const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  text.split(/(<mark>.*?<\/mark>)/g).forEach((part) => {
    const m = part.match(/^<mark>(.*)<\/mark>$/);
    frag.append(m ? el('mark', {}, decode(m[1])) : document.createTextNode(decode(part)));
  });
  return frag;
}

function chip(entity) {
  return el('a', {
    className: 'chip', href: searchHash(state.q, state.sort, { ...state.filters, entity: [entity.id] }),
    title: entity.type + ' · ' + entity.id, dataset: { type: entity.type, id: entity.id }
  }, entity.name || entity.id);
}

function renderHit(hit) {
  const title = hit.highlights && hit.highlights.title ? highlighted(hit.highlights.title) : hit.title;
  const meta = [hit.authors && hit.authors.slice(0, 3).join(', ') + (hit.authors.length > 3 ? ' et al.' : ''),
    hit.journal, hit.published || hit.year].filter(Boolean).join(' · ');
  return el('li', { className: 'hit', dataset: { id: hit.id } },
    el('h2', {}, el('a', { href: '#/paper/' + encodeURIComponent(hit.id), className: 'hit-title' }, title)),
    el('div', { className: 'meta' }, meta),
    hit.tldr ? el('p', { className: 'tldr' }, hit.tldr) : null,
    el('div', { className: 'chips' }, (hit.entities || []).slice(0, 12).map(chip)),
    moreLikeThis(hit.id));
}

// Searches for the papers like this one (similar:ID), keeping the filters and dates of the search.
function moreLikeThis(id) {
  return el('button', { type: 'button', className: 'more-like-this', dataset: { id },
    onclick: () => { location.hash = searchHash('similar:' + id, state.sort, state.filters); } }, 'More like this');
}

function renderFacets(facets) {
  const box = $('facets');
  box.replaceChildren();
  for (const name of Object.keys(FACET_TITLES)) {
    const values = facets[name];
    if (!values || !values.length) continue;
    const selected = state.filters[name] || [];
    box.append(el('h3', {}, FACET_TITLES[name]));
    box.append(el('ul', { dataset: { facet: name } }, values.slice(0, 10).map((v) => el('li', {},
      el('label', {},
        el('input', {
          type: 'checkbox', checked: selected.includes(v.value), dataset: { facet: name, value: v.value },
          onchange: (ev) => toggleFilter(name, v.value, ev.target.checked)
        }),
        el('span', {}, v.label || v.value), el('span', { className: 'count' }, v.count))))));
  }
}

function toggleFilter(name, value, on) {
  const filters = { ...state.filters };
  const values = new Set(filters[name] || []);
  if (SINGLE_FILTERS.includes(name)) values.clear();
  on ? values.add(value) : values.delete(value);
  if (values.size) filters[name] = [...values]; else delete filters[name];
  // A year and a date range are two ways to say one thing: the newer replaces the other.
  if (on && name === 'year') { delete filters.from; delete filters.to; }
  if (on && (name === 'from' || name === 'to')) delete filters.year;
  location.hash = searchHash(state.q, state.sort, filters);
}

// The date range fields show the range in force.
function renderDates() {
  $('date-from').value = (state.filters.from || [''])[0];
  $('date-to').value = (state.filters.to || [''])[0];
}

// A year alone stands for all of it: from its first day, to its last.
function dateBound(text, yearEdge) {
  const t = text.trim();
  return /^\d{4}$/.test(t) ? t + yearEdge : t;
}

function applyDates(ev) {
  ev.preventDefault();
  const from = dateBound($('date-from').value, '-01-01');
  const to = dateBound($('date-to').value, '-12-31');
  const filters = { ...state.filters };
  delete filters.from; delete filters.to;
  if (from) filters.from = [from];
  if (to) filters.to = [to];
  if (from || to) delete filters.year;
  location.hash = searchHash(state.q, state.sort, filters);
}

// The current search exported: its first 100 results, the most one page of the API holds.
function renderExport() {
  for (const format of ['ris', 'bibtex', 'csl']) {
    const p = apiSearchParams(null);
    p.delete('timeline');
    p.set('size', '100');
    p.set('format', format);
    $('export-' + format).href = API + '/papers?' + p;
  }
}

// ---------- timeline chart ----------

const TREND_TITLES = { EV_SUBTYPE: 'EV subtypes', DISEASE: 'Diseases', EV_MARKER: 'EV markers' };
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function papers(n) {
  return n + (n === 1 ? ' paper' : ' papers');
}

function periodName(period) {
  // '2024' stays; '2024-05' reads 'May 2024'.
  return period.length === 7 ? MONTH_NAMES[Number(period.slice(5)) - 1] + ' ' + period.slice(0, 4) : period;
}

function renderTimeline(timeline) {
  state.timeline = timeline;
  $('timeline').hidden = !timeline || !timeline.years.length;
  if ($('timeline').hidden) return;
  drawBars();
  drawTrends(timeline);
}

// Shows only the papers of one bar's year or month: a date range filter.
function filterPeriod(p) {
  const filters = { ...state.filters, from: [p.from], to: [p.to] };
  delete filters.year;
  location.hash = searchHash(state.q, state.sort, filters);
}

function drawBars() {
  const t = state.timeline;
  const months = state.chart === 'months';
  const periods = months ? t.months : t.years;
  $('chart-years').setAttribute('aria-pressed', String(!months));
  $('chart-months').setAttribute('aria-pressed', String(months));
  $('chart-caption').textContent = (months ? 'Matching papers per month, last 24 months' : 'Matching papers per year')
    + (t.undated ? ' (' + papers(t.undated) + ' without a date)' : '');
  // A few periods get bars of at most 60 units, centred, rather than a few very wide ones.
  const W = 640, H = 170, top = 16, bottom = 22, step = Math.min(60, W / periods.length);
  const left = (W - step * periods.length) / 2;
  const max = Math.max(1, ...periods.map((p) => p.count));
  const every = Math.ceil(periods.length / 12);
  const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'group', 'aria-labelledby': 'chart-caption' },
    periods.map((p, i) => bar(p, left + i * step, step, (H - top - bottom) * p.count / max, H - bottom, {
      value: periods.length <= 36 && p.count > 0, tick: i % every === 0, months, top })));
  $('chart-bars').replaceChildren(chart);
  $('chart-table').replaceChildren(el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, months ? 'Month' : 'Year'), el('th', {}, 'Papers'))),
    el('tbody', {}, periods.map((p) => el('tr', {}, el('td', {}, periodName(p.period)), el('td', {}, p.count))))));
}

// One bar: the whole column takes the click (an empty year too), the title and label say its numbers.
function bar(p, x, width, height, base, o) {
  const label = periodName(p.period) + ': ' + papers(p.count);
  const activate = (ev) => {
    if (ev.type === 'keydown' && ev.key !== 'Enter' && ev.key !== ' ') return;
    ev.preventDefault();
    filterPeriod(p);
  };
  return svg('g', {
    class: 'bar', role: 'button', tabindex: '0', 'aria-label': label + '. Show only these.',
    'data-period': p.period, 'data-count': p.count, onclick: activate, onkeydown: activate
  },
  svg('title', {}, label),
  svg('rect', { class: 'column', x, y: o.top, width, height: base - o.top }),
  svg('rect', { class: 'fill', x: x + width * 0.12, y: base - height, width: width * 0.76, height }),
  o.value ? svg('text', { class: 'value', x: x + width / 2, y: base - height - 3 }, p.count) : null,
  o.tick ? svg('text', { class: 'tick', x: x + width / 2, y: base + 15 },
    o.months ? periodName(p.period).replace(' 20', " '") : p.period) : null);
}

function drawTrends(t) {
  const box = $('trends');
  box.replaceChildren();
  for (const [type, title] of Object.entries(TREND_TITLES)) {
    const entities = t.entities.filter((e) => e.type === type);
    if (!entities.length) continue;
    box.append(el('div', { className: 'trend-group' }, el('h4', {}, title), el('ul', {}, entities.map(trend))));
  }
}

// A small line of an entity's papers per year; a click filters the search by the entity.
function trend(e) {
  const W = 120, H = 24, n = e.years.length;
  const max = Math.max(1, ...e.years.map((p) => p.count));
  const xy = e.years.map((p, i) => [(n === 1 ? W / 2 : 2 + i * (W - 4) / (n - 1)).toFixed(1),
    (H - 2 - (H - 4) * p.count / max).toFixed(1)]);
  const [lastX, lastY] = xy[xy.length - 1];
  const perYear = e.years.filter((p) => p.count).map((p) => p.period + ': ' + p.count).join(', ');
  return el('li', {}, el('button', {
    type: 'button', className: 'trend', dataset: { id: e.id, type: e.type },
    title: 'Filter by ' + e.name + ' (' + perYear + ')',
    'aria-label': e.name + ', ' + papers(e.count) + ' (' + perYear + '). Filter by it.',
    onclick: () => toggleFilter('entity', e.id, true)
  },
  el('span', { className: 'trend-name' }, e.name),
  svg('svg', { class: 'spark', viewBox: '0 0 ' + W + ' ' + H, 'aria-hidden': 'true' },
    svg('polyline', { points: xy.map((p) => p.join(',')).join(' ') }), svg('circle', { cx: lastX, cy: lastY, r: 2 })),
  el('span', { className: 'count' }, e.count)));
}

function renderActiveFilters() {
  const box = $('active-filters');
  box.replaceChildren();
  for (const [name, values] of Object.entries(state.filters)) {
    for (const v of values) {
      box.append(el('button', {
        type: 'button', className: 'chip', title: 'Remove filter',
        onclick: () => toggleFilter(name, v, false)
      }, name + ': ' + v + ' ×'));
    }
  }
}

// ---------- paper page ----------

function annotate(text, mentions, entitiesById) {
  // Wraps each mention in a link to its entity's vocabulary page; overlapping mentions keep the first.
  const frag = document.createDocumentFragment();
  const sorted = mentions.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  let pos = 0;
  for (const m of sorted) {
    if (m.start < pos || m.end > text.length || m.start >= m.end) continue;
    frag.append(text.slice(pos, m.start));
    const e = entitiesById[m.entityId];
    frag.append(el('a', {
      className: 'entity', href: entityUrl(e.id) || searchHash('', 'relevance', { entity: [e.id] }),
      target: entityUrl(e.id) ? '_blank' : null, rel: 'noopener', title: e.name + ' (' + e.id + ')',
      dataset: { type: e.type, id: e.id }
    }, text.slice(m.start, m.end)));
    pos = m.end;
  }
  frag.append(text.slice(pos));
  return frag;
}

function mentionsIn(paper, section) {
  const out = [];
  for (const e of paper.entities || []) {
    for (const m of e.mentions || []) if (m.section === section) out.push({ ...m, entityId: e.id });
  }
  return out;
}

// An entity of the full text is one whose every mention is in a body section ('body/N'); the others (named in
// the title or abstract, or without mentions) are the paper's entities.
function entitiesOf(paper, fullText) {
  const inBodyOnly = (e) => (e.mentions || []).length > 0
    && e.mentions.every((m) => String(m.section || '').startsWith('body/'));
  return (paper.entities || []).filter((e) => inBodyOnly(e) === fullText);
}

function entityChip(e) {
  return el('a', { className: 'chip', href: entityUrl(e.id) || '#', target: '_blank', rel: 'noopener',
    dataset: { type: e.type, id: e.id }, title: e.type + ' · ' + e.id }, e.name || e.id);
}

async function showPaper(id) {
  show('paper-view');
  const view = $('paper-view');
  view.replaceChildren(el('p', {}, 'Loading…'));
  let p;
  try {
    p = await getJson(API + '/papers/' + encodeURIComponent(id));
  } catch (e) {
    view.replaceChildren(el('p', { className: 'error' }, e.message));
    return;
  }
  const byId = Object.fromEntries((p.entities || []).map((e) => [e.id, e]));
  const ids = p.ids || {};
  const j = p.journal || {};
  const d = p.dates || {};
  const abstractText = p.abstractText || (p.abstractSections || []).map((s) => s.text).join('\n');
  const abstractMentions = mentionsIn(p, 'abstract');

  // The abstract is one text with sections joined by '\n': show each section with its label, mapping offsets.
  const abstractBox = el('div', { className: 'abstract' });
  let offset = 0;
  const sections = (p.abstractSections && p.abstractSections.length) ? p.abstractSections : [{ text: abstractText }];
  for (const s of sections) {
    const local = abstractMentions.filter((m) => m.start >= offset && m.end <= offset + s.text.length)
      .map((m) => ({ ...m, start: m.start - offset, end: m.end - offset }));
    abstractBox.append(el('p', {}, s.label ? el('strong', {}, s.label + ': ') : null, annotate(s.text, local, byId)));
    offset += s.text.length + 1;
  }

  const idLinks = [
    ids.doi && el('a', { href: 'https://doi.org/' + ids.doi, target: '_blank', rel: 'noopener' }, 'doi:' + ids.doi),
    ids.pmid && el('a', { href: 'https://pubmed.ncbi.nlm.nih.gov/' + ids.pmid + '/', target: '_blank', rel: 'noopener' }, 'PMID ' + ids.pmid),
    ids.pmcid && el('a', { href: 'https://www.ncbi.nlm.nih.gov/pmc/articles/' + ids.pmcid + '/', target: '_blank', rel: 'noopener' }, ids.pmcid)
  ].filter(Boolean);
  const summary = p.summary || {};
  const fullTextEntities = entitiesOf(p, true);
  const exportBase = API + '/papers/' + encodeURIComponent(p.id) + '?format=';

  view.replaceChildren(el('div', { className: 'paper', dataset: { id: p.id } },
    el('p', {}, el('a', { href: 'javascript:history.back()' }, '← Back to results')),
    el('h1', { id: 'paper-title' }, annotate(p.title || '(untitled)', mentionsIn(p, 'title'), byId)),
    el('p', { className: 'meta' }, (p.authors || []).map((a) => a.collectiveName && !a.family
      ? a.collectiveName : [a.given, a.family].filter(Boolean).join(' ')).join(', ')),
    el('p', { className: 'meta' }, [j.title, j.volume && ('vol. ' + j.volume), j.issue && ('(' + j.issue + ')'),
      j.pages || j.articleNumber, d.published || p.year].filter(Boolean).join(' · ')),
    el('p', { className: 'ids' }, idLinks.flatMap((a, i) => i ? [' · ', a] : [a])),
    summary.tldr ? el('section', {}, el('h2', {}, 'TL;DR'), el('p', { id: 'tldr' }, summary.tldr)) : null,
    el('section', {}, el('h2', {}, 'Abstract'), abstractText ? abstractBox : el('p', {}, 'No abstract.')),
    summary.keyFindings && summary.keyFindings.length ? el('section', {}, el('h2', {}, 'Key findings'),
      el('ul', { id: 'key-findings' }, summary.keyFindings.map((k) => el('li', {}, k)))) : null,
    el('section', {}, el('h2', {}, 'Entities'),
      el('div', { className: 'chips', id: 'entities' }, entitiesOf(p, false).map(entityChip))),
    fullTextEntities.length ? el('section', {}, el('h2', {}, 'Full-text entities'),
      el('p', { className: 'meta' }, 'Named in the full text (Methods, Results…), not in the title or abstract.'),
      el('div', { className: 'chips', id: 'full-text-entities' }, fullTextEntities.map(entityChip))) : null,
    el('section', { id: 'similar' }, el('h2', {}, 'Similar papers'), el('p', { className: 'meta' }, 'Loading…')),
    el('section', {}, el('h2', {}, 'Sources'), el('table', { id: 'sources' },
      el('thead', {}, el('tr', {}, ['Source', 'Record', 'Type', 'Fetched', 'Extractor'].map((h) => el('th', {}, h)))),
      el('tbody', {}, (p.sources || []).map((s) => el('tr', {},
        el('td', {}, s.source),
        el('td', {}, s.sourceUrl ? el('a', { href: s.sourceUrl, target: '_blank', rel: 'noopener' }, s.sourceRecordId)
          : s.sourceRecordId),
        el('td', {}, s.contentType || ''), el('td', {}, s.fetchedAt || ''),
        el('td', {}, s.extractorVersion || '')))))),
    el('section', {}, el('h2', {}, 'Cite'), el('p', {},
      el('a', { href: exportBase + 'ris' }, 'RIS'), ' · ',
      el('a', { href: exportBase + 'bibtex' }, 'BibTeX'), ' · ',
      el('a', { href: exportBase + 'csl' }, 'CSL-JSON')))));
  window.scrollTo(0, 0);
  showSimilar(p.id);
}

// The papers most like this one, each with why: the entities and words it shares with it.
async function showSimilar(id) {
  const box = $('similar');
  let answer;
  try {
    answer = await getJson(API + '/papers/' + encodeURIComponent(id) + '/similar?limit=10');
  } catch (e) {
    box.replaceChildren(el('h2', {}, 'Similar papers'), el('p', { className: 'meta' }, e.message));
    return;
  }
  if (!box.isConnected) return;
  const items = (answer.similar || []).map((s) => el('li', { className: 'similar-paper', dataset: { id: s.paper.id } },
    el('a', { href: '#/paper/' + encodeURIComponent(s.paper.id) }, s.paper.title || '(untitled)'),
    el('div', { className: 'meta' }, [s.paper.journal, s.paper.published || s.paper.year].filter(Boolean).join(' · ')),
    el('div', { className: 'why' }, 'Shares: ',
      (s.sharedEntities || []).map((e) => el('span', { className: 'chip', dataset: { type: e.type, id: e.id },
        title: e.type + ' · ' + e.id }, e.name || e.id)),
      (s.sharedTerms || []).length ? el('span', { className: 'terms' }, (s.sharedTerms || []).join(', ')) : null)));
  box.replaceChildren(el('h2', {}, 'Similar papers'),
    items.length ? el('ol', { id: 'similar-list' }, items) : el('p', { className: 'meta' }, 'No similar papers yet.'),
    el('p', {}, el('a', { href: searchHash('similar:' + id, 'relevance', {}) }, 'Search papers like this one')));
}

// ---------- signing in ----------

const KEY_STORE = 'evwatch.apiKey';

function apiKey() {
  return localStorage.getItem(KEY_STORE);
}

function renderAccount() {
  const signedIn = Boolean(apiKey());
  $('sign-in-button').hidden = signedIn;
  $('signed-in').hidden = !signedIn;
}

// Asks for a key; `then` runs once signed in (by default: the subscriptions).
function openSignIn(reason, then) {
  state.afterSignIn = then || null;
  $('signin-reason').textContent = reason || '';
  $('signin-key').value = '';
  $('signin-error').textContent = '';
  $('signin-dialog').showModal();
}

async function signIn(ev) {
  ev.preventDefault();
  const key = $('signin-key').value.trim();
  try {
    await authorized('GET', '/subscriptions', undefined, key);
  } catch (e) {
    $('signin-error').textContent = e.status === 401 ? 'This API key was not accepted: ' + e.message : e.message;
    return;
  }
  localStorage.setItem(KEY_STORE, key);
  $('signin-dialog').close();
  renderAccount();
  const then = state.afterSignIn;
  state.afterSignIn = null;
  if (then) then(); else location.hash = '#/subscriptions';
}

function signOut() {
  localStorage.removeItem(KEY_STORE);
  renderAccount();
  location.hash = '#/';
}

// A failed call of a signed-in view: a key no longer accepted signs out.
function showFailure(box, e) {
  if (e.status === 401) {
    localStorage.removeItem(KEY_STORE);
    renderAccount();
    box.textContent = 'Your API key is no longer accepted (' + e.message + '). Sign in again.';
  } else {
    box.textContent = e.message;
  }
  box.className = 'error';
}

function needsSignIn(box, what) {
  if (apiKey()) return false;
  box.className = '';
  box.replaceChildren('Sign in with your API key to ' + what + '. ',
    el('button', { type: 'button', onclick: () => openSignIn('', route) }, 'Sign in'));
  return true;
}

// ---------- subscribe ----------

function filtersOfSearch() {
  const filters = {};
  for (const [name, values] of Object.entries(state.filters)) {
    if (name === 'year') { filters.from = values[0] + '-01-01'; filters.to = values[0] + '-12-31'; }
    else if (name === 'from' || name === 'to') filters[name] = values[0];
    else filters[name] = values;
  }
  return filters;
}

// The optional channels of a subscription form: a webhook URL, an e-mail address and how often it is mailed.
function channels(webhook, address, frequency) {
  const out = {};
  if (webhook.trim()) out.webhook = { url: webhook.trim() };
  if (address.trim()) out.email = { address: address.trim(), frequency };
  return out;
}

function openSubscribe() {
  if (!apiKey()) {
    openSignIn('Subscribing needs an API key.', openSubscribe);
    return;
  }
  $('subscribe-query').textContent = state.q || '(everything)';
  $('sub-name').value = state.q ? state.q.slice(0, 80) : 'All papers';
  $('subscribe-error').textContent = '';
  $('subscribe-form').hidden = false;
  $('subscribe-result').hidden = true;
  $('subscribe-dialog').showModal();
}

async function createSubscription(ev) {
  ev.preventDefault();
  const body = {
    name: $('sub-name').value.trim(), q: state.q, filters: filtersOfSearch(),
    ...channels($('sub-webhook').value, $('sub-email').value, $('sub-frequency').value)
  };
  let data;
  try {
    data = await authorized('POST', '/subscriptions', body);
  } catch (e) {
    $('subscribe-error').textContent = e.message;
    return;
  }
  const links = data.links || {};
  for (const [id, url] of [['feed-atom', links.atom], ['feed-rss', links.rss], ['feed-json', links.jsonFeed],
    ['feed-stream', links.stream]]) {
    $(id).href = url; $(id).textContent = url;
  }
  $('webhook-secret').hidden = !(data.webhook && data.webhook.secret);
  if (data.webhook && data.webhook.secret) $('webhook-secret').querySelector('code').textContent = data.webhook.secret;
  $('email-pending').hidden = !data.email;
  $('subscribe-form').hidden = true;
  $('subscribe-result').hidden = false;
}

// ---------- my subscriptions ----------

async function showSubscriptions() {
  show('subscriptions-view');
  const status = $('subscriptions-status');
  $('subscription-list').replaceChildren();
  if (needsSignIn(status, 'see your subscriptions')) return;
  status.className = '';
  status.textContent = 'Loading…';
  try {
    const list = await authorized('GET', '/subscriptions');
    status.textContent = list.length ? '' : 'No subscriptions yet: search, then Subscribe.';
    $('subscription-list').replaceChildren(...list.map(subscriptionCard));
  } catch (e) {
    showFailure(status, e);
  }
}

function filtersText(filters) {
  return FILTER_PARAMS.map((name) => [name, (filters || {})[name]])
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length))
    .map(([name, v]) => name + ': ' + (Array.isArray(v) ? v.join(', ') : v)).join(' · ');
}

function channelsText(s) {
  const parts = ['feeds and stream'];
  if (s.webhook) parts.push('webhook ' + s.webhook.url);
  if (s.email) parts.push('e-mail ' + s.email.address + ' (' + s.email.frequency + ', ' + s.email.state + ')');
  return parts.join(' · ');
}

function subscriptionCard(s) {
  const links = s.links || {};
  const details = el('div', { className: 'details', hidden: true });
  return el('li', { className: 'subscription', dataset: { id: s.id, paused: String(s.paused) } },
    el('h2', {}, el('span', { className: 'sub-name' }, s.name), ' ',
      el('span', { className: 'badge' + (s.paused ? ' paused' : '') }, s.paused ? 'Paused' : 'Active')),
    el('p', {}, 'Query: ', el('code', { className: 'sub-query' }, s.q || '(everything)')),
    filtersText(s.filters) ? el('p', { className: 'meta' }, 'Filters: ' + filtersText(s.filters)) : null,
    el('p', { className: 'sub-channels' }, 'Delivers to: ' + channelsText(s)),
    el('p', { className: 'meta' }, 'Feeds: ', el('a', { href: links.atom }, 'Atom'), ' · ',
      el('a', { href: links.rss }, 'RSS'), ' · ', el('a', { href: links.jsonFeed }, 'JSON Feed'), ' · ',
      el('a', { href: links.stream }, 'live stream')),
    el('div', { className: 'buttons' },
      el('button', { type: 'button', className: 'sub-activity', onclick: () => toggleActivity(s, details) },
        'Matches and deliveries'),
      el('button', { type: 'button', className: 'sub-edit', onclick: () => openEdit(s) }, 'Edit'),
      el('button', { type: 'button', className: 'sub-pause', onclick: () => setPaused(s, !s.paused) },
        s.paused ? 'Resume' : 'Pause'),
      el('button', { type: 'button', className: 'sub-delete', onclick: (ev) => deleteSubscription(s, ev.target) },
        'Delete')),
    details);
}

// What a PUT needs to leave a subscription as it is. An address that unsubscribed is left out: sent again, it
// would be mailed a new confirmation link, which only the reader should ask for.
function requestOf(s) {
  const body = { name: s.name, q: s.q, filters: s.filters };
  if (s.webhook) body.webhook = { url: s.webhook.url };
  if (s.email && s.email.state !== 'unsubscribed') {
    body.email = { address: s.email.address, frequency: s.email.frequency };
  }
  return body;
}

async function setPaused(s, paused) {
  try {
    await authorized('PUT', '/subscriptions/' + encodeURIComponent(s.id), { ...requestOf(s), paused });
    showSubscriptions();
  } catch (e) {
    showFailure($('subscriptions-status'), e);
  }
}

// Whether this is the second click on a button that does what cannot be undone; the first asks `question`.
function confirmed(button, question) {
  if (button.dataset.armed === 'true') return true;
  button.dataset.armed = 'true';
  button.textContent = question;
  return false;
}

async function deleteSubscription(s, button) {
  if (!confirmed(button, 'Really delete?')) return;
  try {
    await authorized('DELETE', '/subscriptions/' + encodeURIComponent(s.id));
    showSubscriptions();
  } catch (e) {
    showFailure($('subscriptions-status'), e);
  }
}

function openEdit(s) {
  state.editing = s;
  $('edit-name').value = s.name;
  $('edit-q').value = s.q;
  $('edit-webhook').value = s.webhook ? s.webhook.url : '';
  $('edit-email').value = s.email ? s.email.address : '';
  $('edit-frequency').value = s.email ? s.email.frequency : 'daily';
  $('edit-error').textContent = '';
  $('edit-dialog').showModal();
}

async function saveEdit(ev) {
  ev.preventDefault();
  const s = state.editing;
  const body = {
    name: $('edit-name').value.trim(), q: $('edit-q').value.trim(), filters: s.filters, paused: s.paused,
    ...channels($('edit-webhook').value, $('edit-email').value, $('edit-frequency').value)
  };
  try {
    const saved = await authorized('PUT', '/subscriptions/' + encodeURIComponent(s.id), body);
    $('edit-dialog').close();
    await showSubscriptions();
    if (saved.webhook && saved.webhook.secret) {
      $('subscriptions-status').textContent = 'New webhook secret (shown once): ' + saved.webhook.secret;
    }
  } catch (e) {
    const at = e.problem && e.problem.position !== undefined ? ' (at character ' + e.problem.position + ')' : '';
    $('edit-error').textContent = e.message + at;
  }
}

// ---------- a subscription's matches and delivery logs ----------

async function toggleActivity(s, box) {
  box.hidden = !box.hidden;
  if (box.hidden) return;
  box.replaceChildren(el('p', {}, 'Loading…'));
  const id = encodeURIComponent(s.id);
  const [feed, hooks, mails] = await Promise.allSettled([
    request(s.links.jsonFeed, { headers: { Accept: 'application/feed+json' } }),
    authorized('GET', '/subscriptions/' + id + '/deliveries?limit=20'),
    authorized('GET', '/subscriptions/' + id + '/email-deliveries?limit=20')]);
  box.replaceChildren(
    el('h3', {}, 'Recent matches'), settled(feed, matchesList),
    el('h3', {}, 'Webhook deliveries'), s.webhook || (hooks.value || []).length
      ? settled(hooks, webhookTable) : el('p', {}, 'No webhook.'),
    el('h3', {}, 'E-mail deliveries'), s.email || (mails.value || []).length
      ? settled(mails, mailTable) : el('p', {}, 'No e-mail.'));
}

function settled(result, render) {
  return result.status === 'fulfilled' ? render(result.value)
    : el('p', { className: 'error' }, result.reason.message);
}

function matchesList(feed) {
  const items = (feed.items || []).slice(0, 10);
  if (!items.length) return el('p', {}, 'No matching papers yet.');
  return el('ol', { className: 'matches' }, items.map((item) => el('li', {},
    el('a', { href: '#/paper/' + encodeURIComponent(item._evwatch.paper_id) }, item.title),
    item.date_published ? el('span', { className: 'meta' }, ' · ' + item.date_published.slice(0, 10)) : null)));
}

function when(instant) {
  return instant ? instant.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '';
}

function logTable(className, headings, rows) {
  if (!rows.length) return el('p', {}, 'Nothing delivered yet.');
  return el('table', { className },
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

function lastAttempt(d) {
  const a = (d.attemptLog || [])[(d.attemptLog || []).length - 1];
  if (!a) return '';
  return [a.statusCode ? 'HTTP ' + a.statusCode : null, a.error, a.outcome].filter(Boolean).join(' · ');
}

function webhookTable(deliveries) {
  return logTable('webhook-log', ['Paper', 'State', 'Attempts', 'Last attempt', 'Created'], deliveries.map((d) =>
    [d.paperId, d.state, d.attempts, lastAttempt(d), when(d.createdAt)]));
}

function mailTable(deliveries) {
  return logTable('email-log', ['Mail', 'To', 'State', 'Attempts', 'Due', 'Sent'], deliveries.map((d) =>
    [d.kind === 'PAPER' ? d.paperId : 'confirmation', d.address, d.state, d.attempts, when(d.dueAt),
      when(d.sentAt)]));
}

// ---------- API keys ----------

async function showKeys() {
  show('keys-view');
  const status = $('keys-status');
  $('key-table').querySelector('tbody').replaceChildren();
  $('key-form').hidden = true;
  if (needsSignIn(status, 'manage API keys')) return;
  status.className = '';
  status.textContent = 'Loading…';
  try {
    const keys = await authorized('GET', '/admin/keys');
    status.textContent = '';
    $('key-form').hidden = false;
    $('key-table').querySelector('tbody').replaceChildren(...keys.map(keyRow));
  } catch (e) {
    if (e.status === 403) {
      status.className = 'error';
      status.textContent = 'Creating and revoking keys needs an admin key; ask the administrator of this EVwatch.';
    } else {
      showFailure(status, e);
    }
  }
}

function keyRow(k) {
  return el('tr', { className: 'key', dataset: { id: k.id, name: k.name } },
    el('td', {}, k.name), el('td', {}, k.role), el('td', {}, el('code', {}, k.prefix)), el('td', {}, when(k.createdAt)),
    el('td', { className: 'revoked' }, when(k.revokedAt)),
    el('td', {}, k.revokedAt ? null : el('button', {
      type: 'button', className: 'key-revoke', onclick: (ev) => revokeKey(k, ev.target)
    }, 'Revoke')));
}

async function createKey(ev) {
  ev.preventDefault();
  try {
    const k = await authorized('POST', '/admin/keys', { name: $('key-name').value.trim(), role: $('key-role').value });
    await showKeys();
    $('new-key').hidden = false;
    $('new-key').querySelector('code').textContent = k.key;
  } catch (e) {
    showFailure($('keys-status'), e);
  }
}

async function revokeKey(k, button) {
  if (!confirmed(button, 'Really revoke?')) return;
  try {
    await authorized('DELETE', '/admin/keys/' + encodeURIComponent(k.id));
    $('new-key').hidden = true;
    showKeys();
  } catch (e) {
    showFailure($('keys-status'), e);
  }
}

// ---------- wiring ----------

$('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const hash = searchHash($('q').value.trim(), $('sort').value, state.filters);
  // The same search again changes no hash, so no hashchange event: run it directly.
  if (location.hash === hash) route(); else location.hash = hash;
});
$('q').addEventListener('input', () => {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(suggest, 200);
});
$('sort').addEventListener('change', () => {
  location.hash = searchHash($('q').value.trim(), $('sort').value, state.filters);
});
$('more').addEventListener('click', () => runSearch(true));
$('chart-years').addEventListener('click', () => { state.chart = 'years'; drawBars(); });
$('chart-months').addEventListener('click', () => { state.chart = 'months'; drawBars(); });
$('subscribe-button').addEventListener('click', openSubscribe);
$('subscribe-form').addEventListener('submit', createSubscription);
$('subscribe-cancel').addEventListener('click', () => $('subscribe-dialog').close());
$('subscribe-close').addEventListener('click', () => $('subscribe-dialog').close());
$('date-form').addEventListener('submit', applyDates);
$('sign-in-button').addEventListener('click', () => openSignIn(''));
$('sign-out-button').addEventListener('click', signOut);
$('signin-form').addEventListener('submit', signIn);
$('signin-cancel').addEventListener('click', () => $('signin-dialog').close());
$('edit-form').addEventListener('submit', saveEdit);
$('edit-cancel').addEventListener('click', () => $('edit-dialog').close());
$('key-form').addEventListener('submit', createKey);
renderAccount();
window.addEventListener('hashchange', route);
route();
