/**
 * The sample county workbook of `junheng demo` (示例县), for the demo, the pane's screenshots and the tests:
 * the planned schools (`demo-schools.ts`) and teachers (`demo-teachers.ts`) in the sample layout, with typing
 * slips planted the way people type (暂无, full-width digits, 1,234, 人 after a number) and the county's own
 * figures on 县级数据. Identical content on every call; `demoPlan` says what was planted, for the tests' oracle.
 */
import type ExcelJS from 'exceljs';
import { FINANCE, G6_SCHOOL, PARTS, PLAN, Q3_FAIL_SCHOOL, Q4_EXACT_SCHOOL, Q4_FAIL_SCHOOL, STD, type PlannedSchool } from './demo-schools';
import {
  HOURS_EXACT,
  HOURS_SHORT,
  MISMATCH_BACKBONE,
  MISMATCH_DEGREE,
  NO_CERTIFICATE,
  TEACHERS,
  UNKNOWN_SCHOOL,
} from './demo-teachers';
import { FIRST_ROWS, SAMPLE_SHEETS, SCHOOL_COLUMNS as C, cellAddr, sampleTitles, toFullWidth } from './layout';
import { writeSampleWorkbook, type SampleColumn, type SampleCounty } from './write';

export type { DemoType, Part, PlannedSchool } from './demo-schools';

export const DEMO_SCHOOL_SHEET = SAMPLE_SHEETS.school;
export const DEMO_CLASS_SHEET = SAMPLE_SHEETS.class;
export const DEMO_TEACHER_SHEET = SAMPLE_SHEETS.teacher;
export const DEMO_COUNTY_SHEET = SAMPLE_SHEETS.county;
export const DEMO_NOTES_SHEET = SAMPLE_SHEETS.notes;

const COUNTY = '示例县';
const TITLES = sampleTitles(COUNTY);

interface Slip {
  school: string;
  col: number;
  render: (v: number) => string;
  meant: (v: number) => number | null;
}

const SLIPS: Slip[] = [
  { school: '南岭镇中心小学', col: C.media, render: () => '暂无', meant: () => null },
  { school: '槲树庄教学点', col: C.floor, render: (v) => toFullWidth(String(v)), meant: (v) => v },
  { school: '示例县城关第三小学', col: C.sports, render: (v) => v.toLocaleString('en-US'), meant: (v) => v },
  { school: '北坡乡中心小学', col: C.stuP, render: (v) => `${v}人`, meant: (v) => v },
];

function schoolRowValues(s: PlannedSchool, seq: number): (string | number | null)[] {
  const f = FINANCE.get(s.spec.name);
  const cells: [number, string | number | null | undefined][] = [
    [C.seq, seq], [C.name, s.spec.name], [C.type, s.spec.type],
    [C.stuP, s.students.小学], [C.stuJ, s.students.初中], [C.stuS, s.students.高中],
    [C.clsP, s.classes.小学], [C.clsJ, s.classes.初中], [C.clsS, s.classes.高中],
    [C.degP, s.degreeTeachers.小学], [C.degJ, s.degreeTeachers.初中],
    [C.backbone, s.backboneTeachers], [C.peArt, s.peArtTeachers], [C.floor, s.floorArea], [C.sports, s.sportsArea],
    [C.equip, s.equipmentWan], [C.media, s.multimediaRooms],
    [C.musicRooms, s.musicRooms], [C.musicArea, s.musicArea], [C.artRooms, s.artRooms], [C.artArea, s.artArea],
    [C.remark, s.spec.remark],
    ...(f
      ? ([
          [C.budget, f.budgetWan], [C.quota, f.quota], [C.training, f.trainingWan], [C.locale, f.locale],
          [C.boarding, f.boarding], [C.nearby, f.nearby], [C.charter, f.charter],
        ] as [number, string | number | null][])
      : []),
  ];
  const row = new Array<string | number | null>(C.charter).fill(null);
  for (const [col, v] of cells) row[col - 1] = v ?? null;
  for (const slip of SLIPS) {
    if (slip.school !== s.spec.name) continue;
    const v = row[slip.col - 1];
    if (typeof v === 'number') row[slip.col - 1] = slip.render(v);
  }
  return row;
}

