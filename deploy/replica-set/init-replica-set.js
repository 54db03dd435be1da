// mongosh script: makes mongo1..3 the replica set rs0 and creates the app's user. Safe to run again.
try {
  rs.status();
} catch {
  rs.initiate({
    _id: 'rs0',
    members: [
      { _id: 0, host: 'mongo1:27017', priority: 2 },
      { _id: 1, host: 'mongo2:27017' },
      { _id: 2, host: 'mongo3:27017' },
    ],
  });
}
while (!db.hello().isWritablePrimary) sleep(500);
const app = db.getSiblingDB('creditbank');
if (!app.getUser('app'))
  app.createUser({
    user: 'app',
    pwd: process.env.MONGO_APP_PASSWORD,
    roles: [{ role: 'readWrite', db: 'creditbank' }],
  });
