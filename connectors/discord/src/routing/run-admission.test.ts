import { describe, expect, it, vi } from 'vitest';
import { RunAdmission, type ShedReport } from './run-admission.js';

describe('RunAdmission', () => {
  it('sheds past the rate, counts what it shed and reports it, by guild', async () => {
    const reports: ShedReport[] = [];
    const admission = new RunAdmission({
      perSecond: 10,
      guildShare: 1,
      onShed: (report) => reports.push(report),
    });
    const admitted = Array.from({ length: 25 }, () => admission.admit('a')).filter(Boolean);
    // One second of burst: 10 admitted at once, the rest shed.
    expect(admitted).toHaveLength(10);
    expect(admission.shedTotal).toBe(15);
    admission.flush();
    expect(reports.reduce((sum, r) => sum + r.shed, 0)).toBe(15);
    expect(reports.at(-1)?.byGuild[0]?.guildId).toBe('a');
  });

  it("sheds a flooding guild's events first: another guild still gets its runs", () => {
    const admission = new RunAdmission({ perSecond: 10, onShed: () => {} });
    const flood = Array.from({ length: 30 }, () => admission.admit('flood')).filter(Boolean);
    // Its half of the rate, and one more borrowed while the shared bucket was half full.
    expect(flood).toHaveLength(6);
    expect(admission.admit('quiet')).toBe(true);
  });

  it('lets a lone guild use the whole rate over time', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const admission = new RunAdmission({ perSecond: 100, onShed: () => {} });
      let admitted = 0;
      // 400 events/s for 2 s from one guild.
      for (let i = 0; i < 800; i++) {
        if (admission.admit('alone')) admitted++;
        vi.advanceTimersByTime(2.5);
      }
      // Its own half alone would admit 50 (burst) + 100 (2 s at 50/s); borrowing what nobody
      // else uses, it gets the whole rate: about 50 + 200.
      expect(admitted).toBeGreaterThan(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('admits again as the rate refills', async () => {
    const admission = new RunAdmission({ perSecond: 100, guildShare: 1, onShed: () => {} });
    for (let i = 0; i < 100; i++) admission.admit('a');
    expect(admission.admit('a')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(admission.admit('a')).toBe(true);
  });
});
