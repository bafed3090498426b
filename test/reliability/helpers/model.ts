// What should have happened, worked out independently of the bot's code: a list of seats, a waitlist and
// the rules from the README (arrival order = UID order; a proven cancellation frees the seat and promotes
// the first on the waitlist; a mail seen before has no effect). Nothing here imports src/.

export type MailType = 'signup' | 'cancel' | 'question' | 'robot' | 'redelivery';

export interface AppendedMail {
  uid: number;
  tag: string;
  type: MailType;
  /** Message-ID without brackets; null for a robot mail without one */
  messageId: string | null;
  /** the person's address (signup, cancel, question) */
  address: string | null;
}

export interface ExpectedReply {
  kind: string;
  to: string;
  inReplyTo: string | null;
}

export interface Expected {
  confirmed: string[];
  waitlist: string[];
  replies: ExpectedReply[];
  /** per Message-ID of a handled mail: the seat changes it causes, as the audit log words them */
  effects: Map<string, string[]>;
  /** tags that stay in INBOX (unread) and tags that are filed */
  left: string[];
  filed: string[];
}

export const replyKey = (r: ExpectedReply) => `${r.kind} ${r.to} ${r.inReplyTo ?? '-'}`;

export function expectedOutcome(mails: AppendedMail[], capacity: number): Expected {
  const regs: { address: string; signupId: string; status: 'confirmed' | 'waitlisted' | 'cancelled' }[] = [];
  const replies: ExpectedReply[] = [];
  const effects = new Map<string, string[]>();
  const seen = new Set<string>();
  const left: string[] = [];
  const filed: string[] = [];
  const active = (address: string) => regs.find((r) => r.address === address && r.status !== 'cancelled');
  for (const m of [...mails].sort((a, b) => a.uid - b.uid)) {
    if (m.type === 'question') left.push(m.tag);
    else filed.push(m.tag);
    if (m.messageId) {
      if (seen.has(m.messageId)) continue;
      seen.add(m.messageId);
    }
    if (m.type === 'signup') {
      if (active(m.address!)) throw new Error(`model: ${m.address} signs up twice; the plan has distinct people`);
      const status = regs.filter((r) => r.status === 'confirmed').length < capacity ? 'confirmed' : 'waitlisted';
      regs.push({ address: m.address!, signupId: m.messageId!, status });
      replies.push({ kind: status, to: m.address!, inReplyTo: m.messageId });
      effects.set(m.messageId!, [`registered as ${status}`]);
    } else if (m.type === 'cancel') {
      const reg = active(m.address!);
      if (!reg) {
        replies.push({ kind: 'not-registered', to: m.address!, inReplyTo: m.messageId });
        effects.set(m.messageId!, []);
        continue;
      }
      const wasConfirmed = reg.status === 'confirmed';
      reg.status = 'cancelled';
      replies.push({ kind: 'cancelled', to: m.address!, inReplyTo: m.messageId });
      const effect = ['cancelled'];
      const next = wasConfirmed ? regs.find((r) => r.status === 'waitlisted') : undefined;
      if (next) {
        next.status = 'confirmed';
        replies.push({ kind: 'promoted', to: next.address, inReplyTo: next.signupId });
        effect.push('promoted');
      }
      effects.set(m.messageId!, effect);
    } else if (m.messageId) {
      effects.set(m.messageId, []);
    }
  }
  return {
    confirmed: regs.filter((r) => r.status === 'confirmed').map((r) => r.address),
    waitlist: regs.filter((r) => r.status === 'waitlisted').map((r) => r.address),
    replies,
    effects,
    left,
    filed,
  };
}
