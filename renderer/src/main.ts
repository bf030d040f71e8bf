import { mount } from 'svelte';
import App from './App.svelte';
import GroupDisplay from './staff-console/GroupDisplay.svelte';
import './app.css';

// Electron opens a second window on index.html#group-view when a second display is connected:
// facilitator mode's group view (electron/group-display.ts). Everything else is the kiosk.
const Root = location.hash === '#group-view' ? GroupDisplay : App;
mount(Root, { target: document.getElementById('app')! });
