// The bridge's netdevice notifier (net/bridge/br.c: br_device_event, br_if.c: br_port_carrier_check).
import type { NetDevice } from '../net/netdevice';
import type { NetdevEvent } from '../net/notifier';
import { Bridge } from './br_device';
import { brDelIf, brMtuAutoAdjust, portCost } from './br_if';
import { fdbChangeAddr } from './br_fdb';
import { brStpDisablePort, brStpEnablePort, brStpRecalculateBridgeId, notifyBridgeAddr } from './br_stp_if';

export function brDeviceEvent(ev: NetdevEvent, dev: NetDevice): void {
  if (dev instanceof Bridge && ev === 'UNREGISTER') {
    for (const p of [...dev.ports]) brDelIf(dev, p.dev);
    return;
  }
  const p = dev.brport;
  if (!p) return;
  const br = p.br;
  switch (ev) {
    case 'CHANGEADDR': {
      fdbChangeAddr(br, p, dev.mac);
      if (brStpRecalculateBridgeId(br)) notifyBridgeAddr(br);
      break;
    }
    case 'CHANGE':
      // br_port_carrier_check(): the cost follows the link speed unless set by hand (BR_ADMIN_COST)
      if (dev.running && dev.operUp && !p.adminCost) p.pathCost = portCost(dev);
      if (!br.running) return;
      if (dev.running && dev.operUp) {
        if (p.state === 'disabled') brStpEnablePort(p);
      } else if (p.state !== 'disabled') brStpDisablePort(p);
      break;
    case 'DOWN':
      if (br.up) brStpDisablePort(p);
      break;
    case 'UP':
      if (br.running && dev.operUp) brStpEnablePort(p);
      break;
    case 'CHANGEMTU':
      brMtuAutoAdjust(br);
      break;
    case 'UNREGISTER':
      brDelIf(br, dev);
      break;
    default:
      break;
  }
}
