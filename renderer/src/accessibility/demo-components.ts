import type { Component } from 'svelte';
import type { DemoId } from '../../../electron/core/accessibility/schema';
import type { Demo, Mode } from './content.svelte';
import CaptionsDemo from './demos/CaptionsDemo.svelte';
import ColourAloneDemo from './demos/ColourAloneDemo.svelte';
import ContrastDemo from './demos/ContrastDemo.svelte';
import FormsDemo from './demos/FormsDemo.svelte';
import LowVisionDemo from './demos/LowVisionDemo.svelte';
import ScreenReaderDemo from './demos/ScreenReaderDemo.svelte';
import TextSizeDemo from './demos/TextSizeDemo.svelte';
import TimeMotionDemo from './demos/TimeMotionDemo.svelte';
import TouchTargetsDemo from './demos/TouchTargetsDemo.svelte';

/** What every demo component is given: its content and the version to show. */
export interface DemoProps {
  demo: Demo;
  mode: Mode;
  /** Demos whose own control decides the version (the contrast slider) report it here. */
  onMode: (mode: Mode) => void;
}

export const DEMO_COMPONENTS: Record<DemoId, Component<DemoProps>> = {
  'text-size': TextSizeDemo,
  contrast: ContrastDemo,
  'colour-alone': ColourAloneDemo,
  'low-vision': LowVisionDemo,
  'touch-targets': TouchTargetsDemo,
  'screen-readers': ScreenReaderDemo,
  forms: FormsDemo,
  'time-and-motion': TimeMotionDemo,
  captions: CaptionsDemo,
};
