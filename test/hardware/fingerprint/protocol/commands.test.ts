import { describe, expect, it } from 'vitest';
import * as commands from '../../../../hardware/fingerprint/protocol/commands.js';
import { Confirmation, Instruction, confirmationName, instructionName } from '../../../../hardware/fingerprint/protocol/instructions.js';
import { commandPacket } from '../../../../hardware/fingerprint/protocol/packet.js';
import * as f from './fixtures.js';

const frame = (c: commands.Command) => commandPacket(c.instruction, c.params);

describe('command builders', () => {
  it.each([
    ['GenImg', commands.genImg(), f.GEN_IMG],
    ['Img2Tz(1)', commands.img2Tz(1), f.IMG2TZ_1],
    ['Img2Tz(2)', commands.img2Tz(2), f.IMG2TZ_2],
    ['Match', commands.match(), f.MATCH],
    ['Search(1, 0, 200)', commands.search(1, 0, 200), f.SEARCH_1_0_200],
    ['Search(1, 0, 1000)', commands.search(1, 0, 1000), f.SEARCH_1_0_1000],
    ['RegModel', commands.regModel(), f.REG_MODEL],
    ['Store(1, 7)', commands.store(1, 7), f.STORE_1_7],
    ['DeletChar(7, 1)', commands.deletChar(7, 1), f.DELET_CHAR_7_1],
    ['Empty', commands.empty(), f.EMPTY],
    ['ReadSysPara', commands.readSysPara(), f.READ_SYS_PARA],
    ['SetPwd(0x12345678)', commands.setPwd(0x12345678), f.SET_PWD_12345678],
    ['VfyPwd(0)', commands.vfyPwd(0), f.VFY_PWD_0],
    ['VfyPwd(0x12345678)', commands.vfyPwd(0x12345678), f.VFY_PWD_12345678],
    ['TemplateNum', commands.templateNum(), f.TEMPLATE_NUM],
    ['ReadIndexTable(0)', commands.readIndexTable(0), f.READ_INDEX_TABLE_0],
    ['ReadIndexTable(1)', commands.readIndexTable(1), f.READ_INDEX_TABLE_1],
  ])('frames %s byte for byte', (_name, command, expected) => {
    expect(frame(command)).toEqual(expected);
  });

  it('rejects parameters the module could not represent', () => {
    expect(() => commands.img2Tz(3 as 1)).toThrow(RangeError);
    expect(() => commands.store(1, 65_536)).toThrow(RangeError);
    expect(() => commands.store(1, -1)).toThrow(RangeError);
    expect(() => commands.deletChar(1.5, 1)).toThrow(RangeError);
    expect(() => commands.vfyPwd(2 ** 32)).toThrow(RangeError);
    expect(() => commands.readIndexTable(4)).toThrow(RangeError);
  });

  it('has no way to move images or templates off the sensor (no 08, 09, 0A, 0B)', () => {
    const codes = Object.values(Instruction) as number[];
    for (const forbidden of [0x08, 0x09, 0x0a, 0x0b]) expect(codes).not.toContain(forbidden);
  });
});

describe('code names', () => {
  it('names the confirmation codes the driver acts on', () => {
    expect(confirmationName(Confirmation.no_finger)).toBe('no_finger');
    expect(confirmationName(0x0a)).toBe('enrol_mismatch');
    expect(confirmationName(0x13)).toBe('wrong_password');
    expect(confirmationName(0x15)).toBe('invalid_image');
  });

  it('names unknown codes by their value', () => {
    expect(confirmationName(0xfe)).toBe('unknown_0xFE');
    expect(instructionName(0x04)).toBe('Search');
    expect(instructionName(0x42)).toBe('0x42');
  });
});
