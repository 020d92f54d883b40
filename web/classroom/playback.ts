// The seam between the classroom's keys and packet-flow playback (web/flows/player.ts): play/pause, step
// an event, change speed. Kept in one place so the classroom does not depend on the player's internals.
import { player, SPEEDS } from '../flows/player';

export const playback = {
  toggle(): void {
    if (player.playing) player.pause();
    else player.play();
  },
  step(dir: 1 | -1): void {
    player.stepEvent(dir);
  },
  speed(dir: 1 | -1): void {
    const i = SPEEDS.findIndex((s) => s >= player.speed);
    const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? SPEEDS.length - 1 : i) + dir))];
    player.setSpeed(next);
  },
};
