// Start or stop tcpdump on a device (the inspector's button and the diagram's menu use it).
import { useLab } from '../../store';
import { selRunningCaptureTerms, selStartCapture, selStopCapture } from '../../store/selectors';
import { useTranslation } from 'react-i18next';

/** The terminal of the capture running on `ns dev`, if any. */
export function runningCapture(list: string, ns: string, dev: string): string | null {
  for (const item of list.split(' ')) {
    const [k, term] = item.split('=');
    if (k === `${ns}:${dev}`) return term;
  }
  return null;
}

export function CaptureButton({
  ns,
  dev,
  onDone,
  label,
  role,
}: {
  ns: string;
  dev: string;
  onDone?: () => void;
  label?: string;
  role?: 'menuitem';
}) {
  const running = runningCapture(useLab(selRunningCaptureTerms), ns, dev);
  const start = useLab(selStartCapture);
  const stop = useLab(selStopCapture);
  const { t } = useTranslation();
  const click = () => {
    if (running) stop(running);
    else start(ns, dev);
    onDone?.();
  };
  return (
    <button
      type="button"
      role={role}
      onClick={click}
      title={running ? t('capture.stopHint') : t('capture.startHint', { dev, netns: ns })}
    >
      {running ? t('capture.stop', { dev }) : (label ?? t('capture.start', { dev }))}
    </button>
  );
}
