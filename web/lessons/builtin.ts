// The lessons that come with the app, by id: their files are fetched only when a lesson is opened.
export const BUILT_IN_LESSONS: Record<string, { title: string; text: () => Promise<string> }> = {
  'linux-bridge': {
    title: 'Linux bridge / Linux 虚拟网络设备之 bridge',
    text: () => import('../../lessons/linux-bridge.json?raw').then((m) => m.default),
  },
};
