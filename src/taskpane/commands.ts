/**
 * The manifest's function file. The ribbon button only opens the task pane (ShowTaskpane), so nothing is
 * registered here; Office still requires the page to load and initialise Office.js.
 */
Office.onReady(() => undefined);
