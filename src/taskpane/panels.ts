/** What the `pane-panels` chunk holds (loaded by lazy-panels.ts; nothing else imports this module). */
export { ImportPanel } from './components/ImportPanel';
export { NarrativePanel } from './components/NarrativePanel';
export { RatesSummary } from './components/RatesSummary';
