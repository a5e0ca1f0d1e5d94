// Sets up the sharded MongoDB cluster of compose.production.yml: initiates the config server
// replica set and one replica set per shard, then registers the shards with mongos.
// Run once per `docker compose up` by the mongo-init service (mongosh --nodb). Every step looks
// before it acts, so a second run against a cluster that is already set up changes nothing.

const configServers = { set: 'configrs', host: 'mongo-config:27019', configsvr: true };
const shards = [
  { set: 'shard1', host: 'mongo-shard1:27018' },
  { set: 'shard2', host: 'mongo-shard2:27018' },
];
const router = 'mongos:27017';

const attempts = 90;
const pauseMillis = 2000;

// Containers start in no particular order, so every step waits for its server rather than failing.
function waitFor(what, ready) {
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      if (ready()) {
        return;
      }
    } catch (e) {
      lastError = e;
    }
    sleep(pauseMillis);
  }
  throw new Error(`gave up waiting for ${what}: ${lastError ? lastError.message : 'not ready'}`);
}

// mongosh throws on some failed commands and returns { ok: 0 } on others; treat both as errors.
function run(admin, command) {
  const reply = admin.runCommand(command);
  if (reply.ok !== 1) {
    const error = new Error(`${Object.keys(command)[0]} failed: ${reply.errmsg}`);
    error.codeName = reply.codeName;
    throw error;
  }
  return reply;
}

// directConnection: a member that is not initiated yet is only reachable when addressed alone.
function connect(host) {
  let admin;
  waitFor(`${host} to answer`, () => {
    admin = new Mongo(`mongodb://${host}/?directConnection=true&serverSelectionTimeoutMS=2000`)
      .getDB('admin');
    run(admin, { ping: 1 });
    return true;
  });
  return admin;
}

function isInitiated(admin) {
  try {
    run(admin, { replSetGetStatus: 1 });
    return true;
  } catch (e) {
    if (e.codeName === 'NotYetInitialized') {
      return false;
    }
    throw e;
  }
}

function initiate({ set, host, configsvr }) {
  const admin = connect(host);
  if (!isInitiated(admin)) {
    const config = { _id: set, members: [{ _id: 0, host }] };
    if (configsvr) {
      config.configsvr = true;
    }
    run(admin, { replSetInitiate: config });
    print(`initiated replica set ${set} on ${host}`);
  }
  // addShard and mongos both need a primary; a one-member set elects itself within seconds.
  waitFor(`a primary in ${set}`, () => run(admin, { hello: 1 }).isWritablePrimary === true);
}

function addShards() {
  const admin = connect(router);
  let registered;
  // mongos answers a ping before it has found the config servers' primary.
  waitFor('mongos to reach the config servers', () => {
    registered = run(admin, { listShards: 1 }).shards.map((shard) => shard._id);
    return true;
  });
  for (const { set, host } of shards) {
    if (registered.includes(set)) {
      continue;
    }
    run(admin, { addShard: `${set}/${host}`, name: set });
    print(`added shard ${set}`);
  }
}

initiate(configServers);
shards.forEach(initiate);
addShards();
print('sharded cluster ready');
