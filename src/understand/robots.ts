// "Never answer a robot": auto-replies, bounces, receipts, newsletters and our own mail coming back.
import type { InboundMessage } from '../core/types.ts';
import { mailParts, type MailParts } from './mail-parts.ts';
import { contentSign, subjectSign } from './robot-content.ts';
import { HEADER_RULES, type RobotOptions } from './robot-signs.ts';

export type { RobotOptions } from './robot-signs.ts';

/** Subjects are a line; the rest of an absurdly long one is not read. */
const MAX_SUBJECT_CHARS = 1000;

export interface RobotVerdict {
  automatic: boolean;
  /** the first sign found ('auto-submitted', 'subject:bounce', …), or 'person' */
  reason: string;
}

/** Same as isAutomatic, for callers that already took the mail apart. */
export function automaticVerdict(msg: InboundMessage, opts: RobotOptions, parts: MailParts): RobotVerdict {
  for (const rule of HEADER_RULES) {
    const reason = rule(msg, opts);
    if (reason) return { automatic: true, reason };
  }
  const subject = subjectSign(msg.subject.slice(0, MAX_SUBJECT_CHARS));
  if (subject) return { automatic: true, reason: subject };
  const content = contentSign(parts.newText, parts.ownHtml);
  if (content) return { automatic: true, reason: content };
  return { automatic: false, reason: 'person' };
}

export function isAutomatic(msg: InboundMessage, opts: RobotOptions = {}): RobotVerdict {
  return automaticVerdict(msg, opts, mailParts(msg));
}
