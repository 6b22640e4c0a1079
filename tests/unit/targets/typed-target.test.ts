// What the target field stores for what the user typed: the id of the target they named, or their text.
import { describe, expect, it } from 'vitest';
import { targetIdOf } from '../../../components/targets/TargetField';

const TARGETS = [
  { id: 'C07RELNOTES', name: '#release-notes' },
  { id: '221395517441', name: 'Vertrieb Nord' },
];

describe('the id a typed target stands for', () => {
  it('is the id of the target whose name was typed in full, in any case', () => {
    expect(targetIdOf('#release-notes', TARGETS)).toBe('C07RELNOTES');
    expect(targetIdOf('  vertrieb nord ', TARGETS)).toBe('221395517441');
  });

  it('is a typed id as it is, known or not (power users)', () => {
    expect(targetIdOf('C07RELNOTES', TARGETS)).toBe('C07RELNOTES');
    expect(targetIdOf(' C09UNKNOWN ', TARGETS)).toBe('C09UNKNOWN');
  });

  it('is not a target whose name only contains what was typed', () => {
    expect(targetIdOf('Vertrieb', TARGETS)).toBe('Vertrieb');
  });
});
