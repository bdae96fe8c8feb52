import * as cmd from '../protocol/commands.js';
import { Confirmation, instructionName } from '../protocol/instructions.js';
import { decodeIndexTable, decodeMatchScore, decodeSearch, decodeSystemParameters, decodeTemplateCount, type SystemParameters } from '../protocol/responses.js';
import { ModuleError, ModuleTimeoutError } from './errors.js';
import { CommandLink, type Answer, type CommandLinkOptions, type LinkDiagnostics } from './link.js';

export type R30xModuleOptions = CommandLinkOptions;

/** A template found by Search: its slot and the module's match score. */
export interface Hit {
  slot: number;
  score: number;
}

/**
 * The operations of an R30x / R503 / ZFM module over a ByteTransport, one command at a time.
 * Answers the operation expects come back as values (`no_finger`, `null` for no match); any other
 * confirmation code throws ModuleError, silence throws ModuleTimeoutError, and a closed link
 * ModuleDisconnectedError. One instance is one connection: make a new one after reconnecting.
 */
export class R30xModule {
  private readonly link: CommandLink;
  private parameters: SystemParameters | null = null;

  constructor(options: R30xModuleOptions) {
    this.link = new CommandLink(options);
  }

  /** Opens the transport (throws TransportAbsentError when the device is not there). */
  open(): Promise<void> {
    return this.link.open();
  }

  close(): Promise<void> {
    return this.link.close();
  }

  get closed(): boolean {
    return this.link.closed;
  }

  /** Parser error counts, timeouts, retries and stale answers since this connection opened. */
  diagnostics(): LinkDiagnostics {
    return this.link.diagnostics();
  }

  /** Throws ModuleError `wrong_password` (0x13) when the module's password is another. */
  async verifyPassword(password: number): Promise<void> {
    await this.expectOk(cmd.vfyPwd(password));
  }

  /** Changes the module password (kept in flash). Verify the current one first. */
  async setPassword(password: number): Promise<void> {
    await this.expectOk(cmd.setPwd(password));
  }

  async readSystemParameters(): Promise<SystemParameters> {
    this.parameters = decodeSystemParameters(await this.expectOk(cmd.readSysPara()));
    return this.parameters;
  }

  async templateCount(): Promise<number> {
    return decodeTemplateCount(await this.expectOk(cmd.templateNum()));
  }

  /** Slots holding a template, ascending: ReadIndexTable over as many pages as the library needs. */
  async usedSlots(): Promise<number[]> {
    const { librarySize } = await this.knownParameters();
    const pages = Math.min(cmd.INDEX_PAGES, Math.ceil(librarySize / cmd.SLOTS_PER_INDEX_PAGE));
    const slots: number[] = [];
    for (let page = 0; page < pages; page++) {
      slots.push(...decodeIndexTable(await this.expectOk(cmd.readIndexTable(page)), page));
    }
    return slots.filter((slot) => slot < librarySize);
  }

  /** The lowest slot that holds no template and is not in `exclude` (slots promised elsewhere), or null. */
  async nextFreeSlot(exclude: Iterable<number> = []): Promise<number | null> {
    const { librarySize } = await this.knownParameters();
    const taken = new Set([...(await this.usedSlots()), ...exclude]);
    for (let slot = 0; slot < librarySize; slot++) if (!taken.has(slot)) return slot;
    return null;
  }

  /** GenImg: true when an image was taken, false when there is no finger. 03 throws ModuleError. */
  async captureImage(): Promise<boolean> {
    const { code } = await this.expect(cmd.genImg(), Confirmation.ok, Confirmation.no_finger);
    return code === Confirmation.ok;
  }

  /** Img2Tz: 06 messy, 07 few features and 15 invalid image throw ModuleError. */
  async convertImage(buffer: cmd.CharBuffer): Promise<void> {
    await this.expectOk(cmd.img2Tz(buffer));
  }

  /** RegModel: merges buffers 1 and 2 into both; 0A (different fingers) throws ModuleError. */
  async createModel(): Promise<void> {
    await this.expectOk(cmd.regModel());
  }

  /** Match of buffer 1 against buffer 2: the score, or null when they do not match. */
  async matchBuffers(): Promise<number | null> {
    const answer = await this.expect(cmd.match(), Confirmation.ok, Confirmation.no_match);
    return answer.code === Confirmation.ok ? decodeMatchScore(answer.data) : null;
  }

  /** Searches the whole library for the character file in `buffer`. */
  async searchLibrary(buffer: cmd.CharBuffer = 1): Promise<Hit | null> {
    const { librarySize } = await this.knownParameters();
    const answer = await this.expect(cmd.search(buffer, 0, librarySize), Confirmation.ok, Confirmation.not_found);
    if (answer.code !== Confirmation.ok) return null;
    const { page, score } = decodeSearch(answer.data);
    return { slot: page, score };
  }

  /** Store: 0B bad slot and 18 flash write error throw ModuleError. */
  async store(buffer: cmd.CharBuffer, slot: number): Promise<void> {
    await this.expectOk(cmd.store(buffer, slot));
  }

  async deleteSlot(slot: number): Promise<void> {
    await this.expectOk(cmd.deletChar(slot, 1));
  }

  /**
   * One identification attempt: GenImg → Img2Tz(1) → Search(1, 0, librarySize). `no_finger` when the
   * glass is empty, null when the finger matched no template. Image problems throw ModuleError.
   */
  async identify(): Promise<Hit | null | 'no_finger'> {
    const timeouts = this.link.timeouts;
    if (!(await this.captureImage())) return 'no_finger';
    await this.convertImage(1);
    const hit = await this.searchLibrary(1);
    // After a timeout anywhere in the sequence, a late answer may have been taken for a later
    // command's (the protocol has no sequence numbers): a Search answer could belong to the previous
    // person's press. Naming the wrong person is worse than asking for the press again.
    if (this.link.timeouts !== timeouts) throw new ModuleTimeoutError('identify', 0, 0, 'A command timed out during identification, so answers may be out of step; the result was dropped');
    return hit;
  }

  /** Timeouts on this connection so far. */
  get timeouts(): number {
    return this.link.timeouts;
  }

  private async knownParameters(): Promise<SystemParameters> {
    return this.parameters ?? (await this.readSystemParameters());
  }

  private async expectOk(command: cmd.Command): Promise<Uint8Array> {
    return (await this.expect(command, Confirmation.ok)).data;
  }

  private async expect(command: cmd.Command, ...accepted: number[]): Promise<Answer> {
    const answer = await this.link.send(command);
    if (!accepted.includes(answer.code)) throw new ModuleError(instructionName(command.instruction), answer.code);
    return answer;
  }
}
