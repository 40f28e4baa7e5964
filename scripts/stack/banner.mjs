// The lines a newcomer needs once the stack is up: where to click and how to log in.
import { relative } from 'node:path';

async function demoStrings(databaseUrl) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT s.id, s.name, st.name AS site, s.gateway_id
         FROM bms_string s JOIN site st ON st.id = s.site_id
         JOIN tenant t ON t.id = s.tenant_id
        WHERE t.slug = 'demo' ORDER BY st.name, s.bms_address`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

export async function printBanner({ databaseUrl, ports, simulators, fleet, dataDir, started, mail }) {
  const web = `http://127.0.0.1:${ports.web}`;
  const strings = await demoStrings(databaseUrl).catch(() => []);
  const lines = [
    '',
    `  Fleet monitor is running (ready in ${Math.round((Date.now() - started) / 1000)} s)`,
    '',
    `  Dashboard    ${web}`,
    `  Demo login   ${fleet.installer.email} / ${fleet.installer.password}`,
    `  API          http://127.0.0.1:${ports.api}/api/docs   (OpenAPI: /api/docs-json)`,
    `  Ingest       http://127.0.0.1:${ports.ingest}/health`,
    ...simulators.map(
      (s, i) => `  ${i === 0 ? 'Simulators' : '          '}   ${s.url}/state   (${s.gatewayId})`,
    ),
    ...strings.map(
      (s, i) => `  ${i === 0 ? 'Strings' : '       '}      ${web}/strings/${s.id}   ${s.site} · ${s.name}`,
    ),
    `  Metrics      http://127.0.0.1:${ports.api}/metrics   http://127.0.0.1:${ports.ingest}/metrics   (Prometheus; api: loopback or METRICS_TOKEN)`,
    ...simulators.map(
      (s, i) =>
        `  ${i === 0 ? 'Agents' : '      '}       ${s.agentStatusUrl}/metrics   (${s.gatewayId}; also /status)`,
    ),
    `  Alarm mail   ${mail}`,
    `  Alarms       http://127.0.0.1:${ports.api}/api/alarms   (try: curl -XPOST ${simulators[0]?.url}/faults -d '{"type":"relay-fault","string":0}')`,
    `  Logs         ${relative(process.cwd(), dataDir) || '.'}/logs/`,
    '',
    '  Ctrl-C stops everything; the next npm start reuses the data.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
