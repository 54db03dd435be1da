// mongosh script, run on a shard's first member: initiates the shard's replica set and its local admin.
const name = process.env.SHARD;
try {
  rs.status();
} catch {
  rs.initiate({
    _id: name,
    members: ['a', 'b', 'c'].map((m, i) => ({ _id: i, host: `${name}${m}:27017` })),
  });
}
while (!db.hello().isWritablePrimary) sleep(500);
const admin = db.getSiblingDB('admin');
if (!admin.getUser('root'))
  admin.createUser({ user: 'root', pwd: process.env.MONGO_ROOT_PASSWORD, roles: ['root'] });
