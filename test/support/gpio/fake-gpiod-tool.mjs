// A stand-in for Debian's gpiod tools (gpiomon, gpioget, gpioset, gpiodetect), run as
// `node fake-gpiod-tool.mjs <dir> <tool> <args...>` by the wrappers FakeGpiodTools writes into <dir>.
// It prints what libgpiod v1 or v2 prints (per <dir>/scenario.json), records each call in
// <dir>/calls.jsonl, and a running gpiomon prints whatever the test appends to <dir>/feed.txt (from
// where the previous gpiomon stopped reading, kept in <dir>/feed.pos, so nothing is lost or repeated).
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, tool, ...args] = process.argv.slice(2);
const scenario = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8'));
const callsFile = join(dir, 'calls.jsonl');
const earlier = existsSync(callsFile) ? readFileSync(callsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
const monitorRun = earlier.filter((c) => c.tool === 'gpiomon' && !c.args.includes('--version')).length;
const plans = scenario.monitor ?? [{ behaviour: 'run' }];
const plan = plans[Math.min(monitorRun, plans.length - 1)];
const monitoring = tool === 'gpiomon' && !args.includes('--version');
// Before the call is logged: a test that saw the call may count on SIGTERM being ignored.
if (monitoring && plan.behaviour === 'stubborn') process.on('SIGTERM', () => undefined);
appendFileSync(callsFile, `${JSON.stringify({ tool, args, pid: process.pid })}\n`);
const v2 = scenario.version === 2;
const chipArg = () => (v2 ? args[args.indexOf('-c') + 1] : args.find((a) => !a.startsWith('-')));
const offsetsArg = () => args.filter((a) => /^\d+$/.test(a)); // the driver names chips gpiochipN
const keepAlive = () => setInterval(() => undefined, 60_000);

function fail(message) {
  process.stderr.write(`${tool}: ${message}\n`);
  process.exitCode = 1;
}

if (args.includes('--version')) {
  process.stdout.write(scenario.versionText ?? (v2
    ? `${tool} (libgpiod) v2.1.3\nCopyright (C) 2017-2023 Bartosz Golaszewski\nLicense: GPL-2.0-or-later\n`
    : `${tool} (libgpiod) v1.6.3\nCopyright (C) 2017-2018 Bartosz Golaszewski\nLicense: LGPLv2.1\n`));
} else if (tool === 'gpiodetect') {
  for (const chip of scenario.chips) process.stdout.write(`${chip.name} [${chip.label}] (${chip.lines} lines)\n`);
} else if (tool === 'gpioget') {
  const values = scenario.values?.[chipArg()] ?? {};
  const offsets = offsetsArg();
  if (scenario.getFails) fail("unable to request lines on chip '/dev/gpiochip0': Device or resource busy");
  else if (v2) process.stdout.write(`${offsets.map((o) => `"${o}"=${values[o] ? 'active' : 'inactive'}`).join(' ')}\n`);
  else process.stdout.write(`${offsets.map((o) => values[o] ?? 0).join(' ')}\n`);
} else if (tool === 'gpioset') {
  if (scenario.setFails) fail(v2 ? "unable to request lines on chip '/dev/gpiochip0': Device or resource busy" : 'error setting the GPIO line values: Device or resource busy');
  else if (v2 ? args.includes('-t0') : !args.some((a) => a.startsWith('--mode='))) process.exitCode = 0; // set and exit
  else {
    if (v2 && args.includes('--banner')) process.stdout.write(`Setting line '${args.at(-1).split('=')[0]}'...\n`);
    keepAlive(); // held until SIGTERM, as v1 --mode=signal and v2 by default
  }
} else if (monitoring) {
  for (const line of plan.print ?? []) process.stdout.write(`${line}\n`);
  if (plan.behaviour === 'crash') {
    if (plan.stderr) process.stderr.write(`${plan.stderr}\n`);
    process.exitCode = plan.exitCode ?? 1;
  } else if (plan.behaviour === 'hang') {
    keepAlive();
  } else {
    if (v2 && args.includes('--banner')) {
      const lines = offsetsArg().map((o) => `'${o}'`);
      process.stdout.write(lines.length > 1
        ? `Monitoring lines ${lines.slice(0, -1).join(', ')}, and ${lines.at(-1)}...\n`
        : `Monitoring line ${lines[0]}...\n`);
    }
    const feed = join(dir, 'feed.txt');
    const consumed = join(dir, 'feed.pos');
    let position = existsSync(consumed) ? Number(readFileSync(consumed, 'utf8')) : 0;
    setInterval(() => {
      if (!existsSync(feed)) return;
      const size = statSync(feed).size;
      if (size <= position) return;
      const buffer = Buffer.alloc(size - position);
      const fd = openSync(feed, 'r');
      readSync(fd, buffer, 0, buffer.length, position);
      closeSync(fd);
      position = size;
      writeFileSync(consumed, String(position));
      process.stdout.write(buffer);
    }, 10);
  }
}
