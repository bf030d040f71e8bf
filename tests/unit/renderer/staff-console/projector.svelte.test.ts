import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lesson, Step } from '../../../../electron/core/lessons/schema';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import GroupStep from '../../../../renderer/src/staff-console/GroupStep.svelte';
import {
  projectorView,
  readProjectorMessage,
  type ProjectorStep,
} from '../../../../renderer/src/staff-console/projector-channel';

// The shipped lesson: its step 2 is "tap the Camera icon" on the home screen.
const lesson = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../../data/lessons/photos.json'), 'utf8'),
) as Lesson;
const tapCamera = lesson.steps[1] as Extract<Step, { kind: 'practice' }>;

beforeEach(() => locale.set('en'));
afterEach(() => {
  cleanup();
  locale.set('zh-HK');
});

describe('the practice phone in the class view', () => {
  it("draws the learners' phone in the class's style, as the step starts", () => {
    render(GroupStep, { step: tapCamera, stage: 0, phoneStyle: 'iphone' });
    const phone = screen.getByTestId('phone');
    expect(phone.dataset.phoneStyle).toBe('iphone');
    expect(phone.querySelector('[data-element-id="camera"]')).not.toBeNull();
    // A picture for the room: nothing on it takes a touch or the focus.
    expect(phone.closest('[inert]')).not.toBeNull();
  });

  it('shows what happens on "what happens": the camera opening, not the home screen', () => {
    render(GroupStep, { step: tapCamera, stage: 2, phoneStyle: 'android' });
    const phone = screen.getByTestId('phone');
    expect(phone.querySelector('[data-element-id="camera"]')).toBeNull();
    expect(phone.textContent).toContain(tapCamera.screen.elements.find((e) => e.id === 'camera')!.label!.en);
  });

  it('has no phone on a step that is not practice', () => {
    render(GroupStep, { step: lesson.steps[0]!, stage: 0 });
    expect(screen.queryByTestId('phone')).toBeNull();
  });
});

describe('the projector channel', () => {
  const step: ProjectorStep = {
    lessonId: 'photos',
    stepIndex: 1,
    stage: 2,
    language: 'zh-CN',
    phoneStyle: 'iphone',
  };

  it('takes exactly the five values of a step, and nothing that is not one of its messages', () => {
    expect(readProjectorMessage({ kind: 'step', step })).toEqual({ kind: 'step', step });
    // Anything else riding along is dropped: only the step's five values are ever used.
    expect(readProjectorMessage({ kind: 'step', step: { ...step, nickname: 'Ah Man' } })).toEqual({
      kind: 'step',
      step,
    });
    expect(readProjectorMessage({ kind: 'hello' })).toEqual({ kind: 'hello' });
    expect(readProjectorMessage({ kind: 'close', extra: 1 })).toEqual({ kind: 'close' });
    for (const bad of [
      null,
      'step',
      { kind: 'step' },
      { kind: 'step', step: { ...step, stepIndex: -1 } },
      { kind: 'step', step: { ...step, stage: 1.5 } },
      { kind: 'step', step: { ...step, language: 'fr' } },
      { kind: 'step', step: { ...step, phoneStyle: 'nokia' } },
      { kind: 'step', step: { ...step, lessonId: '../staff' } },
      { kind: 'show', step },
    ])
      expect(readProjectorMessage(bad), JSON.stringify(bad)).toBeNull();
  });

  it('builds the view the Electron second display gets from the core', () => {
    expect(projectorView(lesson, step)).toEqual({
      lessonId: 'photos',
      lessonTitle: expect.objectContaining({ en: lesson.title.en }),
      step: tapCamera,
      position: { number: 2, total: lesson.steps.length },
      stage: 2,
      language: 'zh-CN',
      phoneStyle: 'iphone',
    });
    // The stage is kept within the step's own; a step the lesson lacks shows nothing.
    expect(projectorView(lesson, { ...step, stepIndex: 0 })?.stage).toBe(0);
    expect(projectorView(lesson, { ...step, stepIndex: 99 })).toBeUndefined();
    expect(projectorView(lesson, { ...step, lessonId: 'free-wifi' })).toBeUndefined();
  });
});
