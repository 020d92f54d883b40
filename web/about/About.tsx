// The About box: what the lab is, and the libraries it is built from.
import { Modal } from '../components/Modal';
import { useLab } from '../store';
import { selLang } from '../lessons/selectors';
import { t } from '../i18n/strings';
import { CREDITS } from './credits';

export function About({ onClose }: { onClose: () => void }) {
  const lang = useLab(selLang);
  return (
    <Modal className="lab-dialog about" label={t('aboutTitle', lang)} onClose={onClose}>
      <h2>{t('aboutTitle', lang)}</h2>
      <p>{t('aboutBody', lang)}</p>
      <h3>{t('aboutBuilt', lang)}</h3>
      <ul className="credits">
        {CREDITS.map((c) => (
          <li key={c.name}>
            <a href={c.url} target="_blank" rel="noreferrer">
              {c.name}
            </a>{' '}
            ({c.license}): {c.what}
          </li>
        ))}
      </ul>
      <div className="lab-dialog-buttons">
        <button type="button" onClick={onClose} data-autofocus>
          {t('close', lang)}
        </button>
      </div>
    </Modal>
  );
}
