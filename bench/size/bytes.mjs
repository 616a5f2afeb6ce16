// Size strings the way size-limit reads and prints them ("5.5 kB" = 5500 bytes,
// "5 KiB" = 5120), so `.size-limit.mjs` means the same to both tools.
const PARSE = /^([+-]?\d+(?:\.\d+)?) *(?:([kmgt])?(i)?b)?$/i;

/** @param {string | number} value @returns {number} */
export function parseBytes(value) {
  if (typeof value === 'number') return value;
  const match = PARSE.exec(value.trim());
  if (!match) throw new Error(`Unreadable size "${value}": use e.g. "5.5 kB" or 5500.`);
  const [, number, prefix, iec] = match;
  const power = prefix ? 'kmgt'.indexOf(prefix.toLowerCase()) + 1 : 0;
  return Math.floor(Number.parseFloat(number) * (iec ? 1024 : 1000) ** power);
}

/** @param {number} bytes */
export function formatBytes(bytes) {
  return bytes >= 1000 ? `${Number.parseFloat((bytes / 1000).toFixed(2))} kB` : `${bytes} B`;
}
