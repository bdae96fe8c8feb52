import type { TypedEmitter } from '../shared/typed-emitter.js';

export type GpioHealth = 'ok' | 'degraded' | 'absent' | 'error';
export type Level = 0 | 1;
export type EdgeKind = 'rising' | 'falling' | 'both';

/** A named line as wired in the centre. `offset` is relative to the chip found by `chip` label. */
export interface LineConfig {
  direction: 'in' | 'out';
  chip?: string;
  offset?: number;
  /** which edges matter for inputs */
  edge?: EdgeKind;
  /** a pressed button / open contact reads 0 when true */
  activeLow?: boolean;
  debounceMs?: number;
}

/** The centre's named lines. */
export const LINE_NAMES = ['door', 'motion', 'call_button', 'finger_touch', 'led', 'buzzer'] as const;
export type LineName = (typeof LINE_NAMES)[number];

export const DEFAULT_LINES: Record<LineName, LineConfig> = {
  door: { direction: 'in', chip: 'pinctrl-bcm2711', offset: 17, edge: 'both', debounceMs: 50 },
  motion: { direction: 'in', chip: 'pinctrl-bcm2711', offset: 27, edge: 'rising', debounceMs: 50 },
  call_button: { direction: 'in', chip: 'pinctrl-bcm2711', offset: 22, edge: 'falling', activeLow: true, debounceMs: 30 },
  finger_touch: { direction: 'in', chip: 'pinctrl-bcm2711', offset: 23, edge: 'falling', activeLow: true, debounceMs: 10 },
  led: { direction: 'out', chip: 'pinctrl-bcm2711', offset: 24 },
  buzzer: { direction: 'out', chip: 'pinctrl-bcm2711', offset: 25 },
};

export interface LineChange {
  line: LineName;
  /** electrical level */
  value: Level;
  /** logical state: value with activeLow applied (a pressed active-low button is `true`) */
  active: boolean;
  at: number;
}

/** A line bouncing faster than the chatter limit: its changes are held back until it calms down. */
export interface LineChatter {
  line: LineName;
  /** raw edges counted in the second before the episode began */
  edgesPerSecond: number;
  at: number;
}

export interface GpioEvents {
  change: LineChange;
  health: GpioHealth;
  /** Once per chatter episode; health is 'degraded' until the line calms down. */
  chatter: LineChatter;
}

/** Named GPIO lines: inputs report changes, outputs can be driven. */
export interface GpioPort {
  readonly driver: string;
  readonly events: TypedEmitter<GpioEvents>;
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): GpioHealth;
  lines(): Record<LineName, LineConfig>;
  read(line: LineName): Level;
  write(line: LineName, value: Level): void;
}
