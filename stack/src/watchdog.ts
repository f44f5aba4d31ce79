/**
 * Ends this process when the supervisor that started it is gone (it was killed with SIGKILL
 * and could not stop its children), so `npm start` never leaves orphans behind.
 */
export function exitWithSupervisor(onExit: () => Promise<void> | void = () => {}): void {
  const pid = Number(process.env.GUILDFLOW_SUPERVISOR_PID ?? 0);
  if (!pid) return;
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0);
    } catch {
      clearInterval(timer);
      void Promise.resolve(onExit()).finally(() => process.exit(0));
    }
  }, 2000);
  timer.unref();
}
