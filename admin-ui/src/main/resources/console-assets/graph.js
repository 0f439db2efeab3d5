// The Graph page (trusts.md, "Routing graph"): draws the servers and links from the admin API as SVG,
// lets the administrator drag servers and click one for its details, and shows a chat's paths.
// Loaded on every console page (htmx swaps pages without running their scripts); acts only where
// the page has #graph. No inline scripts or styles: the CSP forbids them.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var WIDTH = 960;
  var HEIGHT = 440;
  // Rows from the top: the regional tier and transport links, enterprise servers, corporate servers,
  // servers only known from an announcement.
  var ROWS = { RTS: 0, TTS: 0, ETS: 1, CTS: 2, UNKNOWN: 3 };

  function element(name, attributes, parent) {
    var made = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) {
      made.setAttribute(key, attributes[key]);
    });
    if (parent) {
      parent.appendChild(made);
    }
    return made;
  }

  function text(id, value) {
    var target = document.getElementById(id);
    if (target) {
      target.textContent = value;
    }
  }

  function roleClass(role) {
    var known = ['RTS', 'ETS', 'CTS', 'TTS'];
    return 'role-' + (known.indexOf(role) >= 0 ? role : 'UNKNOWN').toLowerCase();
  }

  // Servers in rows by role, spread evenly across each row; the empty rows are left out.
  function layout(nodes) {
    var rows = {};
    nodes.forEach(function (node) {
      var row = ROWS.hasOwnProperty(node.role) ? ROWS[node.role] : ROWS.UNKNOWN;
      (rows[row] = rows[row] || []).push(node);
    });
    var used = Object.keys(rows).map(Number).sort();
    var positions = {};
    used.forEach(function (row, index) {
      var y = HEIGHT * (index + 1) / (used.length + 1);
      rows[row].forEach(function (node, column) {
        positions[node.id] = { x: WIDTH * (column + 1) / (rows[row].length + 1), y: y };
      });
    });
    return positions;
  }

  function Graph(root) {
    this.root = root;
    this.svg = document.getElementById('graph-canvas');
    this.nodes = {};
    this.edges = [];
    this.positions = {};
    this.lines = [];
    this.groups = {};
    this.selfId = null;
  }

  Graph.prototype.load = function () {
    var graph = this;
    fetch(this.root.getAttribute('data-api'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        graph.draw(data);
      })
      .catch(function () {
        text('graph-status', graph.root.getAttribute('data-failed-text'));
      });
  };

  Graph.prototype.draw = function (data) {
    var graph = this;
    while (this.svg.firstChild) {
      this.svg.removeChild(this.svg.firstChild);
    }
    data.nodes.forEach(function (node) {
      graph.nodes[node.id] = node;
      if (node.status === 'SELF') {
        graph.selfId = node.id;
      }
    });
    this.edges = data.edges;
    this.positions = layout(data.nodes);
    var lines = element('g', { 'class': 'edges' }, this.svg);
    this.lines = data.edges.map(function (edge) {
      var line = element('line', { 'class': 'edge state-' + edge.state.toLowerCase(), 'data-from': edge.from, 'data-to': edge.to }, lines);
      return { edge: edge, line: line };
    });
    var groups = element('g', { 'class': 'nodes' }, this.svg);
    data.nodes.forEach(function (node) {
      var group = element('g', {
        'class': 'node ' + roleClass(node.role) + (node.status === 'SELF' ? ' self' : ' status-' + node.status.toLowerCase()),
        id: 'graph-node-' + node.id, 'data-id': node.id, tabindex: '0', role: 'button'
      }, groups);
      element('circle', { r: node.status === 'SELF' ? 26 : 22 }, group);
      element('text', { 'class': 'role', 'text-anchor': 'middle', dy: '0.35em' }, group).textContent = node.role === 'UNKNOWN' ? '?' : node.role;
      element('text', { 'class': 'name', 'text-anchor': 'middle', y: 44 }, group).textContent = node.id;
      graph.groups[node.id] = group;
      graph.draggable(group, node);
      group.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          graph.select(node.id);
        }
      });
    });
    this.place();
    text('graph-status', '');
    this.root.setAttribute('data-loaded', 'true');
  };

  Graph.prototype.place = function () {
    var positions = this.positions;
    var graph = this;
    Object.keys(this.groups).forEach(function (id) {
      var at = positions[id];
      graph.groups[id].setAttribute('transform', 'translate(' + at.x + ' ' + at.y + ')');
    });
    this.lines.forEach(function (drawn) {
      var from = positions[drawn.edge.from];
      var to = positions[drawn.edge.to];
      if (from && to) {
        drawn.line.setAttribute('x1', from.x);
        drawn.line.setAttribute('y1', from.y);
        drawn.line.setAttribute('x2', to.x);
        drawn.line.setAttribute('y2', to.y);
      }
    });
  };

  // Pointer events cover mouse, pen and touch; a press that hardly moves is a click.
  Graph.prototype.draggable = function (group, node) {
    var graph = this;
    var start = null;
    group.addEventListener('pointerdown', function (event) {
      start = { x: event.clientX, y: event.clientY, moved: false };
      group.setPointerCapture(event.pointerId);
      group.classList.add('dragging');
    });
    group.addEventListener('pointermove', function (event) {
      if (!start) {
        return;
      }
      if (Math.abs(event.clientX - start.x) + Math.abs(event.clientY - start.y) > 3) {
        start.moved = true;
      }
      var matrix = graph.svg.getScreenCTM();
      if (!matrix) {
        return;
      }
      var point = graph.svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      var at = point.matrixTransform(matrix.inverse());
      graph.positions[node.id] = { x: Math.max(30, Math.min(WIDTH - 30, at.x)), y: Math.max(30, Math.min(HEIGHT - 50, at.y)) };
      if (start.moved) {
        graph.place();
      }
    });
    function end(event) {
      if (!start) {
        return;
      }
      var click = !start.moved;
      start = null;
      group.classList.remove('dragging');
      if (group.hasPointerCapture(event.pointerId)) {
        group.releasePointerCapture(event.pointerId);
      }
      if (click) {
        graph.select(node.id);
      }
    }
    group.addEventListener('pointerup', end);
    group.addEventListener('pointercancel', function (event) {
      start = { x: 0, y: 0, moved: true };
      end(event);
    });
  };

  // How this server reaches a node: itself, over its own link, or through a neighbour that announced it.
  Graph.prototype.route = function (id) {
    var root = this.root;
    if (id === this.selfId) {
      return root.getAttribute('data-self-text');
    }
    var self = this.selfId;
    var direct = this.edges.filter(function (edge) {
      return edge.from === self && edge.to === id && edge.state === 'GREEN';
    });
    if (direct.length) {
      return root.getAttribute('data-direct-text');
    }
    var through = this.edges.filter(function (edge) {
      return edge.to === id && edge.from !== self;
    }).map(function (edge) {
      return edge.from;
    });
    if (through.length) {
      return root.getAttribute('data-via-text') + ' ' + through.join(', ');
    }
    return root.getAttribute('data-no-route-text');
  };

  Graph.prototype.status = function (status) {
    if (status === 'SELF') {
      return this.root.getAttribute('data-self-text');
    }
    return this.root.getAttribute('data-state-' + status.toLowerCase()) || status;
  };

  Graph.prototype.select = function (id) {
    var node = this.nodes[id];
    Object.keys(this.groups).forEach(function (other) {
      this.groups[other].classList.toggle('selected', other === id);
    }, this);
    var panel = document.getElementById('graph-node');
    panel.hidden = false;
    text('graph-node-id', node.id);
    text('graph-node-role', node.role === 'UNKNOWN' ? this.root.getAttribute('data-unknown-text') : node.role);
    text('graph-node-host', node.host || '—');
    text('graph-node-status', this.status(node.status));
    text('graph-node-chats', String(node.chats));
    text('graph-node-route', this.route(id));
    var trust = document.getElementById('graph-node-trust');
    var hasTrust = this.edges.some(function (edge) {
      return edge.from === this.selfId && edge.to === id;
    }, this);
    trust.hidden = !hasTrust;
    trust.setAttribute('href', this.root.getAttribute('data-trusts') + encodeURIComponent(id));
  };

  // Marks the servers and links on a chat's paths.
  Graph.prototype.highlight = function (paths) {
    var onPath = {};
    var hops = {};
    paths.forEach(function (path) {
      path.forEach(function (id, index) {
        onPath[id] = true;
        if (index > 0) {
          hops[path[index - 1] + ' ' + id] = true;
        }
      });
    });
    Object.keys(this.groups).forEach(function (id) {
      this.groups[id].classList.toggle('on-path', !!onPath[id]);
    }, this);
    this.lines.forEach(function (drawn) {
      var key = drawn.edge.from + ' ' + drawn.edge.to;
      var back = drawn.edge.to + ' ' + drawn.edge.from;
      drawn.line.classList.toggle('on-path', !!(hops[key] || hops[back]));
    });
  };

  Graph.prototype.showPath = function (chatId) {
    var graph = this;
    var root = this.root;
    var out = document.getElementById('chat-path');
    out.textContent = '';
    fetch(root.getAttribute('data-api') + '/chats/' + encodeURIComponent(chatId) + '/path',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 404) {
          throw new Error(root.getAttribute('data-not-found-text'));
        }
        if (!response.ok) {
          throw new Error(root.getAttribute('data-failed-text'));
        }
        return response.json();
      })
      .then(function (chat) {
        var list = document.createElement('ul');
        list.className = 'paths';
        list.id = 'chat-path-list';
        chat.servers.forEach(function (server) {
          var item = document.createElement('li');
          item.id = 'chat-path-' + server.server;
          var name = document.createElement('strong');
          name.textContent = server.server;
          item.appendChild(name);
          if (server.home) {
            var tag = document.createElement('span');
            tag.className = 'tag';
            tag.textContent = root.getAttribute('data-home-text');
            item.appendChild(document.createTextNode(' '));
            item.appendChild(tag);
          }
          var members = document.createElement('span');
          members.className = 'hint';
          members.textContent = ' ' + root.getAttribute('data-members-text') + ': ' + server.members;
          item.appendChild(members);
          var path = document.createElement('div');
          path.className = 'path';
          path.textContent = server.path.length ? server.path.join(' → ') : root.getAttribute('data-no-route-text');
          item.appendChild(path);
          list.appendChild(item);
        });
        out.appendChild(list);
        graph.highlight(chat.servers.map(function (server) {
          return server.path;
        }));
      })
      .catch(function (failure) {
        var problem = document.createElement('p');
        problem.className = 'notice error';
        problem.id = 'chat-path-error';
        problem.textContent = failure.message;
        out.appendChild(problem);
        graph.highlight([]);
      });
  };

  function start() {
    var root = document.getElementById('graph');
    if (!root || root.getAttribute('data-started')) {
      return;
    }
    root.setAttribute('data-started', 'true');
    var graph = new Graph(root);
    graph.load();
    var form = document.getElementById('chat-path-form');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var chatId = document.getElementById('chat-path-id').value.trim();
      if (chatId) {
        graph.showPath(chatId);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', start);
  document.addEventListener('htmx:load', start);
})();
