// Every test runs with the snapshot's check on: the device rows, routes and FDB rows a snapshot keeps because no
// notification came (sim/net/rtnl_notify.ts, br_fdb.ts's fdbNotify) are compared with the same rows read again,
// and a change that was not notified fails the test that made it, instead of leaving a stale diagram in the app.
import { SnapshotCache } from '../snapshot';

SnapshotCache.verify = true;
