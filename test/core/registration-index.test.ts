import { describe, expect, it } from 'vitest';
import { registrationsOf } from '../../src/core/registration-index.ts';
import type { Registration } from '../../src/core/state.ts';

const reg = (id: string, eventId: string, status: Registration['status'] = 'confirmed') => ({ id, eventId, status }) as Registration;

describe('registrations by event', () => {
  it('follows an array as apply.ts changes it: pushes, and elements replaced by new versions', () => {
    const regs = [reg('r1', 'a'), reg('r2', 'b'), reg('r3', 'a')];
    expect(registrationsOf(regs, 'a').map((r) => r.id)).toEqual(['r1', 'r3']);
    regs.push(reg('r4', 'a'), reg('r5', 'b'));
    regs[0] = reg('r1', 'a', 'cancelled');
    expect(registrationsOf(regs, 'a').map((r) => [r.id, r.status])).toEqual([['r1', 'cancelled'], ['r3', 'confirmed'], ['r4', 'confirmed']]);
    expect(registrationsOf(regs, 'b').map((r) => r.id)).toEqual(['r2', 'r5']);
    expect(registrationsOf(regs, 'c')).toEqual([]);
  });

  it('indexes a new array afresh (erasure and purges build one)', () => {
    const first = [reg('r1', 'a'), reg('r2', 'b')];
    registrationsOf(first, 'a');
    const second = first.filter((r) => r.id !== 'r1');
    expect(registrationsOf(second, 'a')).toEqual([]);
    expect(registrationsOf(second, 'b').map((r) => r.id)).toEqual(['r2']);
  });
});
