/**
 * Sample answers for looking at the pane outside Excel (taskpane.html?demo). Not the engine: fixed
 * data in the shapes the real backend returns. Loaded only when asked for.
 */
import type { Finding } from '../ledger/finding';
import { DEFAULT_WORKBOOK_SETTINGS, type WorkbookSettings } from '../host/settings-values';
import { SUMMARY_SHEETS } from '../ledger/tool-sheets';
import { PHASES, type CheckOutcome, type PaneBackend, type Progress } from './backend';

let demoSettings: WorkbookSettings = JSON.parse(JSON.stringify(DEFAULT_WORKBOOK_SETTINGS)) as WorkbookSettings;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const finding = (f: Partial<Finding> & Pick<Finding, 'message'>): Finding => ({
  kind: 'compliance',
  indicator: null,
  sheet: null,
  cell: null,
  school: null,
  stage: null,
  actual: null,
  required: null,
  gap: null,
  departments: [],
  ...f,
});

const OUTCOME: CheckOutcome = {
  parts: [
    { part: '资源配置', findings: 3, schools: 12, passed: 10 },
    { part: '政府保障程度', findings: 1 },
    { part: '教育质量', findings: 0 },
    { part: '社会认可度', findings: 0 },
  ],
  indicators: {
    R1: { name: '每百名学生拥有高于规定学历教师数', part: '资源配置' },
    R4: { name: '生均教学及辅助用房面积', part: '资源配置' },
    G3: { name: '小学、初中音乐、美术专用教室', part: '政府保障程度' },
  },
  marked: 5,
  findings: [
    finding({ indicator: 'R1', sheet: '学校基本情况', cell: 'F5', school: '城关一小', stage: '小学', actual: 3.9, required: 4.2, gap: 0.3, message: '城关一小（小学）每百名学生拥有高于规定学历教师数 3.90 人，未达到 4.2 人，差 0.30 人。' }),
    finding({ indicator: 'R1', sheet: '学校基本情况', cell: 'F9', school: '河西中学', stage: '初中', actual: 4.8, required: 5.3, gap: 0.5, message: '河西中学（初中）每百名学生拥有高于规定学历教师数 4.80 人，未达到 5.3 人，差 0.50 人。' }),
    finding({ indicator: 'R4', sheet: '学校基本情况', cell: 'I7', school: '南山小学', stage: '小学', actual: 4.1, required: 4.5, gap: 0.4, message: '南山小学（小学）生均教学及辅助用房面积 4.10 ㎡，未达到 4.5 ㎡，差 0.40 ㎡。' }),
    finding({ indicator: 'G3', sheet: '学校基本情况', cell: 'M7', school: '南山小学', message: '南山小学音乐专用教室 0 间，按班级数应至少 1 间。' }),
    finding({ kind: 'data', sheet: '学校基本情况', cell: 'D11', school: '北坡教学点', message: '学校基本情况!D11 “暂无” 不是数字，已按缺失处理。' }),
  ].map((f, i) => ({ ...f, status: i % 2 ? ('新发现' as const) : ('仍未整改' as const), firstSeen: i % 2 ? '2026-11-29' : '2026-10-08' })),
  trend: {
    runs: [
      { at: '2026-10-08', open: 9 },
      { at: '2026-11-05', open: 6 },
      { at: '2026-11-29', open: 4 },
    ],
    previousAt: '2026-11-05',
    fresh: 2,
    still: 2,
    resolved: 4,
  },
  plans: {
    schools: [
      { school: '城关一小', stage: '小学', options: [{ text: '再配备 1 名本科及以上学历教师' }] },
      {
        school: '南山小学',
        stage: '小学',
        options: [{ text: '增加教学及辅助用房 120 ㎡', cost: '36 万元' }, { text: '再配备 1 名县级及以上骨干教师，增加教学及辅助用房 80 ㎡', cost: '24 万元', partial: true }],
      },
      { school: '河西中学', stage: '初中', options: [{ text: '再配备 1 名硕士及以上学历教师' }] },
    ],
    cv: [
      {
        indicator: 'R4',
        stage: '小学',
        title: '小学 生均教学及辅助用房面积',
        value: '0.52',
        limit: '0.50',
        shares: [
          { school: '城关一小', share: 0.46, position: 'above' },
          { school: '南山小学', share: 0.31, position: 'below' },
          { school: '东关小学', share: 0.23, position: 'below' },
        ],
        text: '小学 生均教学及辅助用房面积 校际差异系数 0.52 → 0.50：南山小学增加 120 ㎡、东关小学增加 35 ㎡',
        additions: [
          { school: '南山小学', text: '增加 120 ㎡' },
          { school: '东关小学', text: '增加 35 ㎡' },
        ],
      },
    ],
  },
};

export const demoBackend: PaneBackend = {
  async detect() {
    await wait(300);
    return {
      standardName: '县域义务教育优质均衡发展督导评估办法（教督〔2017〕6号）',
      ledgers: [
        {
          sheet: '学校基本情况',
          kind: 'school',
          headerRows: [3, 4],
          rows: 12,
          missing: [],
          fields: [
            { field: 'name', label: '学校名称', column: 'B' },
            { field: 'students', label: '在校生数', column: 'D' },
          ],
          choices: [
            { column: 'A', header: '序号' },
            { column: 'B', header: '学校名称' },
            { column: 'C', header: '学校类型' },
            { column: 'D', header: '在校生数' },
            { column: 'E', header: '在校生数（含附设班）' },
          ],
        },
        { sheet: '班额统计', kind: 'class', headerRows: [2], rows: 214, missing: ['年级'] },
      ],
    };
  },
  async check(onProgress: (p: Progress) => void) {
    for (const phase of PHASES) {
      for (const fraction of [0, 0.5, 1]) {
        onProgress({ phase, fraction });
        await wait(120);
      }
    }
    return OUTCOME;
  },
  async historyRuns() {
    return OUTCOME.trend?.runs.length ?? 0;
  },
  async clear() {
    await wait(200);
    return { restored: OUTCOME.marked };
  },
  async summarize() {
    await wait(200);
    return { sheets: [...SUMMARY_SHEETS] };
  },
  async select() {
    await wait(50);
  },
  async loadSettings() {
    return demoSettings;
  },
  async saveSettings(s) {
    demoSettings = s;
  },
  async diagnose() {
    await wait(200);
    const items = [
      { id: 'host', label: '在 Excel 中运行', ok: false, detail: '这是演示页面，不在 Excel 中：请在 Excel 的任务窗格中运行诊断。' },
      { id: 'browser', label: '浏览器', ok: true, detail: navigator.userAgent },
    ];
    return { items, report: `均衡自查 诊断报告（演示页面）\n${items.map((i) => `${i.ok ? '✓' : '✗'} ${i.label}：${i.detail}`).join('\n')}` };
  },
};
