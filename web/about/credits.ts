// Every library the page is built from, credited in the About box (the diagram's corner no longer
// carries React Flow's attribution: its authors allow hiding it in a non-commercial project that credits
// them, https://reactflow.dev/learn/troubleshooting/remove-attribution).
export interface Credit {
  name: string;
  what: string;
  license: string;
  url: string;
}

export const CREDITS: Credit[] = [
  {
    name: 'React Flow (@xyflow/react)',
    what: 'the diagram: nodes, wires, zoom and pan',
    license: 'MIT',
    url: 'https://reactflow.dev',
  },
  { name: 'React', what: 'the page', license: 'MIT', url: 'https://react.dev' },
  { name: 'React DOM', what: 'the page in the browser', license: 'MIT', url: 'https://react.dev' },
  { name: 'zustand', what: 'the page state', license: 'MIT', url: 'https://github.com/pmndrs/zustand' },
  { name: 'valibot', what: 'checking lab files and links', license: 'MIT', url: 'https://valibot.dev' },
  {
    name: 'idb-keyval',
    what: 'keeping the lab in the browser',
    license: 'Apache-2.0',
    url: 'https://github.com/jakearchibald/idb-keyval',
  },
  { name: 'i18next', what: 'the page in English and Chinese', license: 'MIT', url: 'https://www.i18next.com' },
  { name: 'react-i18next', what: 'the page in English and Chinese', license: 'MIT', url: 'https://react.i18next.com' },
  { name: 'Vite', what: 'the build', license: 'MIT', url: 'https://vite.dev' },
];

/** The npm package each credit stands for (a test checks that every runtime dependency is credited). */
export const CREDITED_PACKAGES = [
  '@xyflow/react',
  'react',
  'react-dom',
  'zustand',
  'valibot',
  'idb-keyval',
  'i18next',
  'react-i18next',
  'vite',
];
