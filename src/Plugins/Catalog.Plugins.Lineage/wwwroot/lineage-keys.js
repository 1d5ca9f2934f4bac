// Keyboard use of the lineage graph, following the WAI-ARIA practices for a composite widget with one tab stop:
// the canvas is a single focusable element (role="application", so screen readers pass the arrow keys through),
// a "current node" moves along the drawn edges and is announced in a live region, since canvas pixels have no DOM.
//
// Model (the graph reads left to right, sources on the left):
//   Right / Left  follow the data downstream / upstream, to the drawn neighbour nearest on screen;
//   Down / Up     next / previous sibling: the other drawn neighbours, on the same side, of the node you came
//                 from (at the start, or after a click: the nodes in the same column), top to bottom, wrapping;
//   Space, + / -  expand / collapse the node (on a group: draw its next page); Enter opens the entity's page
//                 (on a group: draw its next page); Home returns to this entity; Escape leaves the graph.
// Without JavaScript none of this exists and the server-rendered list is the page.
(function () {
  'use strict';

  const lineage = window.catalogLineage;
  if (!lineage) return;
  const { cy, state, startId, root } = lineage;
  const canvas = root.querySelector('[data-lineage-canvas]');
  const live = root.querySelector('[data-lineage-announce]');
  if (!canvas || !live) return;

  let currentId = null;
  let via = null;      // { from, side }: how the current node was reached, for siblings and "2 of 5"
  let returnTo = null; // where focus came from, for Escape

  const kinds = { DATASET: 'Dataset', JOB: 'Job', RESTRICTED: 'Restricted entity', DATASET_FIELD: 'Column', GROUP: 'Group' };

  function announce(text) { live.textContent = text; }

  function drawn(id) { const n = id ? cy.getElementById(id) : cy.collection(); return n.nonempty() ? n : null; }

  function current() { return drawn(currentId); }

  // Compound parents (a dataset holding its columns) are frames, not stops.
  function stops(collection) { return collection.filter(n => n.isNode() && !n.isParent()); }

  function upstreamOf(node) { return stops(node.incomers('node')); }
  function downstreamOf(node) { return stops(node.outgoers('node')); }

  function topToBottom(collection) {
    return collection.toArray().sort((a, b) =>
      a.position('y') - b.position('y') || a.position('x') - b.position('x') || (a.id() < b.id() ? -1 : 1));
  }

  function defaultNode() {
    const start = drawn(startId);
    if (start && !start.isParent()) return start;
    if (start && start.children().nonempty()) return topToBottom(start.children())[0];
    const all = topToBottom(stops(cy.nodes()));
    return all.length ? all[0] : null;
  }

  function siblings() {
    const node = current();
    const from = via && drawn(via.from);
    if (from) return topToBottom(via.side === 'downstream' ? downstreamOf(from) : upstreamOf(from));
    const x = node.position('x');
    return topToBottom(stops(cy.nodes()).filter(n => Math.abs(n.position('x') - x) < 1));
  }

  // "5 upstream (0 drawn)": the total comes from the API (neighbours in the whole graph, not only this
  // response); members of a group node count as grouped. Without a total (columns) the drawn ones are all there is.
  function side(neighbours, name, total) {
    let drawnCount = 0;
    let grouped = 0;
    neighbours.forEach(n => { const group = state.groups.get(n.id()); if (group) grouped += group.members.length; else drawnCount += 1; });
    if (typeof total !== 'number') total = drawnCount + grouped;
    const notes = [];
    if (drawnCount !== total) notes.push(drawnCount + ' drawn');
    if (grouped) notes.push(grouped + ' in a group');
    return total + ' ' + name + (notes.length ? ' (' + notes.join(', ') + ')' : '');
  }

  function undrawn(node) {
    const count = (total, drawnOnes) => typeof total === 'number' ? Math.max(0, total - drawnOnes.length) : 0;
    return count(node.data('upstreamCount'), upstreamOf(node)) + count(node.data('downstreamCount'), downstreamOf(node));
  }

  function expandable(node) {
    const type = node.data('type');
    return state.mode === 'entities' && type !== 'GROUP' && type !== 'RESTRICTED' && !state.expanded.has(node.id()) && undrawn(node) > 0;
  }

  function describe(node) {
    const type = node.data('type');
    const name = node.data('label');
    if (type === 'GROUP') return 'Group of ' + name.replace(/^\+/, '') + ' nodes. Press Enter or Space to draw them a page at a time.';
    const parts = [(kinds[type] || type.toLowerCase()) + ' ' + name + (node.data('namespace') ? ' in ' + node.data('namespace') : '')
      + (node.id() === startId ? ' (this entity)' : '') + '.'];
    parts.push(side(upstreamOf(node), 'upstream', node.data('upstreamCount')) + ', ' + side(downstreamOf(node), 'downstream', node.data('downstreamCount')) + '.');
    if (expandable(node)) parts.push('Press Space to expand it.');
    const from = via && drawn(via.from);
    if (from) {
      const row = siblings();
      parts.push((row.findIndex(n => n.id() === node.id()) + 1) + ' of ' + row.length + ' ' + via.side + ' of ' + from.data('label') + '.');
    }
    return parts.join(' ');
  }

  function moveTo(node, how) {
    const previous = current();
    if (previous) previous.removeClass('current');
    currentId = node.id();
    via = how || null;
    node.addClass('current');
    const box = node.renderedBoundingBox();
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height()) cy.center(node);
    announce(describe(node));
  }

  function follow(side) {
    const node = current();
    const next = side === 'downstream' ? downstreamOf(node) : upstreamOf(node);
    if (next.empty()) {
      announce('Nothing ' + side + ' of ' + node.data('label') + ' is drawn.' + (expandable(node) ? ' Press Space to expand it.' : ''));
      return;
    }
    const y = node.position('y');
    const nearest = topToBottom(next).sort((a, b) => Math.abs(a.position('y') - y) - Math.abs(b.position('y') - y))[0];
    moveTo(nearest, { from: node.id(), side });
  }

  function step(delta) {
    const row = siblings();
    if (row.length < 2) { announce('No siblings of ' + current().data('label') + ' are drawn.'); return; }
    const at = row.findIndex(n => n.id() === currentId);
    moveTo(row[(at + delta + row.length) % row.length], via);
  }

  // A group opens a page at a time; the current node moves to the first member drawn.
  function openGroup(node) {
    const group = state.groups.get(node.id());
    if (!group) return;
    const first = group.members[0].id;
    lineage.expandGroup(node.id());
    const member = drawn(first);
    if (member) moveTo(member, { from: group.center, side: group.side });
  }

  async function expandOrCollapse(node, wanted) {
    if (node.data('type') === 'GROUP') { openGroup(node); return; }
    if (state.mode !== 'entities' || node.data('type') === 'RESTRICTED') { announce(node.data('label') + ' cannot be expanded.'); return; }
    const isExpanded = state.expanded.has(node.id());
    if (wanted !== 'collapse' && !isExpanded && undrawn(node) === 0) { announce('Everything next to ' + node.data('label') + ' is already drawn.'); return; }
    if (wanted === 'expand' && isExpanded) { announce(node.data('label') + ' is already expanded.'); return; }
    if (wanted === 'collapse' && (!isExpanded || node.id() === startId)) { announce(node.data('label') + ' cannot be collapsed.'); return; }
    await lineage.toggle(node.id());
    const still = current();
    if (still) { still.addClass('current'); announce((state.expanded.has(still.id()) ? 'Expanded. ' : 'Collapsed. ') + describe(still)); }
  }

  function open(node) {
    const type = node.data('type');
    if (type === 'GROUP') { openGroup(node); return; }
    const url = node.data('url');
    if (type === 'RESTRICTED' || !url) { announce(node.data('label') + ' has no page you can open.'); return; }
    announce('Opening ' + node.data('label') + '…');
    window.location.assign(url);
  }

  function leave() {
    const target = returnTo && returnTo.isConnected && !canvas.contains(returnTo) ? returnTo : root.querySelector('[data-lineage-view="graph"]');
    if (target) target.focus();
  }

  canvas.addEventListener('focus', event => {
    returnTo = event.relatedTarget;
    const node = current() || defaultNode();
    if (node) moveTo(node, current() ? via : null);
    else announce('The graph is still loading.');
  });
  canvas.addEventListener('blur', () => { const node = current(); if (node) node.removeClass('current'); });

  canvas.addEventListener('keydown', event => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.key === 'Escape') { event.preventDefault(); leave(); return; }
    const node = current() || defaultNode();
    if (!node) return;
    if (!current()) moveTo(node, null);
    const actions = {
      ArrowRight: () => follow('downstream'),
      ArrowLeft: () => follow('upstream'),
      ArrowDown: () => step(1),
      ArrowUp: () => step(-1),
      Home: () => { const start = defaultNode(); if (start) moveTo(start, null); },
      Enter: () => open(node),
      ' ': () => expandOrCollapse(node, 'toggle'),
      '+': () => expandOrCollapse(node, 'expand'),
      '-': () => expandOrCollapse(node, 'collapse'),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  // A click makes the clicked node current, so keys carry on from where the mouse left off.
  cy.on('tap', 'node', event => {
    const node = event.target;
    if (node.isParent() || node.data('type') === 'GROUP') return;
    if (document.activeElement === canvas) moveTo(node, null); else { currentId = node.id(); via = null; }
  });
  // Collapsing or switching mode can remove the current node: the next key starts again from this entity.
  cy.on('remove', 'node', event => { if (event.target.id() === currentId) { currentId = null; via = null; } });
})();
