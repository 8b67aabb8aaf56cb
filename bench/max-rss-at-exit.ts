/**
 * Preloaded into a measured konform process (`node --import`): at exit it writes the process's
 * peak resident memory in KiB (getrusage maxRSS, this process alone, not its children) to
 * the file named by KONFORM_BENCH_MAXRSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.KONFORM_BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
