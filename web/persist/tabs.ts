// Two tabs on the same lab: each would save over the other. Tabs meet on a BroadcastChannel; a tab that
// finds another already on its lab stops saving and asks the reader to take the lab over (the other tab
// saves its last state and stops saving) or to work on a copy (saved in a slot of this tab's own, kept
// across its reloads in sessionStorage).
import { useLab } from '../store';
import { t } from '../i18n/strings';
import { MAIN_SLOT, readKey, writeKey } from './storage';
import { checkLab } from './format';
import { applyLab, currentLab } from './lab';

type TabMsg =
  | { type: 'hello'; tab: string; slot: string }
  | { type: 'here'; tab: string; slot: string }
  | { type: 'takeover'; tab: string; slot: string }
  | { type: 'released'; tab: string; slot: string };

const SLOT_KEY = 'netlab:slot';
const CHANNEL = 'netlab-labs';
/** How long a taking-over tab waits for the other to save and let go. */
const RELEASE_WAIT_MS = 1500;

const tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
let channel: BroadcastChannel | null = null;
let writing = true;
let mySlot = MAIN_SLOT;
let released: (() => void) | null = null;

/** The storage slot this tab saves its lab in. */
export const slot = (): string => mySlot;
/** Whether this tab saves: not while another tab owns the lab. */
export const mayWrite = (): boolean => writing;

function send(m: TabMsg): void {
  channel?.postMessage(m);
}

function isTabMsg(x: unknown): x is TabMsg {
  const m = x as TabMsg | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.tab === 'string' &&
    typeof m.slot === 'string' &&
    ['hello', 'here', 'takeover', 'released'].includes(m.type)
  );
}

function receive(m: TabMsg): void {
  if (m.tab === tab || m.slot !== mySlot) return;
  const s = useLab.getState();
  switch (m.type) {
    case 'hello':
      // a newcomer on this lab: it asks its reader; this tab goes on saving until it takes over
      if (writing) send({ type: 'here', tab, slot: mySlot });
      return;
    case 'here':
      if (s.tabs === 'alone' && writing) {
        writing = false;
        s.setTabs('ask');
      }
      return;
    case 'takeover':
      // the other tab takes the lab: the last state saved first, then this tab stops saving
      if (!writing) return;
      void writeKey(mySlot, currentLab()).finally(() => {
        writing = false;
        s.setTabs('lost');
        send({ type: 'released', tab, slot: mySlot });
      });
      return;
    case 'released':
      released?.();
      return;
  }
}

/** Joins the channel and says hello; another tab on the same lab answers, and this tab asks. */
export async function startTabs(): Promise<void> {
  try {
    mySlot = sessionStorage.getItem(SLOT_KEY) ?? MAIN_SLOT;
  } catch {
    mySlot = MAIN_SLOT;
  }
  if (typeof BroadcastChannel === 'undefined') return;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<unknown>) => {
    if (isTabMsg(e.data)) receive(e.data);
  };
  send({ type: 'hello', tab, slot: mySlot });
}

/** This tab takes the lab over: the other saves and stops, this one opens what it saved and saves from now on. */
export async function takeOver(): Promise<void> {
  const s = useLab.getState();
  await new Promise<void>((done) => {
    const timer = setTimeout(done, RELEASE_WAIT_MS);
    released = () => {
      clearTimeout(timer);
      done();
    };
    send({ type: 'takeover', tab, slot: mySlot });
  });
  released = null;
  const v = await readKey(mySlot);
  const r = v === undefined ? null : checkLab(v);
  if (r?.ok && r.lab.log.length) applyLab(r.lab);
  writing = true;
  s.setTabs('alone');
  s.setNotice({ kind: 'info', text: t('tookOver', s.lang) });
}

/** This tab goes on with its lab as a copy, saved in a slot of its own. */
export async function openCopy(): Promise<void> {
  const s = useLab.getState();
  mySlot = `copy:${tab}`;
  try {
    sessionStorage.setItem(SLOT_KEY, mySlot);
  } catch {
    /* the copy is saved, but a reload of this tab goes back to the shared lab */
  }
  writing = true;
  s.setTabs('alone');
  await writeKey(mySlot, currentLab());
  s.setNotice({ kind: 'info', text: t('copyOpened', s.lang) });
}
