import { generate } from 'selfsigned';

/** Every host the simulator answers for; the certificate covers all of them. */
export const SIM_HOSTS = {
  page: 'fantasy.espn.com',
  socket: 'fantasydraft.espn.com',
  api: 'lm-api-reads.fantasy.espn.com',
  decoy: 'espn.connections.edge.bamgrid.com',
} as const;

const SAN_DNS = [
  SIM_HOSTS.page,
  SIM_HOSTS.socket,
  SIM_HOSTS.api,
  '*.espn.com',
  '*.fantasy.espn.com',
  SIM_HOSTS.decoy,
];

export interface SimCertificate {
  key: string;
  cert: string;
  fingerprint: string;
}

/**
 * A fresh self-signed certificate for the ESPN hosts (generated on every start; never written
 * to disk). Chromium accepts it because the simulator's users pass --ignore-certificate-errors;
 * Node clients pass rejectUnauthorized: false (or trust `cert` as a CA).
 */
export async function generateSimCertificate(): Promise<SimCertificate> {
  const notBeforeDate = new Date(Date.now() - 24 * 3600 * 1000);
  const notAfterDate = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const pems = await generate([{ name: 'commonName', value: SIM_HOSTS.page }, { name: 'organizationName', value: 'Draft Watch simulator' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...SAN_DNS.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert, fingerprint: pems.fingerprint };
}
