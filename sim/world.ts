// The machine as the page, the tools and the tests build it: the initcalls (sim/init.ts) first, then the World.
import './init';

export { World } from './net/world';
