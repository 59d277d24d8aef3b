/// The explorer page's one script: search, details panel, highlighting, shortest paths and
/// the date filter, over the model embedded as JSON.
///
/// It builds every element with `createElement` and `textContent` (never HTML from data),
/// links only to http(s) URLs, and reads dates exactly as ``Model/snapshot(asOf:)`` does: a
/// node or edge holds on a day when its `since_day` is not after it and its `until_day` not
/// before it, and an edge only when both its nodes hold. Paths follow ties both ways and
/// read a backward step with the relation's inverse label; among shortest paths they come in
/// the order of their node sequences by position in the model, as `baligraph path --all`
/// lists them.
enum ExplorerScript {
    /// The JavaScript text, inlined in a `<script>` element and named by its hash in the
    /// page's Content Security Policy.
    static let source = #"""
        (() => {
        'use strict';
        const doc = document;
        const $ = (id) => doc.getElementById(id);
        const M = JSON.parse($('model').textContent);
        const nodes = M.nodes, edges = M.edges;
        const byId = new Map(), byCss = new Map(), eBase = new Map();
        const kinds = new Map(M.kinds.map((k) => [k.id, k]));
        const rels = new Map(M.relations.map((r) => [r.id, r]));
        const srcs = new Map(M.sources.map((s) => [s.id, s]));
        const st = {view: null, day: null, label: '', sel: null, start: null, end: null,
          paths: [], pick: 0, mode: 'node'};
        let L = null;

        function el(tag, attrs, ...kids) {
          const e = doc.createElement(tag);
          for (const [k, v] of Object.entries(attrs || {})) if (v != null) e.setAttribute(k, v);
          for (const k of kids) if (k != null && k !== '') e.append(k);
          return e;
        }
        const isWeb = (u) => typeof u === 'string' && /^https?:\/\/[^\s"'<>`\\]+$/i.test(u);
        const link = (u, text) => isWeb(u) ? el('a', {href: u, target: '_blank',
          rel: 'noopener noreferrer', class: text === u ? 'raw' : null}, text) : text;
        const say = (msg) => { $('live').textContent = msg; };
        const css = (s) => {
          let o = '';
          for (const c of s) {
            o += /[a-z0-9-]/.test(c) ? c
              : c === '_' ? '__' : '_' + c.codePointAt(0).toString(16) + '_';
          }
          return o;
        };
        const norm = (s) => String(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
        const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
        const kindOf = (n) => (kinds.get(n.kind) || {label: n.kind}).label;
        const bdi = (text) => el('bdi', null, text);
        const swatch = (n) => {
          const c = (kinds.get(n.kind) || {}).color;
          const e = el('span', {class: 'sw', 'aria-hidden': 'true'});
          if (/^#[0-9a-f]{6}$/i.test(c || '')) e.style.background = c;
          return e;
        };
        const span = (x) => x.since && x.until
          ? (x.since === x.until ? x.since : x.since + '–' + x.until)
          : x.since ? x.since + '–' : x.until ? '–' + x.until : '';
        const ok = (x, d) => d == null ||
          ((x.since_day == null || x.since_day <= d) && (x.until_day == null || x.until_day >= d));
        const other = (e, id) => (e.from === id ? e.to : e.from);
        const label = (e, forward) => {
          const r = rels.get(e.relation);
          return r ? (forward ? r.label : r.inverse) : e.relation;
        };
        // Characters as Swift counts them (grapheme clusters), for the 60-character rule.
        const count = (t) => (typeof Intl === 'object' && Intl.Segmenter
          ? [...new Intl.Segmenter().segment(t)] : [...t]).length;
        const phrase = (n) => {
          const name = count(n.name) > 60 && n.short ? n.short : n.name;
          return n.article ? n.article + ' ' + name : name;
        };
        const cap = (s) => { const [f, ...r] = s; return f ? f.toUpperCase() + r.join('') : s; };
        const list = (v) => (v == null ? [] : [].concat(v)).filter((x) => typeof x === 'string');

        nodes.forEach((n, i) => {
          n.ix = i;
          byId.set(n.id, n);
          byCss.set(css(n.id), n);
          const a = n.attributes || {};
          n.keys = [n.name, n.short, n.id, ...list(n.aliases), ...list(a.iso2), ...list(a.iso3)]
            .filter((k) => typeof k === 'string' && k).map(norm);
          n.sortKey = norm(n.name);
        });
        edges.forEach((e, j) => {
          e.ix = j;
          const base = 'e-' + css(e.from) + '--' + css(e.relation) + '--' + css(e.to);
          if (!eBase.has(base)) eBase.set(base, []);
          eBase.get(base).push(j);
        });

        // What holds on a day: nodes, edges (both ends holding) and each node's edges.
        function live(d) {
          const n = new Set(nodes.filter((x) => ok(x, d)).map((x) => x.id));
          const e = new Set(), adj = new Map();
          for (const x of edges) {
            if (!ok(x, d) || !n.has(x.from) || !n.has(x.to)) continue;
            e.add(x.ix);
            for (const id of x.from === x.to ? [x.from] : [x.from, x.to]) {
              if (!adj.has(id)) adj.set(id, []);
              adj.get(id).push(x.ix);
            }
          }
          return {n, e, adj};
        }
        const adjOf = (id) => L.adj.get(id) || [];

        // All shortest paths a → b (at most `limit`), ties followed both ways, in the order of
        // their node sequences by model position; each step takes the first forward edge, else
        // the first backward one.
        function paths(a, b, limit) {
          if (!L.n.has(a) || !L.n.has(b) || a === b) return [];
          const dist = new Map([[b, 0]]), queue = [b];
          for (let i = 0; i < queue.length; i++) {
            const u = queue[i];
            for (const j of adjOf(u)) {
              const v = other(edges[j], u);
              if (!dist.has(v)) { dist.set(v, dist.get(u) + 1); queue.push(v); }
            }
          }
          if (!dist.has(a)) return [];
          const out = [];
          const walk = (seq) => {
            const u = seq[seq.length - 1];
            if (u === b) { out.push(makePath(seq)); return; }
            const next = [...new Set(adjOf(u).map((j) => other(edges[j], u)))]
              .filter((v) => dist.get(v) === dist.get(u) - 1)
              .sort((x, y) => byId.get(x).ix - byId.get(y).ix);
            for (const v of next) { if (out.length >= limit) return; walk(seq.concat([v])); }
          };
          walk([a]);
          return out;
        }
        function makePath(seq) {
          const steps = [];
          for (let i = 1; i < seq.length; i++) {
            const u = seq[i - 1], v = seq[i], js = adjOf(u).filter((j) => other(edges[j], u) === v);
            const fwd = js.filter((j) => edges[j].from === u && edges[j].to === v);
            const j = Math.min(...(fwd.length ? fwd : js));
            steps.push({from: u, to: v, edge: j, forward: edges[j].from === u});
          }
          let text = cap(phrase(byId.get(seq[0])));
          steps.forEach((s, i) => {
            text += (i ? ', which ' : ' ') + label(edges[s.edge], s.forward) + ' ' +
              phrase(byId.get(s.to));
          });
          return {nodes: seq, steps, sentence: text + '.'};
        }

        // Views ("0", "1", … and "list"): the diagrams' nodes and edges, matched to the model
        // by their ids.
        const views = [...doc.querySelectorAll('.view')].map((fig) => {
          const v = {key: fig.dataset.view, fig, nodes: new Map(), edges: [],
            btn: doc.querySelector('.picker [data-view="' + fig.dataset.view + '"]')};
          const svg = fig.querySelector('svg');
          if (!svg) return v;
          svg.setAttribute('role', 'group');
          for (const a of svg.querySelectorAll('a')) {
            for (const at of ['href', 'xlink:href']) {
              if (a.hasAttribute(at) && !isWeb(a.getAttribute(at))) a.removeAttribute(at);
            }
          }
          for (const g of svg.querySelectorAll('g.node')) {
            const n = g.id.startsWith('n-') ? byCss.get(g.id.slice(2)) : null;
            if (!n || v.nodes.has(n.id)) continue;
            g.classList.add('n');
            g.dataset.id = n.id;
            g.setAttribute('tabindex', '0');
            g.setAttribute('role', 'button');
            g.setAttribute('aria-label', n.name + ', ' + kindOf(n));
            for (const a of g.querySelectorAll('a')) a.setAttribute('tabindex', '-1');
            v.nodes.set(n.id, g);
          }
          const groups = new Map();
          for (const g of svg.querySelectorAll('g.edge')) {
            let key = g.id;
            const m = /^(.*)-\d+$/.exec(key);
            if (!eBase.has(key) && m && eBase.has(m[1])) key = m[1];
            if (!eBase.has(key)) continue;
            g.classList.add('e');
            if (!groups.has(key)) groups.set(key, []);
            groups.get(key).push(g);
          }
          for (const [key, gs] of groups) {
            const c = eBase.get(key);
            gs.forEach((g, i) => v.edges.push({g, idx: gs.length === c.length ? [c[i]] : c}));
          }
          return v;
        });
        const listView = views.find((v) => v.key === 'list');

        function buildList() {
          const box = listView.fig.querySelector('.list');
          box.replaceChildren();
          listView.nodes = new Map();
          for (const k of M.kinds) {
            const ns = nodes.filter((n) => n.kind === k.id && L.n.has(n.id))
              .sort((a, b) => cmp(a.sortKey, b.sortKey) || a.ix - b.ix);
            if (!ns.length) continue;
            const ul = el('ul');
            for (const n of ns) {
              const b = el('button', {type: 'button', class: 'n', 'data-id': n.id}, swatch(n),
                bdi(n.name));
              listView.nodes.set(n.id, b);
              ul.append(el('li', null, b));
            }
            box.append(el('section', null, el('h3', null, k.plural + ' (' + ns.length + ')'), ul));
          }
        }

        function show(key, quiet) {
          for (const v of views) {
            const on = v.key === key;
            v.fig.hidden = !on;
            if (v.btn) v.btn.setAttribute('aria-pressed', String(on));
            if (on) st.view = v;
          }
          if (st.sel) details();
          if (!quiet) say('Showing ' + st.view.fig.querySelector('figcaption').textContent + '.');
        }

        // Highlight: the selected node and its neighbours, or the picked path; dates grey out.
        function paint() {
          const path = st.mode === 'path' ? st.paths[st.pick] : null;
          const sel = st.mode === 'node' && L.n.has(st.sel) ? st.sel : null;
          const nb = new Set(), ne = new Set(), pn = new Set(), pe = new Set();
          if (sel) for (const j of adjOf(sel)) { ne.add(j); nb.add(other(edges[j], sel)); }
          if (path) {
            path.nodes.forEach((id) => pn.add(id));
            for (const s of path.steps) {
              pe.add(s.from + ' ' + s.to);
              pe.add(s.to + ' ' + s.from);
            }
          }
          for (const v of views) {
            v.fig.classList.toggle('has-hl', !!(sel || path));
            for (const [id, g] of v.nodes) {
              g.classList.toggle('hl', id === sel);
              g.classList.toggle('hl-neighbor', nb.has(id) && id !== sel);
              g.classList.toggle('path-node', pn.has(id));
              g.classList.toggle('off', !L.n.has(id));
            }
            for (const x of v.edges) {
              const on = x.idx.filter((j) => L.e.has(j));
              x.g.classList.toggle('off', !on.length);
              x.g.classList.toggle('hl-edge', on.some((j) => ne.has(j)));
              x.g.classList.toggle('path-edge',
                on.some((j) => pe.has(edges[j].from + ' ' + edges[j].to)));
            }
          }
        }

        function nodeButton(n) {
          const b = el('button', {type: 'button', class: 'link'}, bdi(n.name));
          b.addEventListener('click', () => select(n.id));
          return b;
        }
        function when() { return st.day == null ? '' : ' as of ' + st.label; }

        function details() {
          const box = $('details');
          box.replaceChildren();
          const n = byId.get(st.sel);
          if (!n) {
            box.append(el('p', {class: 'hint'}, 'Search or click a node to see its details.'));
            return;
          }
          box.append(el('h2', {id: 'd-title', tabindex: '-1'}, bdi(n.name)));
          box.append(el('p', {class: 'meta'}, swatch(n), [kindOf(n), span(n),
            n.confidence === 'inferred' ? 'inferred' : ''].filter(Boolean).join(' · ')));
          if (!L.n.has(n.id)) {
            box.append(el('p', {class: 'warn'}, 'Not part of the structure' + when() + '.'));
          }
          const dl = el('dl');
          const row = (k, v) => {
            if (v != null && v !== '') dl.append(el('dt', null, k), el('dd', null, v));
          };
          row('Short name', n.short ? bdi(n.short) : null);
          row('Also known as', list(n.aliases).join(', '));
          for (const k of Object.keys(n.attributes || {}).sort(cmp)) {
            const vals = list(n.attributes[k]);
            row(k.replace(/_/g, ' '), vals.length === 1 ? link(vals[0], vals[0])
              : el('ul', null, ...vals.map((x) => el('li', null, link(x, x)))));
          }
          row('Valid', span(n) || 'at every date');
          row('Confidence', n.confidence);
          row('Note', n.note);
          box.append(dl);
          const act = el('div', {class: 'actions'});
          const btn = (text, key, fn) => {
            const b = el('button', {type: 'button', 'data-act': key}, text);
            b.addEventListener('click', fn);
            act.append(b);
          };
          btn('Set as path start', 'start', () => setEnd('start', n.id));
          btn('Set as path end', 'end', () => setEnd('end', n.id));
          btn('Clear selection', 'clear', () => select(null));
          box.append(act);
          if (st.view && st.view.key !== 'list' && !st.view.nodes.has(n.id)) {
            const p = el('p', {class: 'note'}, 'Not drawn in this view.');
            for (const v of views) {
              if (!v.nodes.has(n.id) || v.key === 'list') continue;
              const b = el('button', {type: 'button', class: 'link'},
                'Show ' + v.fig.querySelector('figcaption').textContent);
              b.addEventListener('click', () => keep(() => { show(v.key); reveal(n.id); }));
              p.append(' ', b);
            }
            box.append(p);
          }
          const mine = adjOf(n.id).map((j) => edges[j]);
          box.append(el('h3', null, 'Relations' + when() + ' (' + mine.length + ')'));
          if (!mine.length) box.append(el('p', {class: 'hint'}, 'None.'));
          const cited = [...list(n.sources)];
          for (const r of M.relations) {
            for (const forward of [true, false]) {
              const es = mine.filter((e) => e.relation === r.id
                && (forward ? e.from : e.to) === n.id
                && (forward || e.from !== e.to));
              if (!es.length) continue;
              es.sort((a, b) => {
                const x = byId.get(other(a, n.id)), y = byId.get(other(b, n.id));
                return cmp(x.name, y.name) || cmp(x.id, y.id)
                  || (a.since_day || 0) - (b.since_day || 0);
              });
              box.append(el('h4', {title: r.description}, bdi(n.name),
                ' ' + label(es[0], forward) + ' (' + es.length + ')'));
              const ul = el('ul');
              for (const e of es) {
                const extra = [span(e), e.confidence === 'inferred' ? 'inferred' : '',
                  list(e.sources).join(', ')].filter(Boolean).join('; ');
                const li = el('li', null, nodeButton(byId.get(other(e, n.id))),
                  extra ? el('span', {class: 'k'}, ' (' + extra + ')') : null);
                if (e.note) li.append(el('p', {class: 'note'}, e.note));
                ul.append(li);
                cited.push(...list(e.sources));
              }
              box.append(ul);
            }
          }
          const seen = [...new Set(cited)].filter((id) => srcs.has(id));
          if (seen.length) {
            box.append(el('h3', null, 'Sources (' + seen.length + ')'));
            const ol = el('ol');
            for (const id of seen) {
              const s = srcs.get(id);
              ol.append(el('li', null, link(s.url, s.title), s.date ? ' (' + s.date + ')' : '',
                el('span', {class: 'k'}, ' [' + id + ']')));
            }
            box.append(ol);
          }
        }

        function pathbox() {
          const box = $('pathbox');
          box.replaceChildren();
          box.hidden = !(st.start || st.end);
          if (box.hidden) return;
          box.append(el('h2', null, 'Path'));
          const end = (which, text) => {
            const n = byId.get(st[which]);
            const p = el('p', null, text + ': ', n ? nodeButton(n) : el('span', {class: 'k'},
              'use “Set as path ' + which + '”'));
            if (n) {
              const x = el('button', {type: 'button', 'aria-label': 'Clear path ' + which,
                'data-act': 'clear-' + which}, '×');
              x.addEventListener('click', () => setEnd(which, null));
              p.append(' ', x);
            }
            box.append(p);
          };
          end('start', 'From');
          end('end', 'To');
          const act = el('div', {class: 'actions'});
          const swap = el('button', {type: 'button', 'data-act': 'swap'}, 'Swap');
          swap.addEventListener('click', () => {
            [st.start, st.end] = [st.end, st.start];
            keep(route);
            if (st.paths.length) say(pathSummary() + ' ' + st.paths[0].sentence);
          });
          act.append(swap);
          box.append(act);
          if (!st.start || !st.end) return;
          const out = el('p', {id: 'path-summary'}, pathSummary());
          box.append(out);
          if (!st.paths.length) return;
          const ol = el('ol', {class: 'paths'});
          st.paths.forEach((p, i) => {
            const b = el('button', {type: 'button', class: 'link', 'data-act': 'path-' + i,
              'aria-pressed': String(st.mode === 'path' && i === st.pick)}, p.sentence);
            b.addEventListener('click', () => keep(() => {
              st.pick = i;
              st.mode = 'path';
              paint();
              pathbox();
            }));
            ol.append(el('li', null, b));
          });
          box.append(ol);
        }
        function pathSummary() {
          const a = byId.get(st.start), b = byId.get(st.end);
          if (st.start === st.end) return 'Pick two different nodes.';
          for (const n of [a, b]) {
            if (!L.n.has(n.id)) return n.name + ' is not part of the structure' + when() + '.';
          }
          const k = st.paths.length;
          if (!k) {
            return 'No path from ' + a.name + ' to ' + b.name + when() +
              ': they are not connected.';
          }
          const steps = st.paths[0].steps.length;
          return (k === 1 ? 'The only shortest path' : k + ' shortest paths') + ' from ' + a.name +
            ' to ' + b.name + ' (' + steps + (steps === 1 ? ' step' : ' steps') + when() + ')' +
            (k === 10 ? '; the first 10 are listed:' : ':');
        }
        function route() {
          st.paths = st.start && st.end ? paths(st.start, st.end, 10) : [];
          st.pick = 0;
          if (st.paths.length) st.mode = 'path';
          paint();
          pathbox();
        }
        function setEnd(which, id) {
          st[which] = id;
          keep(route);
          if (st.start && st.end) {
            say(pathSummary() + (st.paths.length ? ' ' + st.paths[0].sentence : ''));
          } else if (id) {
            say('Path ' + which + ': ' + byId.get(id).name + '.');
          }
        }

        function reveal(id) {
          const g = st.view && st.view.nodes.get(id);
          if (g && g.scrollIntoView) g.scrollIntoView({block: 'nearest', inline: 'nearest'});
        }
        function select(id) {
          keep(() => {
            st.sel = id;
            st.mode = 'node';
            paint();
            details();
            pathbox();
          });
          if (!id) { say('Selection cleared.'); return; }
          const n = byId.get(id);
          say(n.name + ', ' + kindOf(n) + ': ' + adjOf(id).length + ' relations' + when() + '.');
          reveal(id);
        }
        // Redraws the panel without losing keyboard focus inside it: the control pressed
        // again when it is redrawn, else the details heading, else the panel.
        function keep(redraw) {
          const p = $('panel'), a = doc.activeElement, had = p.contains(a);
          const act = had && a.dataset ? a.dataset.act : null;
          redraw();
          if (!had || p.contains(doc.activeElement)) return;
          const same = act && p.querySelector('[data-act="' + act + '"]');
          (same || $('d-title') || p).focus();
        }

        // Search: a combobox over names, short names, aliases, ISO codes and ids.
        const box = $('search'), menu = $('matches');
        let hits = [], active = -1;
        function find(q) {
          const nq = norm(q);
          if (!nq) return [];
          const found = [];
          for (const n of nodes) {
            let best = 9;
            for (const k of n.keys) {
              const s = k === nq ? 0 : k.startsWith(nq) ? 1 : (' ' + k).includes(' ' + nq) ? 2
                : k.includes(nq) ? 3 : 9;
              best = Math.min(best, s);
            }
            if (best < 9) found.push([best, L.n.has(n.id) ? 0 : 1, n]);
          }
          found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || cmp(a[2].sortKey, b[2].sortKey)
            || a[2].ix - b[2].ix);
          return found.slice(0, 12).map((f) => f[2]);
        }
        function drawMenu() {
          menu.replaceChildren();
          hits.forEach((n, i) => {
            const li = el('li', {id: 'match-' + i, role: 'option',
              'aria-selected': String(i === active)}, bdi(n.name),
            el('span', {class: 'k'},
              ' · ' + kindOf(n) + (L.n.has(n.id) ? '' : ' · not' + when())));
            li.addEventListener('mousedown', (ev) => ev.preventDefault());
            li.addEventListener('click', () => choose(i));
            menu.append(li);
          });
          menu.hidden = !hits.length;
          box.setAttribute('aria-expanded', String(!!hits.length));
          if (active >= 0 && hits.length) {
            box.setAttribute('aria-activedescendant', 'match-' + active);
            $('match-' + active).scrollIntoView({block: 'nearest'});
          } else {
            box.removeAttribute('aria-activedescendant');
          }
        }
        function closeMenu() { hits = []; active = -1; drawMenu(); }
        function choose(i) {
          const n = hits[i];
          if (!n) return;
          box.value = n.name;
          closeMenu();
          select(n.id);
        }
        box.addEventListener('input', () => {
          hits = find(box.value);
          active = hits.length ? 0 : -1;
          drawMenu();
          if (box.value.trim()) {
            say(hits.length ? hits.length + (hits.length === 1 ? ' match' : ' matches')
              + '; first: ' + hits[0].name + '.' : 'No node matches “' + box.value + '”.');
          }
        });
        box.addEventListener('keydown', (ev) => {
          if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
            ev.preventDefault();
            if (!hits.length) { hits = find(box.value); active = -1; }
            if (!hits.length) return;
            active = (active + (ev.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
            drawMenu();
          } else if (ev.key === 'Enter') {
            ev.preventDefault();
            if (!hits.length) hits = find(box.value);
            if (hits.length) choose(Math.max(active, 0));
            else say('No node matches “' + box.value + '”.');
          } else if (ev.key === 'Escape') {
            if (hits.length) { ev.preventDefault(); closeMenu(); } else box.value = '';
          }
        });
        box.addEventListener('blur', closeMenu);

        // Diagrams: click or Enter/Space on a node selects it.
        $('views').addEventListener('click', (ev) => {
          const t = ev.target.closest('.n');
          if (!t) return;
          ev.preventDefault();
          select(t.dataset.id);
        });
        $('views').addEventListener('keydown', (ev) => {
          const t = ev.target.closest('g.n');
          if (t && (ev.key === 'Enter' || ev.key === ' ')) {
            ev.preventDefault();
            select(t.dataset.id);
          }
        });
        doc.addEventListener('keydown', (ev) => {
          if (ev.key === 'Escape' && ev.target !== box && (st.sel || st.mode === 'path')) {
            st.mode = 'node';
            select(null);
          }
        });
        for (const a of doc.querySelectorAll('.skip')) {
          a.addEventListener('click', (ev) => {
            const t = $(a.getAttribute('href').slice(1));
            if (t) { ev.preventDefault(); t.focus(); }
          });
        }
        for (const b of doc.querySelectorAll('.picker button')) {
          b.addEventListener('click', () => show(b.dataset.view));
        }
        const zoom = $('zoom');
        zoom.addEventListener('click', () => {
          const on = zoom.getAttribute('aria-pressed') !== 'true';
          zoom.setAttribute('aria-pressed', String(on));
          $('views').classList.toggle('actual', on);
          if (st.sel) reveal(st.sel);
        });

        // Date: all history, or the structure on the last day of a year.
        const year = $('year'), all = $('all-dates'), shown = $('year-out');
        function setDate(day, text, quiet) {
          st.day = day;
          st.label = text;
          year.disabled = day == null;
          shown.textContent = day == null ? 'all dates' : text;
          L = live(day);
          buildList();
          st.paths = st.start && st.end ? paths(st.start, st.end, 10) : [];
          st.pick = 0;
          paint();
          details();
          pathbox();
          if (!quiet) {
            say((day == null ? 'All dates' : 'As of ' + text) + ': ' + L.n.size + ' nodes, ' +
              L.e.size + ' ties.');
          }
        }
        const fromControls = () =>
          setDate(all.checked ? null : +year.value * 10000 + 1231, year.value);
        year.addEventListener('input', fromControls);
        all.addEventListener('change', fromControls);

        if (M.initial_day != null) setDate(M.initial_day, M.initial_as_of, true);
        else setDate(null, '', true);
        const first = views.find((v) => !v.fig.hidden) || listView;
        show(first.key, true);
        // For tests and the curious: the page's paths and counts on a day (yyyymmdd or null).
        window.__explorer = Object.freeze({
          ready: true,
          paths: (a, b, day) => {
            const saved = L;
            L = live(day);
            try { return paths(a, b, 10).map((p) => p.sentence); } finally { L = saved; }
          },
          counts: (day) => { const x = live(day); return [x.n.size, x.e.size]; },
        });
        })();

        """#
}
