// Lab files as shell scripts (sim/labs/export.ts): the page loads this door lazily when a person saves or opens
// a script, so that neither the first load nor this carries the simulator (see ./index.ts, ./runtime.ts).
export { ImportError, exportLab, importScript } from './labs/export';
