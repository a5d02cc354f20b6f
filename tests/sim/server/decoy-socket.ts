import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';

/**
 * espn.connections.edge.bamgrid.com, simulated: a JSON socket on the same page that carries a
 * fake Disney `accessToken`. The extension must ignore it; tests check the token never leaks.
 */
export function serveDecoySocket(ws: WebSocket, accessToken: string): void {
  ws.on('error', () => undefined);
  ws.send(
    JSON.stringify({
      id: randomBytes(8).toString('hex'),
      type: 'urn:bamtech:socket:connection:connected',
      data: { accessToken, sessionId: randomBytes(12).toString('hex'), expiresIn: 14400 },
    }),
  );
  ws.on('message', () => {
    ws.send(JSON.stringify({ type: 'urn:bamtech:dust:ack', data: { accessToken, received: true } }));
  });
}
