// mongosh script, run on a mongos: adds the shards, the users, and shards the collections of
// storage/sharding.ts with their keys (a test checks the two agree). Safe to run again.
const admin = db.getSiblingDB('admin');
if (!admin.getUser('root'))
  admin.createUser({ user: 'root', pwd: process.env.MONGO_ROOT_PASSWORD, roles: ['root'] });
admin.auth('root', process.env.MONGO_ROOT_PASSWORD);

sh.addShard('shard1/shard1a:27017,shard1b:27017,shard1c:27017');
sh.addShard('shard2/shard2a:27017,shard2b:27017,shard2c:27017');

const app = db.getSiblingDB('creditbank');
if (!app.getUser('app'))
  app.createUser({
    user: 'app',
    pwd: process.env.MONGO_APP_PASSWORD,
    roles: [{ role: 'readWrite', db: 'creditbank' }],
  });

sh.enableSharding('creditbank');
// Before the app first starts: sharding creates each collection with its shard-key index, and the
// app's unique indexes (which start with the key) are then created through mongos.
sh.shardCollection('creditbank.ledger_entries', { learnerId: 1 });
sh.shardCollection('creditbank.credit_account_versions', { learnerId: 1 });
sh.shardCollection('creditbank.share_views', { learnerId: 1 });
