/**
 * Real disks that say no, for the storage-failure tests: a small tmpfs (full disk) that can be
 * remounted read-only, and the immutable attribute (a read-only file even for root). Both need
 * root and a kernel that allows them; where they do not, `why` says so and the test skips with it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  readOnly(): void;
  fill(leaveBytes: number): void;
  unmount(): void;
}

function run(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function mountSmallDisk(bytes: number): SmallDisk | { why: string } {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return { why: 'cần Linux và quyền root để gắn một ổ tmpfs nhỏ (needs Linux as root to mount a small tmpfs)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-small-disk-'));
  if (!run('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir])) {
    fs.rmSync(dir, { recursive: true, force: true });
    return { why: 'máy này không cho gắn tmpfs (mount -t tmpfs failed here)' };
  }
  return {
    dir,
    readOnly: () => {
      if (!run('mount', ['-o', 'remount,ro', dir])) throw new Error('remount read-only failed');
    },
    fill: (leaveBytes) => {
      const st = fs.statfsSync(dir);
      const free = st.bavail * st.bsize;
      const fd = fs.openSync(path.join(dir, 'filler.bin'), 'w');
      const chunk = Buffer.alloc(64 * 1024, 1);
      let left = free - leaveBytes;
      try {
        while (left > 0) left -= fs.writeSync(fd, chunk, 0, Math.min(chunk.length, left));
      } catch {
        // the disk is full already
      } finally {
        fs.closeSync(fd);
      }
    },
    unmount: () => {
      run('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether this machine lets a test mount a small tmpfs: null when it does, else why not, printed
 *  once as the skip reason of `what` (the tests then skip with it, never silently). */
export function smallDiskUnavailable(what: string): string | null {
  const probe = mountSmallDisk(1024 * 1024);
  if ('why' in probe) {
    console.log(`[skip] ${what}: ${probe.why}`);
    return probe.why;
  }
  probe.unmount();
  return null;
}

/** chattr +i: the file cannot be written, even by root. Returns the undo, or why it cannot be done. */
export function makeImmutable(file: string): (() => void) | { why: string } {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return { why: 'cần Linux và quyền root cho chattr +i (needs Linux as root for chattr +i)' };
  if (!run('chattr', ['+i', file])) return { why: 'hệ thống tệp này không hỗ trợ chattr +i (chattr +i failed here)' };
  return () => void run('chattr', ['-i', file]);
}
