// A command that stops with the text (and exit status) its real counterpart prints.
import { own } from '../core/own';
import { RtnlError } from '../net/rtnl_link';

export class CmdError extends Error {
  readonly lines: string[];
  readonly code: number;
  constructor(lines: string | string[], code = 1) {
    const l = typeof lines === 'string' ? [lines] : lines;
    super(l.join('\n'));
    this.lines = l;
    this.code = code;
  }
}

/** iproute2's "RTNETLINK answers: ..." for an errno without an extack message. */
export function rtnlError(errno: string, code = 2): CmdError {
  const text: Record<string, string> = {
    EEXIST: 'File exists',
    ESRCH: 'No such process',
    ENETUNREACH: 'Network is unreachable',
    EINVAL: 'Invalid argument',
    EBUSY: 'Device or resource busy',
    EOPNOTSUPP: 'Operation not supported',
    ENODEV: 'No such device',
    ENOENT: 'No such file or directory',
    EADDRNOTAVAIL: 'Cannot assign requested address',
    EHOSTUNREACH: 'No route to host',
    EACCES: 'Permission denied',
    ENETDOWN: 'Network is down',
    ELOOP: 'Too many levels of symbolic links',
    EPERM: 'Operation not permitted',
    ERANGE: 'Numerical result out of range',
    EXDEV: 'Invalid cross-device link',
    ENOTCONN: 'Transport endpoint is not connected',
  };
  return new CmdError(`RTNETLINK answers: ${own(text, errno) ?? errno}`, code);
}

/** A kernel extack message, as iproute2 prints it. */
export function extackError(msg: string, code = 2): CmdError {
  return new CmdError(`Error: ${msg}.`, code);
}

/** The model's answer (an errno, with the extack message when the kernel sets one) as iproute2 prints it. */
export function rtnlAnswer(e: RtnlError): CmdError {
  return e.extack ? extackError(e.extack) : rtnlError(e.errno);
}

/** Runs a model call; an RtnlError it throws becomes iproute2's text. */
export function viaRtnl<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RtnlError) throw rtnlAnswer(e);
    throw e;
  }
}
