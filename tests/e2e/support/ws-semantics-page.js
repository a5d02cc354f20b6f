/*
 * Exercises WebSocket semantics a page relies on and writes what it saw to
 * document.body.dataset.results. Run once with the extension and once without; the results
 * must be identical. Served by ws-semantics-server.ts as the "draft page".
 */
(async function () {
  'use strict';
  var results = {};
  var params = new URL(location.href).searchParams;
  var draftUrl = 'wss://fantasydraft.espn.com/game-1/league-' + params.get('leagueId') + '/JOIN?1=1&2=' + params.get('leagueId') + '&3=1';
  var otherUrl = 'wss://espn.connections.edge.bamgrid.com/echo';
  var errorName = function (fn) {
    try {
      fn();
      return 'no error';
    } catch (e) {
      return e && e.name;
    }
  };
  var waitFor = function (socket, type) {
    return new Promise(function (resolve) {
      socket.addEventListener(type, resolve, { once: true });
    });
  };

  results.static = {
    constants: [WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED],
    prototypeConstants: [WebSocket.prototype.CONNECTING, WebSocket.prototype.OPEN, WebSocket.prototype.CLOSING, WebSocket.prototype.CLOSED],
    name: WebSocket.name,
    length: WebSocket.length,
    typeof: typeof WebSocket,
    prototypeKeys: Object.getOwnPropertyNames(WebSocket.prototype).sort(),
    staticKeys: Object.getOwnPropertyNames(WebSocket).sort(),
    globalDescriptor: (function () {
      var d = Object.getOwnPropertyDescriptor(window, 'WebSocket');
      return [d.writable, d.enumerable, d.configurable];
    })(),
    prototypeConstructorIsWebSocket: WebSocket.prototype.constructor === WebSocket,
    sendName: WebSocket.prototype.send.name,
    sendLength: WebSocket.prototype.send.length,
    sendSource: Function.prototype.toString.call(WebSocket.prototype.send),
    constructorSource: Function.prototype.toString.call(WebSocket),
    constructorToString: String(WebSocket),
    toStringSource: Function.prototype.toString.call(Function.prototype.toString),
    toStringName: Function.prototype.toString.name,
    ordinaryFunctionSource: Function.prototype.toString.call(function page(a) { return a; }),
    toStringOnObject: errorName(function () {
      Function.prototype.toString.call({});
    }),
    callWithoutNew: errorName(function () {
      WebSocket(draftUrl);
    }),
    badUrl: errorName(function () {
      new WebSocket('http//not a url');
    }),
    badScheme: errorName(function () {
      new WebSocket('ftp://fantasydraft.espn.com/');
    }),
  };

  var exercise = async function (url) {
    var r = {};
    var socket = new WebSocket(url, []);
    r.instanceOf = socket instanceof WebSocket;
    r.protoIsPrototype = Object.getPrototypeOf(socket) === WebSocket.prototype;
    r.constructorIsWebSocket = socket.constructor === WebSocket;
    r.url = socket.url;
    r.readyStateAtStart = socket.readyState;
    r.bufferedAmountAtStart = socket.bufferedAmount;
    r.binaryTypeDefault = socket.binaryType;
    r.sendBeforeOpen = errorName(function () {
      socket.send('x');
    });
    var order = [];
    socket.onopen = function () {
      order.push('onopen');
    };
    socket.addEventListener('open', function () {
      order.push('open listener');
    });
    socket.addEventListener('message', function (e) {
      order.push('listener 1: ' + (typeof e.data === 'string' ? e.data : 'binary ' + e.data.byteLength));
    });
    socket.onmessage = function (e) {
      order.push('onmessage: ' + (typeof e.data === 'string' ? e.data : 'binary ' + e.data.byteLength));
    };
    socket.addEventListener('message', function (e) {
      order.push('listener 2 trusted=' + e.isTrusted + ' origin=' + e.origin);
    });
    await waitFor(socket, 'open');
    r.readyStateOpen = socket.readyState;
    r.protocol = socket.protocol;
    r.extensions = socket.extensions;
    socket.binaryType = 'nonsense';
    r.binaryTypeAfterInvalid = socket.binaryType;
    socket.binaryType = 'arraybuffer';
    r.binaryTypeSet = socket.binaryType;
    var received = waitFor(socket, 'message');
    socket.send('hello');
    await received;
    received = waitFor(socket, 'message');
    socket.send(new Uint8Array([1, 2, 3, 4, 5]).buffer);
    var binary = await received;
    r.binaryIsArrayBuffer = binary.data instanceof ArrayBuffer;
    r.sendReturns = socket.send('ping');
    r.bufferedAmountType = typeof socket.bufferedAmount;
    r.bufferedAmountNonNegative = socket.bufferedAmount >= 0;
    await waitFor(socket, 'message');
    r.closeBadCode = errorName(function () {
      socket.close(999);
    });
    var closed = waitFor(socket, 'close');
    socket.send('close:4001:server says bye');
    var close = await closed;
    r.close = { code: close.code, reason: close.reason, wasClean: close.wasClean, readyState: socket.readyState };
    r.sendAfterClose = errorName(function () {
      socket.send('late');
    });
    r.order = order;

    var own = new WebSocket(url);
    await waitFor(own, 'open');
    var ownClosed = waitFor(own, 'close');
    own.close(4000, 'page closes');
    r.readyStateClosing = own.readyState;
    var ownClose = await ownClosed;
    r.pageClose = { code: ownClose.code, reason: ownClose.reason, wasClean: ownClose.wasClean };

    class PageSocket extends WebSocket {
      constructor(u) {
        super(u);
        this.tag = 'page subclass';
      }
      greet() {
        this.send('from subclass');
      }
    }
    var sub = new PageSocket(url);
    r.subclass = { instanceOfSub: sub instanceof PageSocket, instanceOfWebSocket: sub instanceof WebSocket, constructorIsSub: sub.constructor === PageSocket, tag: sub.tag };
    await waitFor(sub, 'open');
    received = waitFor(sub, 'message');
    sub.greet();
    r.subclass.echo = (await received).data;
    sub.close();
    return r;
  };

  try {
    results.draftHost = await exercise(draftUrl);
    results.otherHost = await exercise(otherUrl);
  } catch (e) {
    results.error = String(e && e.stack);
  }
  document.body.dataset.results = JSON.stringify(results);
})();
