/*
 * A hostile third-party script on the simulated draft page, loaded before the draft client
 * (draft.html?simInject=hostile). It tries every attack on the extension's page-side channel
 * that a page script can: listen for and forge the hook's DOM events, ask for or hand over a
 * MessagePort, replace built-ins the hook might call, and dispatch synthetic events on the draft
 * socket. What it manages to see or do is kept in window.__hostile for the test to read.
 * It keeps the draft client working: every replaced built-in still does its job for the page.
 */
(function () {
  'use strict';
  var report = { seen: [], portsObtained: 0, forgedOfferTaken: 0, tamperedCalls: {}, syntheticDispatched: 0, sockets: 0, foreignSockets: 0 };
  // Set while this script dispatches, so its listeners report only what someone else sent.
  var own = 0;
  window.__hostile = report;
  var leagueId = new URL(location.href).searchParams.get('leagueId');
  var SWID = '{DEADBEEF-0000-4000-8000-00000000BEEF}';
  var forgedItems = function (sid) {
    return [
      { k: 'open', sid: sid, at: Date.now(), url: 'wss://fantasydraft.espn.com/game-1/league-' + leagueId + '/JOIN?1=1&2=' + leagueId + '&3=1' },
      { k: 'frame', sid: sid, seq: 1, dir: 'in', at: Date.now(), data: 'SELECTED 1 99999999 1 ' + SWID + '\n' },
      { k: 'frame', sid: sid, seq: 2, dir: 'in', at: Date.now(), data: 'UNDONE 0\n' },
      { k: 'frame', sid: sid, seq: 3, dir: 'in', at: Date.now(), data: 'STATE 2\n' },
      { k: 'frame', sid: sid, seq: 4, dir: 'in', at: Date.now(), data: 'INIT AAAA\n' },
    ];
  };
  var note = function (what) {
    if (report.seen.length < 200) report.seen.push(what);
  };
  var count = function (name) {
    report.tamperedCalls[name] = (report.tamperedCalls[name] || 0) + 1;
  };
  var looksLikeHookItem = function (value) {
    return value !== null && typeof value === 'object' && typeof value.k === 'string' && ('sid' in value || value.k === 'unload');
  };

  // 1. Listen for every event name the extension ever used, on document and window.
  var names = ['draft-watch:hook', 'draft-watch:hello', 'draft-watch:ready', 'draft-watch:silence-config', 'draft-watch:channel-offer', 'draft-watch:channel-hello'];
  names.forEach(function (name) {
    [document, window].forEach(function (target) {
      target.addEventListener(name, function (event) {
        if (own > 0) return;
        note({ type: event.type, detail: String(event.detail).slice(0, 200), ports: event.ports ? event.ports.length : 0 });
        if (event.ports && event.ports.length > 0) {
          report.portsObtained += 1;
          event.ports[0].onmessage = function (m) {
            note({ type: 'port-message', data: JSON.stringify(m.data).slice(0, 200) });
          };
        }
      }, true);
    });
  });
  window.addEventListener('message', function (event) {
    if (own > 0) return;
    if (event.ports && event.ports.length > 0) report.portsObtained += 1;
    note({ type: 'window-message', data: String(event.data).slice(0, 200), ports: event.ports ? event.ports.length : 0 });
  }, true);

  // 2. Replace built-ins a naive hook would call at run time; each still works for the page.
  var realStringify = JSON.stringify;
  JSON.stringify = function (value) {
    if (Array.isArray(value) && value.some(looksLikeHookItem)) {
      count('JSON.stringify(hook items)');
      value = forgedItems('forged-json');
    }
    return realStringify.apply(this, [value].concat(Array.prototype.slice.call(arguments, 1)));
  };
  var realPush = Array.prototype.push;
  Array.prototype.push = function () {
    for (var i = 0; i < arguments.length; i += 1) {
      var item = arguments[i];
      if (looksLikeHookItem(item)) {
        count('Array.prototype.push(hook item)');
        if (item.k === 'frame') item.data = 'UNDONE 0\n';
      }
    }
    return realPush.apply(this, arguments);
  };
  var realStartsWith = String.prototype.startsWith;
  String.prototype.startsWith = function (prefix) {
    var text = String(this);
    if (prefix === 'TOKEN' || prefix === 'TOKEN ') {
      count('startsWith(TOKEN)');
      return false;
    }
    if (typeof prefix === 'string' && prefix.indexOf('STATE') === 0 && realStartsWith.call(text, 'STATE')) {
      count('startsWith(STATE)');
      return true;
    }
    return realStartsWith.apply(this, arguments);
  };
  var realReplace = String.prototype.replace;
  String.prototype.replace = function () {
    if (realStartsWith.call(String(this), 'TOKEN')) {
      count('replace(TOKEN frame)');
      return String(this);
    }
    return realReplace.apply(this, arguments);
  };
  var realNow = Date.now;
  Date.now = function () {
    count('Date.now');
    return realNow.call(Date);
  };
  var realPostMessage = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (data) {
    count('MessagePort.postMessage');
    note({ type: 'intercepted-port-post', data: realStringify(data).slice(0, 200) });
    if (Array.isArray(data)) data = forgedItems('forged-port');
    return realPostMessage.apply(this, [data].concat(Array.prototype.slice.call(arguments, 1)));
  };
  var realWeakGet = WeakMap.prototype.get;
  WeakMap.prototype.get = function (key) {
    if (key instanceof WebSocket) count('WeakMap.get(socket)');
    return realWeakGet.call(this, key);
  };
  var socketListeners = [];
  var realAddEventListener = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener) {
    if (this instanceof WebSocket && type === 'message') {
      count('addEventListener(socket message)');
      socketListeners.push(listener);
    }
    return realAddEventListener.apply(this, arguments);
  };
  Object.defineProperty(Object.prototype, 'construct', {
    configurable: true,
    writable: true,
    value: function (target, args, newTarget) {
      count('inherited Proxy construct trap');
      return Reflect.construct(target, args, newTarget);
    },
  });

  // 3. Ask the hook for its port, and hand the relay a port of our own.
  var forged = new MessageChannel();
  var tryChannel = function () {
    document.dispatchEvent(new CustomEvent('draft-watch:channel-hello'));
    var offer = new MessageEvent('draft-watch:channel-offer', { cancelable: true, ports: [forged.port2] });
    if (!document.dispatchEvent(offer)) report.forgedOfferTaken += 1;
    realPostMessage.call(forged.port1, forgedItems('forged-offer'));
  };

  // 4. The old DOM-event bridge: forged batches, a replayed start-up, hostile settings.
  var forgeDomEvents = function () {
    [document, window].forEach(function (target) {
      target.dispatchEvent(new CustomEvent('draft-watch:hello'));
      target.dispatchEvent(new CustomEvent('draft-watch:ready'));
      target.dispatchEvent(new CustomEvent('draft-watch:hook', { detail: realStringify(forgedItems('forged-dom')) }));
      target.dispatchEvent(new CustomEvent('draft-watch:silence-config', { detail: realStringify({ activeBudgetMs: 600000, pongTimeoutMs: 600000 }) }));
    });
  };

  // 5. Watch the page's sockets and dispatch synthetic events on the draft socket.
  var sockets = [];
  var PageWebSocket = window.WebSocket;
  window.WebSocket = new Proxy(PageWebSocket, {
    construct: function (target, args, newTarget) {
      var socket = Reflect.construct(target, args, newTarget);
      report.sockets += 1;
      sockets.push(socket);
      return socket;
    },
  });
  var forgeSocketEvents = function () {
    sockets.forEach(function (socket) {
      if (socket.readyState !== 1) return;
      ['UNDONE 0\n', 'SELECTED 1 99999999 1 ' + SWID + '\n', 'PONG PING%200\n'].forEach(function (data) {
        socket.dispatchEvent(new MessageEvent('message', { data: data }));
        report.syntheticDispatched += 1;
      });
      socket.dispatchEvent(new Event('error'));
      // A listener the page could have caught would get a fake "trusted" event.
      socketListeners.forEach(function (listener) {
        try {
          listener.call(socket, { type: 'message', data: 'UNDONE 0\n', isTrusted: true, target: socket });
        } catch (e) {}
      });
    });
  };

  // 6. Sockets of its own on ESPN's draft host: another league's, and this league's path naming
  // another league in its query. Neither may feed the tab's draft (the hook and the worker check).
  // Only with simHostileSockets=1, a few seconds in, once the tab follows its draft.
  var openForeignSockets = function () {
    var other = String(Number(leagueId) + 1);
    [
      'wss://fantasydraft.espn.com/game-1/league-' + other + '/JOIN?1=1&2=' + other + '&3=1',
      'wss://fantasydraft.espn.com/game-1/league-' + leagueId + '/JOIN?1=1&2=' + other + '&3=1',
    ].forEach(function (url) {
      try {
        var socket = new WebSocket(url);
        socket.onerror = function () {};
        report.foreignSockets += 1;
      } catch (e) {
        note({ type: 'attack-error', message: String(e) });
      }
    });
  };
  if (new URL(location.href).searchParams.get('simHostileSockets') === '1') setTimeout(openForeignSockets, 3000);

  var attack = function () {
    own += 1;
    try {
      tryChannel();
      forgeDomEvents();
      forgeSocketEvents();
    } catch (e) {
      note({ type: 'attack-error', message: String(e) });
    } finally {
      own -= 1;
    }
  };
  attack();
  document.addEventListener('DOMContentLoaded', attack);
  setInterval(attack, 700);
})();
