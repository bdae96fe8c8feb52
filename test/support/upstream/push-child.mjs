// A kiosk's pusher alone, for the crash-safety test: drains DB_FILE to the identity in DATA_DIR until
// nothing is left, then prints "drained". The parent SIGKILLs it at random points. Runs the built server code.
import { openDatabase } from '../../../build/edge-server/src/db/connection.js';
import { readIdentity } from '../../../build/edge-server/src/sync/identity.js';
import { Pusher } from '../../../build/edge-server/src/sync/push.js';
import { RequestSigner } from '../../../build/edge-server/src/sync/signer.js';
import { UpstreamClient } from '../../../build/edge-server/src/sync/upstream-client.js';

const identity = readIdentity(process.env.DATA_DIR);
const db = openDatabase(process.env.DB_FILE);
const signer = new RequestSigner(identity.deviceId, identity.deviceSecret);
const pusher = new Pusher(db, new UpstreamClient({ baseUrl: identity.upstream, signer, timeoutMs: 5000 }));
await pusher.drain();
console.log('drained');
