// Long-running helper processes (database, web server) in their own process group, so that stopping one
// also stops whatever it forked (php -S workers outlive their master otherwise).
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';

/**
 * @typedef {object} GroupProcess
 * @property {number} pid
 * @property {() => string} output What it printed so far.
 * @property {() => boolean} exited
 * @property {() => Promise<void>} stop TERM to the whole group, KILL after 5 s.
 */

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ logFile: string, env?: NodeJS.ProcessEnv, cwd?: string }} options
 * @returns {GroupProcess}
 */
export function spawnGroup(command, args, { logFile, env, cwd }) {
  const log = openSync(logFile, 'a');
  // detached: a new session and process group, whose id is the child's pid.
  const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log], env, cwd });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${command}`);
  let exited = false;
  const exit = new Promise((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve(undefined);
    });
    child.once('error', () => {
      exited = true;
      resolve(undefined);
    });
  });
  // If the test process dies without cleaning up, the group must not live on.
  const killOnExit = () => signalGroup(pid, 'SIGKILL');
  process.once('exit', killOnExit);

  return {
    pid,
    exited: () => exited,
    output: () => readFileSync(logFile, 'utf8'),
    stop: async () => {
      process.off('exit', killOnExit);
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
      // The leader may be gone while forked workers are still alive.
      signalGroup(pid, 'SIGKILL');
    },
  };
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Polls `probe` every 100 ms until it resolves true; fails with the process's log when it exits or time
 * runs out.
 * @param {GroupProcess} proc
 * @param {string} what
 * @param {() => Promise<boolean>} probe
 * @param {number} [timeout] ms
 */
export async function waitUntilReady(proc, what, probe, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await probe()) return;
    if (proc.exited() || Date.now() >= deadline) {
      const why = proc.exited() ? 'exited' : `was not ready after ${timeout} ms`;
      const tail = proc.output().trimEnd().split('\n').slice(-15).join('\n');
      throw new Error(`${what} ${why}. Its log ends:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
