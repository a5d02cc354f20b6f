/**
 * A minimal stand-in for ESPN's hosts for the WebSocket transparency test: the "draft page"
 * (ws-semantics-page.js) on fantasy.espn.com and an echo socket on every host. A text frame
 * `close:<code>:<reason>` makes the server close with that code.
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { generateSimCertificate } from '../../sim/server/certs';

const PAGE_JS = readFileSync(new URL('./ws-semantics-page.js', import.meta.url), 'utf8');

export interface SemanticsServer {
  pageUrl: string;
  hostResolverRules: string;
  close(): Promise<void>;
}

export async function startSemanticsServer(): Promise<SemanticsServer> {
  const cert = await generateSimCertificate();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  wss.on('connection', (ws) => {
    ws.on('message', (data: Buffer, isBinary) => {
      const text = isBinary ? '' : data.toString('utf8');
      const close = /^close:(\d+):(.*)$/.exec(text);
      if (close) ws.close(Number(close[1]), close[2]);
      else ws.send(data, { binary: isBinary });
    });
  });
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://fantasy.espn.com');
    if (url.pathname === '/semantics.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(PAGE_JS);
      return;
    }
    if (url.pathname === '/football/draft') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end('<!doctype html><html><head><title>WebSocket semantics</title><script src="/semantics.js"></script></head><body></body></html>');
      return;
    }
    res.writeHead(404);
    res.end();
  });
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    pageUrl: 'https://fantasy.espn.com/football/draft?leagueId=24680&seasonId=2026&teamId=1',
    hostResolverRules: [`MAP *.espn.com 127.0.0.1:${port}`, `MAP *.bamgrid.com 127.0.0.1:${port}`, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', '),
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
