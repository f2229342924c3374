/** Telling the leftovers of builds that died from those of builds still running. */

/** Whether process `pid` is alive on this machine. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process id at the end of a leftover's name ("_site.staging-1234" → 1234). */
function ownerPid(name: string): number {
  return Number(/-(\d+)$/.exec(name)?.[1] ?? Number.NaN);
}

/** Whether a leftover named after its process (…-<pid>) was left by a build that is gone. */
export function leftByDeadBuild(name: string): boolean {
  const pid = ownerPid(name);
  return Number.isInteger(pid) && pid !== process.pid && !processAlive(pid);
}
