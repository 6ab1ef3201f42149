/** The command line as read by util.parseArgs: the same options, values and Chinese refusals as before. */
import { UsageError, parseArgs } from '../../src/cli/args';

function refusal(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('parseArgs', () => {
  it('reads the command, its files and every option, in any order', () => {
    expect(parseArgs(['check', 'a.xlsx', '--out', 'b.xlsx', '--json=r.json', '--standard', 's.json', '--in-place'])).toEqual({
      command: 'check',
      positional: ['a.xlsx'],
      options: { out: 'b.xlsx', json: 'r.json', standard: 's.json', 'in-place': true },
    });
    expect(parseArgs(['--in-place', 'clear', '--dir', 'd', 'x.xlsx', '--quiet', '--version'])).toEqual({
      command: 'clear',
      positional: ['x.xlsx'],
      options: { 'in-place': true, dir: 'd', quiet: true, version: true },
    });
    expect(parseArgs([])).toEqual({ command: null, positional: [], options: {} });
  });

  it('reads -h and --help as help', () => {
    expect(parseArgs(['-h']).options).toEqual({ help: true });
    expect(parseArgs(['check', '--help']).options).toEqual({ help: true });
  });

  it('a value option takes the next word whatever it is, and the last one wins', () => {
    expect(parseArgs(['check', 'a.xlsx', '--out', '-b.xlsx']).options).toEqual({ out: '-b.xlsx' });
    expect(parseArgs(['check', 'a.xlsx', '--out', '--json']).options).toEqual({ out: '--json' });
    expect(parseArgs(['check', 'a.xlsx', '--out', 'x.xlsx', '--out=y.xlsx']).options).toEqual({ out: 'y.xlsx' });
  });

  it('refuses a value option without a value', () => {
    expect(refusal(['check', 'a.xlsx', '--out'])).toBe('选项 --out 需要一个值');
    expect(refusal(['check', 'a.xlsx', '--json='])).toBe('选项 --json 需要一个值');
    expect(refusal(['check', 'a.xlsx', '--standard', ''])).toBe('选项 --standard 需要一个值');
  });

  it('refuses unknown options and flags given a value, quoting what was typed', () => {
    expect(refusal(['check', 'x.xlsx', '--fast'])).toBe('无法识别的选项 --fast');
    expect(refusal(['check', 'x.xlsx', '--fast=1'])).toBe('无法识别的选项 --fast=1');
    expect(refusal(['check', 'x.xlsx', '--in-place=yes'])).toBe('无法识别的选项 --in-place=yes');
    expect(refusal(['check', 'x.xlsx', '--Out', 'y.xlsx'])).toBe('无法识别的选项 --Out');
    expect(refusal(['check', 'x.xlsx', '-q'])).toBe('无法识别的选项 -q');
  });

  it('after --, every word is a file name', () => {
    expect(parseArgs(['check', '--', '-台账.xlsx'])).toEqual({ command: 'check', positional: ['-台账.xlsx'], options: {} });
  });
});
