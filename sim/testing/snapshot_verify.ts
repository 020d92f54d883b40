// Every test runs with the snapshot's check on: a namespace's device rows kept because no rtnetlink
// notification came (sim/net/rtnl_notify.ts) are compared with the rows read again, and a change that was not
// notified fails the test that made it, instead of leaving a stale diagram in the app.
import { SnapshotCache } from '../snapshot';

SnapshotCache.verify = true;
