import { mount } from 'svelte';
import App from './App.svelte';
import GroupDisplay from './staff-console/GroupDisplay.svelte';
import { PROJECTOR_HASH } from './staff-console/projector-channel';
import './app.css';

// Electron opens a second window on index.html#group-view when a second display is connected:
// facilitator mode's group view (electron/group-display.ts). In the browser kiosk the console opens
// index.html#projector in another tab or window, which the facilitator view feeds over a
// BroadcastChannel (staff-console/projector-channel.ts). Everything else is the kiosk.
const target = document.getElementById('app')!;
if (location.hash === '#group-view') mount(GroupDisplay, { target, props: { transport: 'electron' } });
else if (location.hash === PROJECTOR_HASH) mount(GroupDisplay, { target, props: { transport: 'broadcast' } });
else mount(App, { target });
