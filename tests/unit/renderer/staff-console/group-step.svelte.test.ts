import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lesson, Step } from '../../../../electron/core/lessons/schema';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import GroupStep from '../../../../renderer/src/staff-console/GroupStep.svelte';

// The shipped lesson, as the facilitator shows it.
const lesson = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../../data/lessons/touchscreen-basics.json'), 'utf8'),
) as Lesson;
const first = <K extends Step['kind']>(kind: K) =>
  lesson.steps.find((s): s is Extract<Step, { kind: K }> => s.kind === kind)!;

beforeEach(() => locale.set('en'));
afterEach(() => {
  cleanup();
  locale.set('zh-HK');
});

describe('a lesson step shown to a group', () => {
  it('reveals a practice step one stage at a time, marking the stage being shown', async () => {
    const step = first('practice');
    const { rerender } = render(GroupStep, { step, stage: 0 });
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining(step.instruction.en),
    ]);
    await rerender({ step, stage: 1 });
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[1]!.textContent).toContain('How to do it');
    expect(items[1]!.textContent).toContain(step.showMe.en);
    expect(items.map((li) => li.classList.contains('current'))).toEqual([false, true]);
  });

  it('marks the right answer of a quiz and gives its feedback only once revealed', async () => {
    const step = first('quiz');
    const right = step.answers.find((a) => a.correct)!;
    const { rerender } = render(GroupStep, { step, stage: 0 });
    expect(screen.queryByText(/Right answer/)).toBeNull();
    expect(screen.queryByText(right.feedback.en)).toBeNull();
    await rerender({ step, stage: 1 });
    const marked = screen.getByText(/Right answer/).closest('li')!;
    expect(within(marked).getByText(right.text.en)).toBeTruthy();
    expect(screen.getByText(right.feedback.en)).toBeTruthy();
  });

  it("puts what follows a recap (the facilitator's button) after its points, and nowhere else", async () => {
    const recapEnd = createRawSnippet(() => ({
      render: () => '<button type="button">everyone finished</button>',
    }));
    const recap = first('recap');
    const { rerender } = render(GroupStep, { step: recap, stage: 0, recapEnd });
    expect(screen.getAllByRole('listitem')).toHaveLength(recap.points.length);
    expect(screen.getByRole('button', { name: 'everyone finished' })).toBeTruthy();
    await rerender({ step: first('explain'), stage: 0, recapEnd });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('is drawn larger for the room on the second display', () => {
    const { container } = render(GroupStep, { step: first('explain'), stage: 0, room: true });
    expect(container.querySelector('article')!.classList.contains('room')).toBe(true);
  });
});
