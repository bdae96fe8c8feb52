import { describe, expect, it } from 'vitest';
import { getCommand, holdCommand, monitorCommand, setOnceCommand } from '../../../../hardware/gpio/gpiod/commands.js';
import {
  LineSplitter, parseGpiodetect, parseGpioget, parseMonitorLine, parseToolsVersion,
} from '../../../../hardware/gpio/gpiod/tool-output.js';

describe('gpiod tool output', () => {
  it('tells v1 from v2 by `gpiomon --version`, in the wordings seen so far', () => {
    expect(parseToolsVersion('gpiomon (libgpiod) v1.6.3\nCopyright (C) 2017-2018 Bartosz Golaszewski\n')).toBe(1);
    expect(parseToolsVersion('gpiomon v1.6.3\n')).toBe(1);
    expect(parseToolsVersion('gpiomon (libgpiod) v2.1.3\nCopyright (C) 2017-2023 Bartosz Golaszewski\n')).toBe(2);
    expect(parseToolsVersion('gpiomon v2.3.2 (libgpiod v2.2.1)\n')).toBe(2);
    expect(parseToolsVersion('command not found')).toBeNull();
    expect(parseToolsVersion('gpiomon v0.3\n')).toBeNull();
  });

  it('reads gpiodetect, skipping lines it does not know', () => {
    expect(parseGpiodetect([
      'gpiochip0 [pinctrl-rp1] (54 lines)',
      'gpiochip10 [gpio-brcmstb@107d508500] (32 lines)',
      'gpiodetect: unable to open chip /dev/gpiochip99: Permission denied',
      '',
    ].join('\n'))).toEqual([
      { name: 'gpiochip0', label: 'pinctrl-rp1', ngpio: 54 },
      { name: 'gpiochip10', label: 'gpio-brcmstb@107d508500', ngpio: 32 },
    ]);
  });

  it('reads gpioget of v1 (plain), v2 (quoted, unquoted, numeric), and refuses a count mismatch or noise', () => {
    expect(parseGpioget('1 0 1\n', 3)).toEqual([1, 0, 1]);
    expect(parseGpioget('"17"=active "27"=inactive\n', 2)).toEqual([1, 0]);
    expect(parseGpioget('17=inactive 27=active', 2)).toEqual([0, 1]);
    expect(parseGpioget('"GPIO17"=active', 1)).toEqual([1]);
    expect(parseGpioget('0 1', 3)).toBeNull();
    expect(parseGpioget('gpioget: error reading GPIO values', 1)).toBeNull();
  });

  it('reads gpiomon events of both versions and the v2 banner; anything else is garbage', () => {
    expect(parseMonitorLine('event:  RISING EDGE offset: 17 timestamp: [     123.456789012]')).toEqual({ kind: 'edge', offset: 17, level: 1 });
    expect(parseMonitorLine('event: FALLING EDGE offset: 22 timestamp: [1599219245.654218447]')).toEqual({ kind: 'edge', offset: 22, level: 0 });
    expect(parseMonitorLine('1599219245.654218447\trising\tgpiochip0 17')).toEqual({ kind: 'edge', offset: 17, level: 1 });
    expect(parseMonitorLine('12.000000001\tfalling\tgpiochip0 22 "GPIO22"')).toEqual({ kind: 'edge', offset: 22, level: 0 });
    expect(parseMonitorLine("Monitoring line '17'...")).toEqual({ kind: 'banner' });
    expect(parseMonitorLine("Monitoring lines '17', '27', and '22'...")).toEqual({ kind: 'banner' });
    expect(parseMonitorLine('   ')).toEqual({ kind: 'blank' });
    for (const noise of ['event: SIDEWAYS EDGE offset: 1 timestamp: [1.0]', '12.5\trising\t"GPIO17"', 'rising 17', '\u0000\u00ff', 'gpiomon: error waiting for events']) {
      expect(parseMonitorLine(noise)).toEqual({ kind: 'garbage' });
    }
  });

  it('splits output into lines across chunks, and cuts a runaway line', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((l) => lines.push(l), 10);
    splitter.push('event: a\r\nhal');
    splitter.push('f\n');
    splitter.push('x'.repeat(25));
    expect(lines).toEqual(['event: a', 'half', 'x'.repeat(10)]);
  });
});

describe('gpiod command lines', () => {
  it('v1: chip first, line-buffered gpiomon on both edges, gpioset holding until SIGTERM', () => {
    expect(monitorCommand(1, 'gpiochip0', [17, 27], 30)).toEqual({ tool: 'gpiomon', args: ['-b', 'gpiochip0', '17', '27'] });
    expect(getCommand(1, 'gpiochip0', [17, 22])).toEqual({ tool: 'gpioget', args: ['gpiochip0', '17', '22'] });
    expect(holdCommand(1, 'gpiochip0', 24, 1)).toEqual({ tool: 'gpioset', args: ['--mode=signal', 'gpiochip0', '24=1'] });
  });

  it('v2: -c chip, a banner, kernel debounce capped at 10 ms (none when a line wants none)', () => {
    expect(monitorCommand(2, 'gpiochip0', [17, 22], 30)).toEqual({
      tool: 'gpiomon', args: ['--banner', '-c', 'gpiochip0', '--debounce-period', '10ms', '17', '22'],
    });
    expect(monitorCommand(2, 'gpiochip4', [23], 5).args).toEqual(['--banner', '-c', 'gpiochip4', '--debounce-period', '5ms', '23']);
    expect(monitorCommand(2, 'gpiochip0', [17], 0).args).toEqual(['--banner', '-c', 'gpiochip0', '17']);
    expect(getCommand(2, 'gpiochip0', [17])).toEqual({ tool: 'gpioget', args: ['-c', 'gpiochip0', '17'] });
    expect(holdCommand(2, 'gpiochip0', 25, 0)).toEqual({ tool: 'gpioset', args: ['--banner', '-c', 'gpiochip0', '25=0'] });
    expect(setOnceCommand(2, 'gpiochip0', 25, 0)).toEqual({ tool: 'gpioset', args: ['-t0', '-c', 'gpiochip0', '25=0'] });
    expect(setOnceCommand(1, 'gpiochip0', 25, 0)).toEqual({ tool: 'gpioset', args: ['gpiochip0', '25=0'] });
  });
});
