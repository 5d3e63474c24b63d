// What the problem commands say and write (problemCommands.ts), kept free of the vscode module so
// that unit tests read it.

/** The information message of "IMR: Fix All in Letter". */
export function fixAllMessage(fixed: number): string {
  if (fixed === 0)
    return 'IMR: nothing in this letter can be fixed automatically. Outcomes to choose and parts to write are left to you (see the quick fixes).';
  const problems = fixed === 1 ? '1 problem' : `${fixed} problems`;
  return `IMR: fixed ${problems} in this letter. Outcomes to choose and parts to write are left to you.`;
}

/** The severity setting's value with one code turned off, the other codes as they were. */
export function withCheckOff(current: unknown, code: string): Record<string, unknown> {
  const kept = current !== null && typeof current === 'object' && !Array.isArray(current) ? current : {};
  return { ...(kept as Record<string, unknown>), [code]: 'off' };
}

/** The information message after "Turn off this check". */
export function turnedOffMessage(code: string, where: 'workspace' | 'user'): string {
  return `IMR: "${code}" problems are off in your ${where} settings (imrLetters.diagnostics.severity).`;
}
