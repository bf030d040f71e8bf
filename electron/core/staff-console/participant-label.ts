import { KioskError } from '../errors';
import { identifierProblem } from '../../shared/personal-data';
import { RESUME_CODE_ALPHABET, RESUME_CODE_LENGTH } from '../../shared/resume-code-format';
import { MAX_PARTICIPANTS } from './group-sessions';

/**
 * The checks a name passes before it is written on any list (a session's participants, a course's
 * members): one place, so a course cannot keep what a session would refuse.
 */

const RESUME_CODE = new RegExp(`^[${RESUME_CODE_ALPHABET}]{${RESUME_CODE_LENGTH}}$`);

const IDENTIFIER_MESSAGES = {
  hkid: 'That looks like an identity card number. Only a nickname or a resume code may be kept.',
  number:
    'That contains a long number (an ID or phone number?). Only a nickname or a resume code may be kept.',
  email: 'That looks like an e-mail address. Only a nickname or a resume code may be kept.',
} as const;

/**
 * The label as it is kept (spaces folded; a resume code without spaces or dashes, upper case), or
 * a refusal: a code that is not a resume code's shape, a nickname that looks like an identity card
 * number, a phone number or an e-mail address.
 */
export function keptParticipantLabel(kind: 'nickname' | 'resume-code', label: string): string {
  let kept = label.replace(/\s+/g, ' ');
  if (kind === 'resume-code') {
    kept = kept.replace(/[\s-]/g, '').toUpperCase();
    if (!RESUME_CODE.test(kept))
      throw new KioskError(
        'invalid_input',
        `A resume code is ${RESUME_CODE_LENGTH} letters and digits from the kiosk's code slip.`,
        { reason: 'staff-console.errors.resumeCodeShape', params: { length: RESUME_CODE_LENGTH } },
      );
    return kept;
  }
  const problem = identifierProblem(kept);
  if (problem)
    throw new KioskError('invalid_input', IDENTIFIER_MESSAGES[problem], {
      reason: `staff-console.pics.refused.${problem}`,
    });
  return kept;
}

/** Refuses a label already on the list (case aside) or a list already at its limit. */
export function refuseOnList(list: readonly { label: string }[], kept: string): void {
  if (list.length >= MAX_PARTICIPANTS)
    throw new KioskError('conflict', `A list holds at most ${MAX_PARTICIPANTS} people.`, {
      reason: 'staff-console.errors.listFull',
      params: { max: MAX_PARTICIPANTS },
    });
  if (list.some((p) => p.label.toLowerCase() === kept.toLowerCase()))
    throw new KioskError(
      'conflict',
      'Someone with that nickname or code is already on the list. Add a letter to tell them apart.',
      { reason: 'staff-console.errors.duplicateNickname', params: { label: kept } },
    );
}
