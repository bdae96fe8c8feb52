import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readIdentity, writeIdentity } from '../edge-server/src/sync/identity.js';
import { enroll, UpstreamError, type FetchFn } from '../edge-server/src/sync/upstream-client.js';

export const ENROLL_USAGE = 'enroll --upstream <base-url> --token <token>   join the district platform (again: replaces the identity)';

export interface EnrollDeps {
  dataDir: string;
  softwareVersion: string;
  hardwareId: () => string;
  fetch?: FetchFn;
  now?: () => number;
}

export interface Io { out(line: string): void; err(line: string): void }

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

function flags(argv: string[]): { upstream: string; token: string } | string {
  let values: { upstream?: string | undefined; token?: string | undefined };
  try {
    ({ values } = parseArgs({ args: argv, options: { upstream: { type: 'string' }, token: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    return (err as Error).message;
  }
  if (!values.upstream || !values.token) return 'enroll needs both --upstream and --token';
  let url: URL;
  try {
    url = new URL(values.upstream);
  } catch {
    return `--upstream '${values.upstream}' is not a URL; give the platform's base address, e.g. https://district.example`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `--upstream must be an http(s) address, not ${url.protocol}`;
  return { upstream: url.href, token: values.token };
}

/** What the technician reads for each way enrolment can fail. */
function explain(err: UpstreamError): string {
  switch (err.code) {
    case 'invalid_token': return 'The district platform does not know this token, or it has expired. Ask the platform for a new one.';
    case 'token_used': return 'This token has already been used to enrol a device. Ask the platform for a new one.';
    case 'unreachable': return `The district platform could not be reached (${err.message}). Check the address and the network, then try again.`;
    case 'timeout': return 'The district platform did not answer in time. Check the network, then try again.';
    default: return `Enrolment failed: ${err.message}. Nothing was changed; try again later or ask the platform.`;
  }
}

/**
 * `npm run provision -- enroll`: §1, then the identity into DATA_DIR (0600). The token is used once
 * and kept nowhere; the secret is never printed.
 */
export async function enrollCommand(argv: string[], deps: EnrollDeps, io: Io = consoleIo): Promise<number> {
  const parsed = flags(argv);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\nusage: npm run provision -- ${ENROLL_USAGE}`);
    return 2;
  }
  let previous: string | null = null;
  try {
    previous = readIdentity(deps.dataDir)?.deviceId ?? null;
  } catch {
    // a damaged identity is what re-enrolment is for
  }
  try {
    const answer = await enroll(parsed.upstream, { token: parsed.token, hardwareId: deps.hardwareId(), softwareVersion: deps.softwareVersion }, deps.fetch ? { fetch: deps.fetch } : {});
    mkdirSync(deps.dataDir, { recursive: true });
    writeIdentity(deps.dataDir, { ...answer, upstream: parsed.upstream, enrolledAt: new Date((deps.now ?? Date.now)()).toISOString() });
    io.out(`Enrolled with ${answer.facility.name} (${answer.facility.id}, ${answer.facility.timezone}) as device ${answer.deviceId}.`);
    if (previous && previous !== answer.deviceId) io.out(`This replaces the previous identity (device ${previous}).`);
    io.out(`The kiosk sends its events every ${answer.intervals.pushSec} s once started (npm start).`);
    return 0;
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err;
    io.err(explain(err));
    return 1;
  }
}