const TEACHER_COLUMNS: SampleColumn[] = [
  { header: '序号', width: 6 },
  { header: '姓名', width: 10 },
  { header: '学校', width: 24, align: 'left' },
  { header: '学段', width: 6 },
  { header: '学历', width: 10 },
  { header: '骨干级别', width: 8 },
  { header: '任教学科', width: 12 },
  { header: '是否专任', width: 8 },
  { header: '教师资格证', width: 20 },
  { header: '五年培训学时', width: 10 },
  { header: '是否符合交流条件', width: 10 },
  { header: '本年度是否交流轮岗', width: 10 },
];
/** The teacher ledger's columns (1-based). */
const TC = { name: 2, school: 3, stage: 4, degree: 5, backbone: 6, subject: 7, fullTime: 8, certificate: 9, hours: 10, eligible: 11, rotated: 12 } as const;

/** County figures: G8 pay under the civil servants', G14 48 %, Q2 written as a bare 1 (ambiguous), S1 exactly 85 %. */
const COUNTY_ROWS: [string, string | number, string][] = [
  ['教师平均工资收入（元）', 96500, '县人社局、县财政局提供，2022年度'],
  ['公务员平均工资收入（元）', 98000, '县人社局提供，2022年度'],
  ['绩效工资足额核定', '是', '按规定核定绩效工资总量'],
  ['优质高中招生名额分配比例', '48%', '县教育局，2022年中考'],
  ['随迁子女在公办学校和政府购买服务的民办学校就读比例', 0.91, ''],
  ['初中三年巩固率', 96.2, '按2019级学生计算'],
  ['残疾儿童少年入学率', 1, '县残联提供'],
  ['学业水平（国家义务教育质量监测）', 'Ⅲ级', '2021年监测结果'],
  ['校际差异率', 0.12, '2021年监测结果'],
  ['调查人数', 2000, '社会认可度问卷调查'],
  ['满意人数', 1320, ''],
  ['基本满意人数', 380, ''],
  ['不满意人数', 300, ''],
];

const NOTES = [
  '示例县义务教育优质均衡发展自查台账（示例数据）',
  '',
  '本工作簿为演示数据，学校、数字均为虚构，仅用于演示「均衡自查」的检查功能。',
  '工作表「学校基本情况台账」：每校一行，按学段分列在校生数、班级数等。',
  '工作表「班级台账」：每班一行，班级人数用于核查班额。',
  '工作表「教师台账」：每名教师一行，用于核查学历、骨干、培训学时、持证和交流轮岗。',
  '工作表「县级数据」：工资、招生名额分配、巩固率、入学率、质量监测和满意度调查等县级数据。',
  '',
  '报送要求：请各校于2022年9月10日前报县教育局督导室。',
  '联系人：督导室 王老师',
];

function demoCounty(): SampleCounty {
  return {
    county: COUNTY,
    lastSchoolColumn: C.charter,
    schools: PLAN.schools.map((s, i) => ({
      name: s.spec.name,
      row: schoolRowValues(s, i + 1),
      classes: PLAN.classes.filter((c) => c.school === s.spec.name),
    })),
    teachers: {
      columns: TEACHER_COLUMNS,
      rows: TEACHERS.map((t, i) => [i + 1, t.name, t.school, t.stage || null, t.degree, t.backbone, t.subject, t.fullTime, t.certificate, t.hours, t.eligible, t.rotated]),
    },
    countyRows: COUNTY_ROWS,
    notes: NOTES,
  };
}

/** The sample county workbook, built fresh (identical content on every call). */
export function buildDemoWorkbook(): ExcelJS.Workbook {
  return writeSampleWorkbook(demoCounty());
}

/** The plan the sample is written from and where it writes it; the expected results live in the tests. */
export const demoPlan = {
  std: STD,
  plan: PLAN,
  teachers: TEACHERS,
  slips: SLIPS,
  parts: PARTS,
  schoolRowValues,
  addr: cellAddr,
  columns: C,
  teacherColumns: TC,
  sheets: SAMPLE_SHEETS,
  titles: { school: TITLES.school, class: TITLES.class },
  firstRows: FIRST_ROWS,
  planted: {
    hoursShort: HOURS_SHORT,
    hoursExact: HOURS_EXACT,
    noCertificate: NO_CERTIFICATE,
    mismatchBackbone: MISMATCH_BACKBONE,
    mismatchDegree: MISMATCH_DEGREE,
    unknownSchool: UNKNOWN_SCHOOL,
    g6School: G6_SCHOOL,
    q4FailSchool: Q4_FAIL_SCHOOL,
    q4ExactSchool: Q4_EXACT_SCHOOL,
    q3FailSchool: Q3_FAIL_SCHOOL,
  },
};
