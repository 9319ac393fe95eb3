'use strict';
// EVwatch web page: search with facets, paper page, subscribe. Talks only to the public /api/v1 endpoints.
// Everything from the API is inserted as text (never as HTML), so a hostile title cannot run script.

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

async function getJson(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const problem = body || {};
    const err = new Error(problem.detail || problem.title || ('HTTP ' + res.status));
    err.problem = problem;
    throw err;
  }
  return body;
}

// ---------- routing ----------

function parseHash() {
  const h = location.hash.replace(/^#/, '') || '/';
  if (h.startsWith('/paper/')) return { view: 'paper', id: decodeURIComponent(h.slice('/paper/'.length)) };
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
  $('paper-view').hidden = true;
  $('search-view').hidden = false;
  if (!append) { $('results').replaceChildren(); state.cursor = null; }
  $('status').textContent = 'Searching…';
  $('status').className = '';
  renderActiveFilters();
  try {
    const data = await getJson(API + '/papers?' + apiSearchParams(append ? state.cursor : null));
    state.cursor = data.nextCursor;
    $('status').textContent = (data.total === 0 ? 'No papers match.'
      : data.total + (data.total === 1 ? ' paper' : ' papers')) + expansionNote(data.expansions);
    for (const hit of data.hits) $('results').append(renderHit(hit));
    if (!append) { renderFacets(data.facets || {}); renderTimeline(data.timeline); }
    $('more').hidden = !data.nextCursor;
  } catch (e) {
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
    el('div', { className: 'chips' }, (hit.entities || []).slice(0, 12).map(chip)));
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

async function showPaper(id) {
  $('search-view').hidden = true;
  const view = $('paper-view');
  view.hidden = false;
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
    el('section', {}, el('h2', {}, 'Entities'), el('div', { className: 'chips' }, (p.entities || []).map((e) =>
      el('a', { className: 'chip', href: entityUrl(e.id) || '#', target: '_blank', rel: 'noopener',
        dataset: { type: e.type, id: e.id }, title: e.type + ' · ' + e.id }, e.name || e.id)))),
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
}

// ---------- subscribe ----------

function openSubscribe() {
  $('subscribe-query').textContent = state.q || '(everything)';
  $('sub-name').value = state.q ? state.q.slice(0, 80) : 'All papers';
  $('sub-key').value = localStorage.getItem('evwatch.apiKey') || '';
  $('subscribe-error').textContent = '';
  $('subscribe-form').hidden = false;
  $('subscribe-result').hidden = true;
  $('subscribe-dialog').showModal();
}

async function createSubscription(ev) {
  ev.preventDefault();
  const key = $('sub-key').value.trim();
  const filters = {};
  for (const [name, values] of Object.entries(state.filters)) {
    if (name === 'year') { filters.from = values[0] + '-01-01'; filters.to = values[0] + '-12-31'; }
    else if (name === 'from' || name === 'to') filters[name] = values[0];
    else filters[name] = values;
  }
  const body = { name: $('sub-name').value.trim(), q: state.q, filters };
  const hook = $('sub-webhook').value.trim();
  if (hook) body.webhook = { url: hook };
  const res = await fetch(API + '/subscriptions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: 'Bearer ' + key },
    body: JSON.stringify(body)
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    $('subscribe-error').textContent = data.detail || data.title || ('HTTP ' + res.status);
    return;
  }
  localStorage.setItem('evwatch.apiKey', key);
  const links = data.links || {};
  for (const [id, url] of [['feed-atom', links.atom], ['feed-rss', links.rss], ['feed-json', links.jsonFeed],
    ['feed-stream', links.stream]]) {
    $(id).href = url; $(id).textContent = url;
  }
  if (data.webhook && data.webhook.secret) {
    $('webhook-secret').hidden = false;
    $('webhook-secret').querySelector('code').textContent = data.webhook.secret;
  } else {
    $('webhook-secret').hidden = true;
  }
  $('subscribe-form').hidden = true;
  $('subscribe-result').hidden = false;
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
window.addEventListener('hashchange', route);
route();
