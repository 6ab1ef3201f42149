/** Preloaded with `node -r` when /usr/bin/time is missing: writes the process's peak RSS (KB) on exit. */
import { writeFileSync } from 'fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
