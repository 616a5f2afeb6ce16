import type { Stats } from 'node:fs';

/**
 * What changes when a file is replaced or rewritten, read from one `stat`. The
 * kubelet's swap points the path at a file in a new directory (new inode);
 * an in-place rewrite changes size, mtime or ctime.
 */
export function fileIdentity(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}
