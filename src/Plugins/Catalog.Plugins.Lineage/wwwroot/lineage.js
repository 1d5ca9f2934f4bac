// Progressive enhancement of the lineage tab: draws the graph the server already listed, from the JSON API.
// Starts at one hop; double-click expands or collapses a node; fan-outs over the threshold become one group
// node; a click highlights the path from the entity to the clicked node; "Columns" switches to column lineage.
// Without this script (or without cytoscape) the server-rendered list is the whole, working view.
// Keyboard use of the graph is in lineage-keys.js, built on window.catalogLineage.
(function () {
  'use strict';

  const root = document.querySelector('[data-lineage-root]');
  if (!root || typeof window.cytoscape !== 'function') return;
  if (typeof window.cytoscapeDagre === 'function') {
    try { window.cytoscape.use(window.cytoscapeDagre); } catch (e) { /* already registered */ }
  }

  const startId = root.dataset.nodeId;
  const api = root.dataset.api;
  const columnApi = root.dataset.columnApi;
  const fanOut = Math.max(2, parseInt(root.dataset.fanout || '8', 10));
  const panel = root.querySelector('[data-lineage-enhanced]');
  const canvas = root.querySelector('[data-lineage-canvas]');
  const list = root.querySelector('[data-lineage-list]');
  const status = root.querySelector('[data-lineage-status]');

  // What is drawn, independent of cytoscape: nodes by id, who introduced each node (for collapse), expansions.
  const state = { mode: 'entities', nodes: new Map(), addedBy: new Map(), expanded: new Set(), groups: new Map() };

  panel.hidden = false;
  list.hidden = true;

  const cy = window.cytoscape({
    container: canvas,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 3,
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': 12, 'min-zoomed-font-size': 6, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'ellipsis', 'text-max-width': 150, 'width': 26, 'height': 26, 'border-width': 1, 'border-color': '#475569' } },
      { selector: 'node[type = "DATASET"]', style: { 'shape': 'round-rectangle', 'background-color': '#3b82f6', 'width': 34 } },
      { selector: 'node[type = "JOB"]', style: { 'shape': 'diamond', 'background-color': '#f59e0b' } },
      { selector: 'node[type = "RESTRICTED"]', style: { 'shape': 'round-rectangle', 'background-color': '#cbd5e1', 'border-style': 'dashed' } },
      { selector: 'node[type = "GROUP"]', style: { 'shape': 'hexagon', 'background-color': '#8b5cf6', 'width': 40, 'height': 34, 'font-weight': 'bold' } },
      { selector: 'node[type = "DATASET_FIELD"]', style: { 'shape': 'rectangle', 'background-color': '#10b981', 'width': 18, 'height': 14, 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4 } },
      { selector: ':parent', style: { 'background-color': '#eff6ff', 'background-opacity': 0.6, 'border-color': '#3b82f6', 'text-valign': 'top', 'label': 'data(label)', 'shape': 'round-rectangle', 'padding': 8 } },
      { selector: 'node.start', style: { 'border-width': 4, 'border-color': '#dc2626' } },
      { selector: 'node.has-more', style: { 'border-width': 2, 'border-style': 'double' } },
      // Nodes on a cycle (data.cycle from the API): a dashed orange border, and "on cycle N" in the node's title.
      { selector: 'node.on-cycle', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#f76707' } },
      { selector: 'edge', style: { 'width': 1.5, 'line-color': '#94a3b8', 'target-arrow-color': '#94a3b8', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8 } },
      { selector: '.faded', style: { 'opacity': 0.2 } },
      { selector: 'node.on-path', style: { 'border-width': 3, 'border-color': '#dc2626' } },
      { selector: 'edge.on-path', style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', 'width': 3 } },
      // The keyboard's current node (lineage-keys.js): a halo that reads on every node colour and shape.
      { selector: 'node.current', style: { 'overlay-color': '#1d4ed8', 'overlay-opacity': 0.28, 'overlay-padding': 7, 'underlay-color': '#1d4ed8', 'underlay-opacity': 0.18, 'underlay-padding': 12 } },
    ],
  });
  window.catalogLineage = { cy, state, startId, root, say, expand, collapse, toggle, expandGroup, setMode, highlightPath };

  function label(node) {
    const d = node.data || {};
    if (node.type === 'RESTRICTED') return 'Restricted';
    if (node.type === 'DATASET_FIELD') return reveal(d.field || node.id);
    return reveal(d.title || d.name || node.id);
  }

  // Hidden and direction-changing characters in harvested names are shown, not obeyed: the same set and marker as
  // the server's InvisibleCharacters.Reveal, so a U+202E cannot turn a label around or a U+200B hide in it.
  const hidden = /[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
  function reveal(text) {
    return String(text).replace(hidden, c => '[⚠U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + ']');
  }

  function say(text) { status.textContent = text; }

  async function fetchJson(url) {
    const response = await fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) throw new Error(url + ' answered ' + response.status);
    return response.json();
  }

  function addNode(node, by) {
    if (cy.getElementById(node.id).nonempty()) return false;
    state.nodes.set(node.id, node);
    if (by) state.addedBy.set(node.id, by);
    const d = node.data || {};
    const ele = cy.add({ group: 'nodes', data: {
      id: node.id, label: label(node), type: node.type, url: d.url, namespace: d.namespace,
      upstreamCount: d.upstreamCount, downstreamCount: d.downstreamCount } });
    if (node.id === startId) ele.addClass('start');
    if (node.data && node.data.hasMore) ele.addClass('has-more');
    if (node.data && node.data.cycle) { ele.addClass('on-cycle'); ele.data('cycle', node.data.cycle); }
    return true;
  }

  function addEdge(origin, destination) {
    const id = origin + '\u2192' + destination;
    if (cy.getElementById(id).nonempty() || cy.getElementById(origin).empty() || cy.getElementById(destination).empty()) return;
    cy.add({ group: 'edges', data: { id, source: origin, target: destination } });
  }

  // Adds a node's neighbours; a side with more new neighbours than the threshold becomes one group node.
  function addNeighbourhood(centerId, graph) {
    const byId = new Map(graph.map(n => [n.id, n]));
    const center = byId.get(centerId);
    if (!center) return;
    const sides = [
      { edges: center.inEdges, other: e => e.origin, name: 'upstream' },
      { edges: center.outEdges, other: e => e.destination, name: 'downstream' },
    ];
    for (const side of sides) {
      const fresh = side.edges.map(side.other).filter(id => cy.getElementById(id).empty() && byId.has(id));
      if (fresh.length > fanOut) {
        const groupId = 'group:' + side.name + ':' + centerId;
        state.groups.set(groupId, { center: centerId, side: side.name, members: fresh.map(id => byId.get(id)) });
        addNode({ id: groupId, type: 'GROUP', data: { title: '+' + fresh.length + ' ' + side.name } }, centerId);
        side.name === 'upstream' ? addEdge(groupId, centerId) : addEdge(centerId, groupId);
      } else {
        fresh.forEach(id => addNode(byId.get(id), centerId));
      }
    }
    for (const node of graph) {
      if (cy.getElementById(node.id).empty()) continue;
      node.outEdges.forEach(e => addEdge(e.origin, e.destination));
      node.inEdges.forEach(e => addEdge(e.origin, e.destination));
    }
    state.expanded.add(centerId);
  }

  function layout() {
    try {
      cy.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 22, rankSep: 110, animate: false, fit: true, padding: 30 }).run();
    } catch (e) {
      // dagre missing: a plain layered layout still reads left to right.
      cy.layout({ name: 'breadthfirst', directed: true, fit: true, padding: 24 }).run();
    }
    // Small graphs would be blown up by fit: keep text at a readable, not enormous, size.
    if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
    const counts = { nodes: cy.nodes().not(':parent').length, groups: cy.nodes('[type = "GROUP"]').length };
    say(counts.nodes + ' nodes shown' + (counts.groups ? ', ' + counts.groups + ' grouped' : '') + '. Double-click a node to expand or collapse it; click to highlight its path.');
  }

  async function expand(id) {
    if (state.mode !== 'entities' || state.expanded.has(id) || id.startsWith('restricted:') || id.startsWith('group:')) return;
    say('Loading ' + id + '…');
    const body = await fetchJson(api + '?nodeId=' + encodeURIComponent(id) + '&depth=1');
    addNeighbourhood(id, body.graph);
    layout();
  }

  // Removes what this node's expansion brought in, recursively, except the start.
  function collapse(id) {
    const doomed = new Set();
    const visit = parent => {
      for (const [child, by] of state.addedBy) {
        if (by === parent && !doomed.has(child) && child !== startId) { doomed.add(child); visit(child); }
      }
    };
    visit(id);
    doomed.forEach(child => {
      cy.getElementById(child).remove();
      state.nodes.delete(child); state.addedBy.delete(child); state.expanded.delete(child); state.groups.delete(child);
    });
    state.expanded.delete(id);
    layout();
  }

  // Opens a group a page at a time: the first members are drawn, the rest stay in a smaller group, so even
  // a node with hundreds of neighbours never puts more than the threshold on screen at once.
  function expandGroup(groupId) {
    const group = state.groups.get(groupId);
    if (!group) return;
    cy.getElementById(groupId).remove();
    state.groups.delete(groupId);
    state.addedBy.delete(groupId);
    const shown = group.members.slice(0, fanOut);
    const rest = group.members.slice(fanOut);
    shown.forEach(member => addNode(member, group.center));
    if (rest.length > 0) {
      state.groups.set(groupId, { center: group.center, side: group.side, members: rest });
      addNode({ id: groupId, type: 'GROUP', data: { title: '+' + rest.length + ' more ' + group.side } }, group.center);
      group.side === 'upstream' ? addEdge(groupId, group.center) : addEdge(group.center, groupId);
    }
    shown.forEach(member => member.inEdges.concat(member.outEdges).forEach(e => addEdge(e.origin, e.destination)));
    layout();
  }

  function highlightPath(targetId) {
    cy.elements().removeClass('faded on-path');
    if (!targetId || targetId === startId) return;
    const result = cy.elements().aStar({ root: cy.getElementById(startId), goal: cy.getElementById(targetId), directed: false });
    if (!result.found) return;
    cy.elements().addClass('faded');
    result.path.removeClass('faded').addClass('on-path');
    say('Path: ' + result.path.nodes().map(n => n.data('label')).join(' → '));
  }

  async function loadEntities() {
    cy.elements().remove();
    state.nodes.clear(); state.addedBy.clear(); state.expanded.clear(); state.groups.clear();
    const body = await fetchJson(api + '?nodeId=' + encodeURIComponent(startId) + '&depth=1');
    const start = body.graph.find(n => n.id === startId);
    if (start) addNode(start, null);
    addNeighbourhood(startId, body.graph);
    layout();
  }

  // Columns grouped inside their dataset (compound nodes), edges column to column.
  async function loadColumns() {
    cy.elements().remove();
    const body = await fetchJson(columnApi + '?nodeId=' + encodeURIComponent(startId) + '&depth=3&withDownstream=true');
    for (const node of body.graph) {
      const d = node.data || {};
      const parent = node.type === 'RESTRICTED' ? null : 'dataset:' + d.namespace + ':' + d.dataset;
      const url = parent ? '/entity/dataset/' + encodeURIComponent(d.namespace) + '/' + encodeURIComponent(d.dataset) : undefined;
      if (parent && cy.getElementById(parent).empty()) {
        cy.add({ group: 'nodes', data: { id: parent, label: reveal(d.dataset), type: 'DATASET', url, namespace: d.namespace } });
        if (parent === startId) cy.getElementById(parent).addClass('start');
      }
      cy.add({ group: 'nodes', data: { id: node.id, label: label(node), type: node.type, parent: parent || undefined, url, namespace: d.namespace } });
    }
    for (const node of body.graph) node.outEdges.forEach(e => addEdge(e.origin, e.destination));
    layout();
    if (body.graph.length === 0) say('No column-level lineage is recorded for this dataset.');
  }

  async function setMode(mode) {
    state.mode = mode;
    root.querySelectorAll('[data-lineage-mode]').forEach(b => {
      const on = b.dataset.lineageMode === mode;
      b.classList.toggle('active', on);
      b.setAttribute('aria-pressed', String(on));
    });
    try {
      await (mode === 'columns' ? loadColumns() : loadEntities());
    } catch (error) {
      say('Could not load lineage: ' + error.message + '. The list view still works.');
    }
  }

  function setView(view) {
    const graph = view === 'graph';
    canvas.hidden = !graph;
    list.hidden = graph;
    root.querySelectorAll('[data-lineage-view]').forEach(b => {
      const on = b.dataset.lineageView === view;
      b.classList.toggle('active', on);
      b.setAttribute('aria-pressed', String(on));
    });
    if (graph) { cy.resize(); cy.fit(undefined, 24); }
  }

  cy.on('tap', 'node', event => {
    const id = event.target.id();
    if (state.groups.has(id)) { expandGroup(id); return; }
    highlightPath(id);
  });
  cy.on('tap', event => { if (event.target === cy) highlightPath(null); });
  // Expands a node, or collapses it when expanded (the start stays expanded); shared by double-click and keys.
  function toggle(id) {
    if (state.mode !== 'entities' || state.groups.has(id)) return Promise.resolve();
    return (state.expanded.has(id) && id !== startId ? Promise.resolve(collapse(id)) : expand(id))
      .catch(error => say('Could not expand: ' + error.message));
  }

  cy.on('dbltap', 'node', event => { toggle(event.target.id()); });

  root.querySelectorAll('[data-lineage-view]').forEach(b => b.addEventListener('click', () => setView(b.dataset.lineageView)));
  root.querySelectorAll('[data-lineage-mode]').forEach(b => b.addEventListener('click', () => setMode(b.dataset.lineageMode)));
  root.querySelectorAll('[data-lineage-zoom]').forEach(b => b.addEventListener('click', () => {
    const how = b.dataset.lineageZoom;
    if (how === 'fit') { cy.fit(undefined, 24); return; }
    const center = { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 };
    cy.zoom({ level: cy.zoom() * (how === 'in' ? 1.25 : 0.8), renderedPosition: center });
  }));

  setMode('entities').then(() => root.setAttribute('data-lineage-ready', 'true'));
})();
