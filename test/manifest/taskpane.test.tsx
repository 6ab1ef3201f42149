/**
 * The add-in shell without Excel: locale choice, findings grouping/filtering, the ribbon commands'
 * completion and Chinese error text, and a server render of the pane with the placeholder backend.
 */
import { renderToString } from 'react-dom/server';
import type { Finding } from '../../src/ledger/finding';
import { App } from '../../src/taskpane/App';
import { BackendError, errorCode, placeholderBackend, type PaneBackend } from '../../src/taskpane/backend';
import { groupFindings, matches } from '../../src/taskpane/findings';
import { pickLocale, STRINGS } from '../../src/taskpane/i18n';
import { clearMarks, runCheck, setCommandBackend, setNotifier } from '../../src/commands/commands';

const zh = STRINGS['zh-CN'];

const f = (x: Partial<Finding>): Finding => ({
  kind: 'compliance', indicator: null, sheet: null, cell: null, school: null, stage: null,
  actual: null, required: null, gap: null, message: '', departments: [], ...x,
});

describe('locale', () => {
  it.each([
    ['zh-CN', 'zh-CN'], ['zh-TW', 'zh-CN'], ['en-US', 'en-US'], ['EN-gb', 'en-US'], ['en', 'en-US'],
    ['fr-FR', 'zh-CN'], ['', 'zh-CN'], [undefined, 'zh-CN'], [null, 'zh-CN'],
  ])('%s → %s', (lang, want) => expect(pickLocale(lang as string | undefined)).toBe(want));

  it('English has every key Chinese has', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(STRINGS['en-US']).sort()).toEqual(keys(zh).sort());
  });
});

describe('findings list', () => {
  const indicators = { R1: { name: '每百名学生拥有高于规定学历教师数', part: '资源配置' }, G3: { name: '音乐、美术专用教室', part: '政府保障程度' } };
  const list = [
    f({ indicator: 'R1', school: '城关一小', sheet: '学校', cell: 'F5', message: '城关一小 R1 未达标' }),
    f({ kind: 'data', sheet: '学校', cell: 'D11', message: '“暂无” 不是数字' }),
    f({ indicator: 'G3', school: '南山小学', sheet: '学校', cell: 'M7', message: '南山小学音乐专用教室不足' }),
    f({ indicator: 'R1', school: '河西中学', sheet: '学校', cell: 'F9', message: '河西中学 R1 未达标' }),
  ];

  it('groups by indicator in the standard\'s order (as `indicators` lists them), data problems last', () => {
    const g = groupFindings(list, indicators, zh);
    expect(g.map((x) => x.title)).toEqual(['R1 每百名学生拥有高于规定学历教师数', 'G3 音乐、美术专用教室', '数据问题']);
    expect(g[0].findings).toHaveLength(2);
    const later = [list[2], list[1], list[0]];
    expect(groupFindings(later, indicators, zh).map((x) => x.key)).toEqual(['R1', 'G3', '']);
  });

  it('finds an indicator by its full wording when the list shows the short name', () => {
    const short = { ...indicators, G3: { name: '音乐美术专用教室', full: '每12个班级配备音乐、美术专用教室1间以上', part: '政府保障程度' } };
    expect(list.filter((x) => matches(x, '每12个班级', short))).toHaveLength(1);
  });

  it('filters by school, cell address, indicator name, several words', () => {
    expect(list.filter((x) => matches(x, '南山', indicators))).toHaveLength(1);
    expect(list.filter((x) => matches(x, '学校!F9', indicators))).toHaveLength(1);
    expect(list.filter((x) => matches(x, '学历教师', indicators))).toHaveLength(2);
    expect(list.filter((x) => matches(x, 'r1 河西', indicators))).toHaveLength(1);
    expect(list.filter((x) => matches(x, '  ', indicators))).toHaveLength(4);
  });
});

describe('backend errors', () => {
  it('the placeholder answers 尚未接入 for every call', async () => {
    for (const call of [() => placeholderBackend.detect(), () => placeholderBackend.check(() => undefined), () => placeholderBackend.clear(), () => placeholderBackend.summarize(), () => placeholderBackend.select('a', 'A1')]) {
      await expect(call()).rejects.toBeInstanceOf(BackendError);
    }
    expect(zh.errors['not-connected']).toMatch(/^尚未接入/);
  });

  it('an unknown error never shows its own text', () => {
    expect(errorCode(new Error('GeneralException: RichApi.Error'))).toBe('unknown');
    expect(zh.errors[errorCode(new Error('x'))]).not.toContain('x');
  });
});

describe('ribbon commands', () => {
  afterEach(() => setCommandBackend(placeholderBackend));

  it.each([
    ['runCheck', runCheck],
    ['clearMarks', clearMarks],
  ])('%s shows a Chinese message and completes the event', async (_name, fn) => {
    const shown: string[] = [];
    setNotifier(async (title, text, kind) => void shown.push(`${kind}|${title}|${text}`));
    const completed = jest.fn();
    await fn({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^error\|均衡自查：.*\|尚未接入/);
  });

  it('completes the event even when the notice itself fails', async () => {
    setNotifier(() => Promise.reject(new Error('dialog blocked')));
    const fake: PaneBackend = { ...placeholderBackend, clear: async () => ({ restored: 3 }) };
    setCommandBackend(fake);
    const completed = jest.fn();
    await clearMarks({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe('pane (server render, no Office)', () => {
  it('renders the first screen in Chinese', () => {
    const html = renderToString(<App backend={placeholderBackend} officeLocale="zh-CN" />);
    for (const s of ['均衡自查', '县域义务教育优质均衡发展督导评估办法', '台账识别', '开始自查', '生成汇总表', '清除标记']) expect(html).toContain(s);
  });

  it('renders detected ledgers and English when Office is English', () => {
    const html = renderToString(
      <App
        backend={placeholderBackend}
        officeLocale="en-US"
        initialDetect={{ standardName: 'S-2017', ledgers: [{ sheet: '学校基本情况', kind: 'school', headerRows: [3, 4], rows: 12, missing: ['年级'] }] }}
      />,
    );
    for (const s of ['Junheng self-check', 'S-2017', '学校基本情况', 'School ledger', '12 data rows', 'missing columns: 年级', 'Start check']) expect(html).toContain(s);
  });
});
