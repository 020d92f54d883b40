// Lab › Embed in a web page: the <iframe> that shows this lab live in a blog post or a course page
// (embed.html with the lab in its address, as a share link carries it), with its options and a Copy button.
import { useEffect, useState } from 'react';
import { useLab } from '../store';
import { selLang } from '../lessons/selectors';
import { t } from '../i18n/strings';
import { currentLab } from '../persist/lab';
import { encodeShare } from '../persist/share';
import { embedSnippet } from './embedSnippet';
import { Modal } from '../components/Modal';

export function EmbedDialog({ onClose }: { onClose: () => void }) {
  const lang = useLab(selLang);
  const [fragment, setFragment] = useState('');
  const [readonly, setReadonly] = useState(false);
  const [autoplay, setAutoplay] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    void encodeShare(currentLab()).then(setFragment);
  }, []);
  const opts = [fragment, `lang=${lang}`, readonly ? 'readonly=1' : '', autoplay ? 'autoplay=1' : '']
    .filter(Boolean)
    .join('&');
  const src = new URL(`embed.html#${opts}`, location.href).href;
  const snippet = fragment ? embedSnippet(src, 'Linux Netlab: a lab') : '…';
  const copy = () =>
    void navigator.clipboard
      ?.writeText(snippet)
      .then(() => setCopied(true))
      .catch(() => (document.querySelector('[data-testid="embed-snippet"]') as HTMLTextAreaElement | null)?.select());
  return (
    <Modal className="lab-dialog" label={t('embedTitle', lang)} onClose={onClose}>
      <strong>{t('embedTitle', lang)}</strong>
      <p>{t('embedBody', lang)}</p>
      <label>
        <input type="checkbox" checked={readonly} onChange={(e) => (setReadonly(e.target.checked), setCopied(false))} />{' '}
        {t('embedReadonly', lang)}
      </label>
      <label>
        <input type="checkbox" checked={autoplay} onChange={(e) => (setAutoplay(e.target.checked), setCopied(false))} />{' '}
        {t('embedAutoplay', lang)}
      </label>
      <textarea
        readOnly
        rows={4}
        value={snippet}
        aria-label={t('embedTitle', lang)}
        onFocus={(e) => e.target.select()}
        data-testid="embed-snippet"
        data-autofocus
      />
      <div className="lab-dialog-buttons">
        <a href={src} target="_blank" rel="noopener">
          {t('embedPreview', lang)}
        </a>
        <button type="button" onClick={copy} disabled={!fragment}>
          {copied ? t('copied', lang) : t('copy', lang)}
        </button>
        <button type="button" onClick={onClose}>
          {t('close', lang)}
        </button>
      </div>
    </Modal>
  );
}
