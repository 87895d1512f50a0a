import { mount } from 'svelte';
import App from './App.svelte';
import { loadSettings } from './lib/settings/settings.svelte';
import './styles/fonts.css';
import './styles/global.css';

// The settings decide the language and direction, so they are applied before
// the first string is rendered.
loadSettings().then((startupError) => {
  const target = document.getElementById('app');
  if (!target) throw new Error('index.html has no #app element');
  mount(App, { target, props: { startupError } });
});
