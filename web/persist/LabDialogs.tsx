// The questions that guard the user's work: replacing a changed lab, the same lab open in two tabs, and a
// simulation that stopped answering.
import { useEffect, useState } from 'react';
import { useLab } from '../store';
import { selLang } from '../lessons/selectors';
import { selHung, selReplacing, selTabs } from '../store/selectors';
import { t, tf } from '../i18n/strings';
import { acceptReplace, declineReplace, whatText } from './replace';
import { openCopy, takeOver } from './tabs';
import { HUNG_LIMIT_MS, stopHung } from '../client/heartbeat';
import { Modal } from '../components/Modal';

export function LabDialogs() {
  return (
    <>
      <ReplaceDialog />
      <TabsDialog />
      <HungDialog />
    </>
  );
}

function ReplaceDialog() {
  const what = useLab(selReplacing);
  const lang = useLab(selLang);
  if (!what) return null;
  return (
    <Modal className="lab-dialog lab-ask" role="alertdialog" label={t('replaceTitle', lang)} onClose={declineReplace}>
      <strong>{t('replaceTitle', lang)}</strong>
      <p>{tf('replaceBody', lang, { what: whatText(what, lang) })}</p>
      <div className="lab-dialog-buttons">
        <button type="button" onClick={acceptReplace}>
          {t('replaceYes', lang)}
        </button>
        <button type="button" onClick={declineReplace} data-autofocus>
          {t('replaceNo', lang)}
        </button>
      </div>
    </Modal>
  );
}

function TabsDialog() {
  const tabs = useLab(selTabs);
  const lang = useLab(selLang);
  if (tabs === 'alone') return null;
  return (
    <Modal className="lab-dialog lab-ask" role="alertdialog" label={t('tabsTitle', lang)}>
      <strong>{t('tabsTitle', lang)}</strong>
      <p>{tabs === 'lost' ? t('tabsLost', lang) : t('tabsBody', lang)}</p>
      <div className="lab-dialog-buttons">
        <button type="button" onClick={() => void takeOver()}>
          {t('takeOver', lang)}
        </button>
        <button type="button" onClick={() => void openCopy()}>
          {t('openCopy', lang)}
        </button>
      </div>
    </Modal>
  );
}

function HungDialog() {
  const hung = useLab(selHung);
  const lang = useLab(selLang);
  const [, tick] = useState(0);
  useEffect(() => {
    if (!hung?.offer) return;
    const i = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(i);
  }, [hung?.offer]);
  if (!hung?.offer) return null;
  const s = Math.round((performance.now() - hung.since) / 1000);
  return (
    <Modal className="lab-dialog lab-ask" role="alertdialog" label={t('hungStop', lang)}>
      <strong>{tf('hungTitle', lang, { s })}</strong>
      <p>{tf('hungBody', lang, { line: hung.line ?? t('hungUnknown', lang), limit: HUNG_LIMIT_MS / 1000 })}</p>
      <div className="lab-dialog-buttons">
        <button type="button" onClick={stopHung}>
          {t('hungStop', lang)}
        </button>
      </div>
    </Modal>
  );
}
