import { mount } from 'svelte';
import App from './App.svelte';
import { startupState, type StartupState } from './lib/backend';
import { followNumberStyle } from './lib/l10n/display.svelte';
import Recovery from './lib/recovery/Recovery.svelte';
import { noteStartup } from './lib/faults/disk.svelte';
import { loadSettings, settings } from './lib/settings/settings.svelte';
import './styles/fonts.css';
import './styles/global.css';

// Numbers and dates follow the digits and calendar in the settings.
followNumberStyle(() => settings.value);

const noProblem: StartupState = { libraryProblem: null, libraryPath: null, libraryReadOnly: false, diskFull: false, settingsReset: false };

// The settings decide the language and direction, so they are applied before
// the first string is rendered. A library that cannot be opened shows the
// recovery screen instead of the app.
Promise.all([loadSettings(), startupState().catch(() => noProblem)]).then(([startupError, state]) => {
  const target = document.getElementById('app');
  if (!target) throw new Error('index.html has no #app element');
  if (state.libraryProblem) {
    mount(Recovery, { target, props: { code: state.libraryProblem.code, path: state.libraryPath } });
  } else {
    noteStartup(state.diskFull);
    mount(App, { target, props: { startupError, settingsReset: state.settingsReset, readOnly: state.libraryReadOnly } });
  }
});
