// Simulated ESPN draft-room client (browser script, no build step). It behaves like ESPN's own
// client as far as the extension can observe: REST calls with cookies, the draft socket URL and
// frames, PING every ~15 s, board rebuilt from every INIT, a decoy bamgrid socket, and the
// reconnect / duplicate-connection behaviour. Options come from the page query (sim* params).
(function () {
  'use strict';

  var q = new URLSearchParams(location.search);
  var leagueId = q.get('leagueId');
  var seasonId = q.get('seasonId');
  var teamId = Number(q.get('teamId'));
  var memberId = q.get('memberId'); // the SWID, decoded: {GUID}
  var opt = {
    pingMs: num(q.get('simPingMs'), 15000),
    reconnect: q.get('simReconnect') === 'never' ? 'never' : 'auto',
    reconnectDelayMs: num(q.get('simReconnectDelayMs'), 1500),
    autoPickMs: q.has('simAutoPick') ? num(q.get('simAutoPick'), 500) : null,
    decoy: q.get('simDecoy') !== '0',
    // On RESET ESPN's page reloads ([SOURCE makoncline]); `stay` keeps the socket and waits for
    // the restarted draft's INIT on it instead ([UNKNOWN] which ESPN's page does).
    onReset: q.get('simOnReset') === 'stay' ? 'stay' : 'reload',
  };
  // The sport is the first path segment (/basketball/draft); game ids per protocol.md §2.1.
  var GAMES = { football: [1, 'ffl'], basketball: [3, 'fba'], baseball: [2, 'flb'], hockey: [4, 'fhl'] };
  var game = GAMES[location.pathname.split('/')[1]] || GAMES.football;
  var gameId = game[0];
  var API = 'https://lm-api-reads.fantasy.espn.com/apis/v3/games/' + game[1] + '/seasons/' + seasonId;

  var el = {
    board: document.getElementById('board'),
    activity: document.getElementById('activity'),
    status: document.getElementById('status'),
    clock: document.getElementById('clock'),
    leagueName: document.getElementById('league-name'),
    myTeam: document.getElementById('my-team'),
    loadError: document.getElementById('load-error'),
    disconnected: document.getElementById('disconnected'),
    reconnecting: document.getElementById('reconnecting'),
    dup: document.getElementById('dup'),
  };

  var room = {
    players: new Map(), // id → {name, pos, team}
    teams: new Map(), // teamId → name
    slots: [], // overall - 1 → teamId
    picks: [], // overall - 1 → {playerId, spot} | null
    phase: 'pre_draft',
    onClock: null,
    autosuggest: null,
    securityCode: null,
    auction: false, // set by an auction CLOCK (1, 2 or 3)
  };
  var ws = null;
  var pingTimer = null;
  var firstPingTimer = null;
  var kicked = false;
  var exited = false;
  var connects = 0;
  var framesIn = 0;

  function num(v, d) {
    var n = Number(v);
    return v !== null && v !== '' && Number.isFinite(n) ? n : d;
  }

  function setData(key, value) {
    document.body.dataset[key] = String(value);
  }

  function log(text) {
    var li = document.createElement('li');
    li.textContent = new Date().toISOString().slice(11, 23) + ' ' + text;
    el.activity.insertBefore(li, el.activity.firstChild);
    while (el.activity.childNodes.length > 200) el.activity.removeChild(el.activity.lastChild);
  }

  // ------------------------------------------------------------------ REST

  function getJson(url, init) {
    return fetch(url, Object.assign({ credentials: 'include' }, init || {})).then(function (res) {
      if (!res.ok) {
        return res.text().then(function (t) {
          throw new Error(res.status + ' ' + url.replace(/^https:\/\/[^/]+/, '') + ' ' + t.slice(0, 200));
        });
      }
      return res.json();
    });
  }

  function loadRoom() {
    var base = API + '/segments/0/leagues/' + leagueId;
    var filter = JSON.stringify({ players: { filterStatsForContainerIds: { value: ['00' + (Number(seasonId) - 1), '10' + seasonId] } } });
    // A mock league's reads can answer 404 (protocol.md §4.2): the room still opens, without names.
    var optional = function (promise) {
      return promise.catch(function (err) {
        if (!/^404 /.test(err.message)) throw err;
        log('league read failed: ' + err.message.slice(0, 80));
        setData('leagueReadFailed', 'true');
        return {};
      });
    };
    return Promise.all([
      optional(getJson(base + '?view=mSettings&view=mTeam')),
      optional(getJson(base + '?view=draftInit&view=mSettings&filter=' + encodeURIComponent(filter), { headers: { 'x-fantasy-filter': filter } })),
      getJson(base + '/teams/' + teamId + '/draftSecurity', { headers: { 'X-Fantasy-Source': 'kona' } }),
    ]).then(function (r) {
      var league = r[0];
      var init = r[1];
      room.securityCode = r[2];
      el.leagueName.textContent = (league.settings && league.settings.name) || 'League ' + leagueId;
      (league.teams || []).forEach(function (t) {
        room.teams.set(t.id, t.name || (t.location + ' ' + t.nickname));
      });
      el.myTeam.textContent = 'You: ' + (room.teams.get(teamId) || 'team ' + teamId);
      (init.players || []).forEach(function (entry) {
        var p = entry.player || entry;
        room.players.set(p.id, { name: p.fullName, pos: positionLabel(p.defaultPositionId), team: p.proTeamId });
      });
    });
  }

  // The board's labels are football's; another sport's board shows the id (the page is only a stand-in).
  function positionLabel(id) {
    return (gameId === 1 ? { 1: 'QB', 2: 'RB', 3: 'WR', 4: 'TE', 5: 'K', 16: 'D/ST' }[id] : String(id)) || '?';
  }

  // ------------------------------------------------------------------ socket

  function socketUrl() {
    var token = gameId + ':' + leagueId + ':' + teamId + ':' + memberId + ':' + room.securityCode;
    var nocache = String(100000 + Math.floor(Math.random() * 900000));
    // SWID and token go out raw (braces and colons unencoded), as ESPN's client sends them.
    return (
      'wss://fantasydraft.espn.com/game-' + gameId + '/league-' + leagueId + '/JOIN?1=' + gameId + '&2=' + leagueId + '&3=' + teamId +
      '&4=' + memberId + '&5=' + token + '&6=false&7=false&8=KONA&nocache=' + nocache
    );
  }

  function connect() {
    if (kicked || exited) return;
    el.reconnecting.hidden = true;
    setData('socket', 'connecting');
    var socket = new WebSocket(socketUrl());
    ws = socket;
    socket.onopen = function () {
      if (ws !== socket) return;
      connects++;
      setData('connects', connects);
      setData('socket', 'open');
      log('socket open (#' + connects + ')');
      firstPingTimer = setTimeout(function () {
        ping(socket);
        pingTimer = setInterval(function () { ping(socket); }, opt.pingMs);
      }, Math.min(600, opt.pingMs));
    };
    // ESPN's client uses both styles; the extension's hook must keep both working.
    socket.onmessage = function (ev) {
      if (ws !== socket) return;
      String(ev.data).split('\n').forEach(function (line) {
        if (line) handleFrame(socket, line);
      });
    };
    socket.addEventListener('message', function () {
      framesIn++;
      setData('framesIn', framesIn);
      setData('lastFrameAt', Date.now());
    });
    socket.addEventListener('close', function (ev) {
      if (ws !== socket) return;
      stopPing();
      setData('socket', 'closed');
      setData('lastCloseCode', ev.code);
      log('socket closed (code ' + ev.code + ')');
      if (kicked || exited) return;
      if (opt.reconnect === 'never') {
        el.disconnected.hidden = false;
        setData('state', 'disconnected');
        return;
      }
      el.reconnecting.hidden = false;
      setTimeout(connect, opt.reconnectDelayMs);
    });
    socket.onerror = function () {
      log('socket error');
    };
  }

  function ping(socket) {
    if (socket.readyState === WebSocket.OPEN) socket.send('PING PING%20' + Date.now() + '\n');
  }

  function stopPing() {
    clearTimeout(firstPingTimer);
    clearInterval(pingTimer);
    firstPingTimer = null;
    pingTimer = null;
  }

  function handleFrame(socket, line) {
    var parts = line.split(' ');
    var cmd = parts[0];
    switch (cmd) {
      case 'INIT':
        applyInit(parts[1] || '');
        break;
      case 'SELECTED':
        applySelected(Number(parts[1]), Number(parts[2]), Number(parts[3]), parts[4] || null);
        break;
      case 'SELECTING':
        room.onClock = Number(parts[1]);
        setData('onClock', room.onClock);
        log('on the clock: ' + teamName(room.onClock));
        if (room.onClock === teamId && opt.autoPickMs !== null) {
          setTimeout(function () {
            if (socket.readyState === WebSocket.OPEN && room.onClock === teamId && room.autosuggest !== null) {
              socket.send('SELECT ' + room.autosuggest + '\n');
            }
          }, opt.autoPickMs);
        }
        render();
        break;
      case 'STATE':
        room.phase = parts[1] === '2' ? 'complete' : parts[1] === '1' ? 'live' : 'pre_draft';
        if (room.phase === 'complete') {
          room.onClock = null;
          setData('onClock', '');
          el.clock.textContent = 'Draft complete';
        }
        render();
        break;
      case 'CLOCK':
        showClock(parts);
        break;
      case 'AUTOSUGGEST':
        room.autosuggest = Number(parts[1]);
        break;
      case 'LEFT':
        log('left: ' + teamName(Number(parts[1])) + ' (' + parts[3] + ')');
        if (Number(parts[1]) === teamId && parts[2] === memberId && parts[3] === '2') {
          kicked = true;
          el.dup.hidden = false;
          setData('kicked', 'true');
        }
        break;
      case 'JOINED':
        log('joined: ' + teamName(Number(parts[1])));
        break;
      case 'AUTODRAFT':
        log('autodraft ' + parts[2] + ': ' + teamName(Number(parts[1])));
        break;
      case 'ERROR':
        log('error: ' + decodeURIComponent((parts.slice(2).join(' ') || '').replace(/\+/g, ' ')));
        break;
      case 'SOLD':
        log('sold: ' + playerName(Number(parts[2])) + ' to ' + teamName(Number(parts[1])) + ' for $' + parts[4]);
        break;
      case 'RESET':
        applyReset();
        break;
      case 'TOKEN':
      case 'PONG':
      case 'DRAFT_LIST':
      // Auction lots (protocol.md §5): the board follows SOLD / SELECTED; bids are not shown.
      case 'NOMINATION':
      case 'BID':
      case 'BID_ACK':
        break;
      default:
        log('frame: ' + cmd);
    }
  }

  function showClock(parts) {
    if (parts.length === 1) {
      el.clock.textContent = 'Paused';
      setData('paused', 'true');
      return;
    }
    setData('paused', 'false');
    var code = parts[1];
    var ms = Number(parts[2]);
    if (code === '1' || code === '2' || code === '3') room.auction = true;
    if (code === '1') el.clock.textContent = teamName(Number(parts[3])) + ' nominates: ' + Math.ceil(ms / 1000) + ' s';
    else if (code === '2') el.clock.textContent = '$' + parts[5] + ' ' + teamName(Number(parts[3])) + ': ' + Math.ceil(ms / 1000) + ' s';
    else if (code === '3') el.clock.textContent = 'Next lot in ' + Math.ceil(ms / 1000) + ' s';
    else if (code === '0') el.clock.textContent = 'Draft starts in ' + Math.ceil(ms / 1000) + ' s';
    else if (code === '6') el.clock.textContent = teamName(Number(parts[3])) + ': ' + Math.ceil(ms / 1000) + ' s';
    else if (code === '4') el.clock.textContent = 'Draft complete';
  }

  // INIT: find the pick table by its signature (init-format.md §4 fallback) and rebuild the board.
  function applyInit(b64) {
    var bytes;
    try {
      var s = b64.replace(/#+$/, '');
      while (s.length % 4) s += '=';
      var bin = atob(s);
      bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    } catch (e) {
      log('INIT: bad base64');
      return;
    }
    var dv = new DataView(bytes.buffer);
    var L = dv.getInt32(8);
    var dateFlag = dv.getInt32(36);
    var state = dv.getInt32(dateFlag === 1 ? 48 : 40);
    for (var p = 0; p + 24 <= bytes.length; p++) {
      var count = dv.getInt32(p);
      if (count < 1 || count > 10000) continue;
      if (dv.getInt32(p + 4) !== 1 || dv.getInt32(p + 8) !== 3 || dv.getInt32(p + 12) !== L || dv.getInt32(p + 20) !== 1) continue;
      if (p + 4 + count * 45 > bytes.length) continue;
      var slots = [];
      var picks = [];
      var ok = true;
      for (var k = 0; k < count; k++) {
        var r = p + 4 + k * 45;
        if (dv.getInt32(r) !== 1 || dv.getInt32(r + 4) !== 3 || dv.getInt32(r + 8) !== L || dv.getInt32(r + 16) !== k + 1) {
          ok = false;
          break;
        }
        slots.push(dv.getInt32(r + 12));
        var pid = dv.getInt32(r + 20);
        picks.push(pid === -1 ? null : { playerId: pid, spot: dv.getInt32(r + 24) });
      }
      if (!ok) continue;
      // Replace, never merge: missed SELECTED frames are not replayed (protocol.md §3.5).
      room.slots = slots;
      room.picks = picks;
      room.phase = state === 2 ? 'complete' : state === 1 ? 'live' : 'pre_draft';
      log('INIT: ' + picks.filter(Boolean).length + ' of ' + count + ' picks made');
      render();
      return;
    }
    log('INIT: pick table not found');
  }

  // RESET: the pick table is gone. Either reload (a new socket, a new INIT) or clear the board
  // and wait on this socket for the restarted draft's INIT.
  function applyReset() {
    var resets = Number(document.body.dataset.resets || 0) + 1;
    setData('resets', resets);
    log('draft reset by the commissioner');
    if (opt.onReset === 'reload') {
      exited = true; // no reconnect from the socket this page is leaving
      location.reload();
      return;
    }
    room.picks = room.picks.map(function () {
      return null;
    });
    room.onClock = null;
    room.phase = 'pre_draft';
    render();
  }

  function applySelected(team, playerId, spot, swid) {
    var i = room.picks.indexOf(null);
    if (i < 0) {
      log('SELECTED with no open slot');
      return;
    }
    // In an auction the slot names the nominator, not the buyer (protocol.md §5).
    if (room.slots[i] !== team && !room.auction) log('SELECTED for team ' + team + ' but slot ' + (i + 1) + ' belongs to ' + room.slots[i]);
    room.picks[i] = { playerId: playerId, spot: spot };
    room.onClock = null;
    log('pick ' + (i + 1) + ': ' + teamName(team) + ' took ' + playerName(playerId) + (swid ? '' : ' (auto)'));
    render();
  }

  function teamName(id) {
    return room.teams.get(id) || 'Team ' + id;
  }

  function playerName(id) {
    var p = room.players.get(id);
    return p ? p.name : 'Player ' + id;
  }

  function render() {
    var n = room.slots.length;
    var made = room.picks.filter(Boolean).length;
    var teams = new Set(room.slots).size || 1;
    while (el.board.childNodes.length > n) el.board.removeChild(el.board.lastChild);
    while (el.board.childNodes.length < n) el.board.appendChild(document.createElement('li'));
    var nextOpen = room.picks.indexOf(null);
    for (var i = 0; i < n; i++) {
      var li = el.board.childNodes[i];
      var pick = room.picks[i];
      var team = room.slots[i];
      var round = Math.floor(i / teams) + 1;
      var label = 'R' + round + '.' + ((i % teams) + 1) + ' ' + teamName(team) + ': ';
      if (pick) {
        var p = room.players.get(pick.playerId);
        li.textContent = label + (p ? p.name + ' (' + p.pos + ')' : 'Player ' + pick.playerId);
        li.className = 'made' + (team === teamId ? ' mine' : '');
        li.dataset.playerId = String(pick.playerId);
        li.dataset.spot = String(pick.spot);
      } else {
        li.textContent = label + '—';
        li.className = 'open' + (i === nextOpen && room.phase === 'live' ? ' on-clock' : '') + (team === teamId ? ' mine' : '');
        delete li.dataset.playerId;
        delete li.dataset.spot;
      }
      li.dataset.overall = String(i + 1);
      li.dataset.teamId = String(team);
    }
    setData('picks', made);
    setData('totalPicks', n);
    if (document.body.dataset.state !== 'disconnected' || (ws && ws.readyState === WebSocket.OPEN)) setData('state', room.phase);
    el.status.textContent =
      room.phase === 'pre_draft' ? 'Waiting for the draft to start' : room.phase === 'live' ? 'Live: ' + made + ' of ' + n + ' picks' : 'Draft complete: ' + made + ' picks';
  }

  // ------------------------------------------------------------------ decoy (Disney DSS telemetry)

  function openDecoy() {
    var d = new WebSocket('wss://espn.connections.edge.bamgrid.com/v1/websocket?client_id=espn-fantasy-web&platform=web');
    d.onmessage = function (ev) {
      var msg;
      try {
        msg = JSON.parse(ev.data);
      } catch (e) {
        return;
      }
      if (msg && msg.data && msg.data.accessToken) {
        d.send(JSON.stringify({
          id: 'c' + Date.now(),
          type: 'urn:bamtech:dust:bootstrap',
          source: 'urn:espn:fantasy:web',
          data: { accessToken: msg.data.accessToken, deviceFamily: 'browser' },
        }));
        setData('decoy', 'authenticated');
      }
    };
    d.onclose = function () {
      setData('decoy', 'closed');
    };
  }

  // ------------------------------------------------------------------ start

  document.getElementById('dup-exit').addEventListener('click', function () {
    exited = true;
    el.dup.hidden = true;
    setData('state', 'exited');
  });
  document.getElementById('dup-reconnect').addEventListener('click', function () {
    kicked = false;
    el.dup.hidden = true;
    setData('kicked', 'false');
    connect();
  });

  if (!leagueId || !seasonId || !teamId || !memberId) {
    el.loadError.textContent = 'Page not found';
    el.loadError.hidden = false;
    setData('state', 'error');
    return;
  }
  if (opt.decoy) openDecoy();
  loadRoom().then(connect, function (err) {
    el.loadError.textContent = 'Could not load the draft: ' + err.message;
    el.loadError.hidden = false;
    setData('state', 'error');
    setData('error', err.message);
  });
})();
