/**
 * @contractbeheer/power-up — the installable Contractbeheer plugin for OutSmart. This first release holds the demo
 * that `start` runs: the work-order plan of a few contracts, generated day by day, each work order exactly once.
 * The service (storage, install lifecycle, contracts API, scheduler) follows.
 */
export { demoContracts } from './demo/demo-contracts.js';
export { simulateGeneration, type GeneratedWorkOrder } from './demo/simulate-generation.js';
export { renderDemo } from './demo/render-demo.js';
