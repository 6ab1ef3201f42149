/**
 * 学校自评表 of the demo's schools: each school's figures against an independent computation from the demo's
 * planted facts (test/fixtures/demo-facts.ts and the demo plan's teacher list), the form's shape (columns, A 级指标
 * merges, title block, signature, print setup), the sheet and file names. The forms are also written through the
 * test-only renderer (set SCHOOL_FORM_XLSX_DIR to keep the file and look at it).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { demoPlan } from '../../../src/sample/demo';
import { checkWorkbook } from '../../../src/report/engine';
import type { EngineOutput } from '../../../src/report/engine-types';
import type { SheetModel } from '../../../src/report/model';
import {
  buildSchoolForms, chooseSchools, SCHOOL_FORM_SIGNATURE, SCHOOL_FORM_TITLE, schoolFormFileName, schoolFormSheetName,
} from '../../../src/report/school-form';
import { nationalStandard } from '../../../src/standard';
import { demoWorkbookFacts as facts } from '../../fixtures/demo-facts';
import { demoGrids } from '../../fixtures/demo-grids';
import { renderForm } from '../national/render-helper';

const std = nationalStandard();
const ctx = { std, workbook: '示例县台账.xlsx', date: new Date(2026, 10, 1) };
const f2 = (v: number) => (Math.round(v * 100 + 1e-9) / 100).toFixed(2);
const pct1 = (share: number) => `${(Math.round(share * 1000 + 1e-9) / 10).toFixed(1)}%`;

describe('学校自评表 (the demo)', () => {
  let out: EngineOutput;
  let forms: SheetModel[];
  const formOf = (school: string) => {
    const f = forms.find((m) => m.subtitle.startsWith(`学校名称：${school}　`));
    if (!f) throw new Error(school);
    return f;
  };
  const rowOf = (m: SheetModel, start: string) => {
    // By the B 级指标 text, with or without its number.
    const r = m.rows.find((x) => [String(x[1].value), String(x[1].value).replace(/^\d+\. /, '')].some((t) => t.startsWith(start)));
    if (!r) throw new Error(`${m.name}: ${start}`);
    return { conclusion: r[2].value, pass: r[3].value };
  };
  const rIndex = (id: string) => Number(id.slice(1));
  const rRow = (m: SheetModel, id: string) => rowOf(m, `${rIndex(id)}. ${std.indicators[id as 'R1'].name}`);

  beforeAll(async () => {
    out = checkWorkbook(await demoGrids(), std, ctx);
    forms = buildSchoolForms({ ledgers: out.ledgers, result: out.result }, ctx, 'all', out.sheets.map((s) => s.name)).forms;
  });

  it('gives one form per school, with legal, unique sheet names', () => {
    expect(forms).toHaveLength(facts.schoolCount);
    const names = forms.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) {
      expect([...n].length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\\/?*[\]:]/);
      expect(out.sheets.map((s) => s.name)).not.toContain(n);
    }
  });

  it('has the form\'s columns, A 级指标 merged down its rows, the title block and the school\'s signature line', () => {
    const m = formOf('石门乡中心小学');
    expect(m.title).toBe(SCHOOL_FORM_TITLE);
    expect(m.headerRows).toEqual([['A 级指标', 'B 级指标及评估要点', '指标值或简要结论', '是否达标']]);
    const P = facts.schools.find((s) => s.name === '石门乡中心小学')!.students.小学;
    expect(m.subtitle).toBe(`学校名称：石门乡中心小学　　学段：小学　　在校生数：${P} 人`);
    expect(m.signature).toEqual(SCHOOL_FORM_SIGNATURE);
    expect(m.signature?.[0]).toBe('学校（盖章）：');
    expect(m.print).toMatchObject({ orientation: 'portrait', fitToWidth: true });
    // 资源配置: R1–R7 and the 综合 row under one merged A cell.
    expect(m.rows[0][0].value).toBe('资源配置');
    expect(m.merges).toContainEqual({ row: 0, col: 0, rows: 8, cols: 1 });
    const groups = m.rows.map((r) => r[0].value).filter((v) => v !== '');
    expect(groups).toEqual(['资源配置', '政府保障程度', '教育质量'].filter((g) => groups.includes(g)));
  });

  it('writes each 资源配置 figure of a one-学段 school out, as computed here from the planted facts', () => {
    for (const name of ['石门乡中心小学', '马圪当乡中心小学']) {
      const s = facts.schools.find((x) => x.name === name)!;
      if (facts.typingSlips.some((t) => t.school === name)) continue;
      const P = s.students.小学 ?? 0;
      const m = formOf(name);
      const per100 = (q: number) => f2((q / P) * 100);
      expect(rRow(m, 'R1').conclusion).toBe(`学校拥有高于规定学历教师数 ${s.degreeTeachers.小学} 人，在校生 ${P} 人；每百名学生拥有 ${per100(s.degreeTeachers.小学 ?? 0)} 人`);
      expect(rRow(m, 'R2').conclusion).toBe(`学校拥有县级及以上骨干教师数 ${s.backboneTeachers} 人，在校生 ${P} 人；每百名学生拥有 ${per100(s.backboneTeachers)} 人`);
      expect(rRow(m, 'R4').conclusion).toBe(`学校教学及辅助用房面积 ${Number.isInteger(s.floorArea) ? s.floorArea : s.floorArea.toFixed(2)} ㎡，在校生 ${P} 人；生均 ${f2(s.floorArea / P)} ㎡`);
      expect(rRow(m, 'R6').conclusion).toBe(`学校拥有教学仪器设备值 ${s.equipmentValue} 元，在校生 ${P} 人；生均 ${f2(s.equipmentValue / P)} 元`);
      expect(rRow(m, 'R7').conclusion).toBe(`学校拥有网络多媒体教室 ${s.multimediaRooms} 间，在校生 ${P} 人；每百名学生拥有 ${per100(s.multimediaRooms)} 间`);
      // 是否达标 against the thresholds, here.
      const th = (id: 'R1' | 'R4' | 'R5' | 'R7') => std.indicators[id].thresholds.小学;
      expect(rRow(m, 'R4').pass).toBe(s.floorArea / P >= th('R4') ? '是' : '否');
      expect(rRow(m, 'R5').pass).toBe(s.sportsArea / P >= th('R5') ? '是' : '否');
      expect(rRow(m, 'R7').pass).toBe((s.multimediaRooms / P) * 100 >= th('R7') ? '是' : '否');
    }
    // The planted 未达标 schools: 综合 否 and the short indicators 否.
    for (const f of facts.resourceFailures.filter((x) => x.stage === '小学')) {
      const m = formOf(f.school);
      expect(rowOf(m, '8. 资源配置综合评估').pass).toBe('否');
      for (const id of f.indicators) expect(rRow(m, id).pass).toBe('否');
    }
  });

  it('apportions a 九年一贯制 school\'s whole-school figure 1 : 1.1 and shows both 学段', () => {
    const { school } = facts.passWithOneShort[0];
    const s = facts.schools.find((x) => x.name === school)!;
    const P1 = s.students.小学 ?? 0;
    const P2 = s.students.初中 ?? 0;
    const [w1, w2] = std.settings.apportion.primaryJunior;
    const denom = w1 * P1 + w2 * P2;
    const m = formOf(school);
    expect(m.subtitle).toBe(`学校名称：${school}　　学段：小学、初中　　在校生数：${P1 + P2} 人（小学 ${P1} 人，初中 ${P2} 人）`);
    const area = Number.isInteger(s.floorArea) ? String(s.floorArea) : s.floorArea.toFixed(2);
    expect(rRow(m, 'R4').conclusion).toBe(
      `学校教学及辅助用房面积：${area} ㎡（全校）；生均：小学 ${f2((s.floorArea * w1) / denom)} ㎡，初中 ${f2((s.floorArea * w2) / denom)} ㎡（全校数值按加权学生数分摊到各学段）`,
    );
    // 初中 is short of R4 but within 85 %: R4 否, the school still passes 综合.
    expect(rRow(m, 'R4').pass).toBe('否');
    expect(rowOf(m, '8. 资源配置综合评估').pass).toBe('是');
    expect(rRow(m, 'R4').conclusion).toContain('初中');
    expect(rRow(m, 'R1').conclusion).toBe(
      `学校拥有高于规定学历教师数：小学 ${s.degreeTeachers.小学} 人，初中 ${s.degreeTeachers.初中} 人；每百名学生拥有：小学 ${f2(((s.degreeTeachers.小学 ?? 0) / P1) * 100)} 人，初中 ${f2(((s.degreeTeachers.初中 ?? 0) / P2) * 100)} 人`,
    );
  });

  it('counts the school\'s classes, teachers and certificates from the ledgers\' rows', () => {
    // G5: the classes over the limit, per school and 学段.
    for (const school of new Set(facts.oversizedClasses.map((c) => c.school))) {
      const over = facts.oversizedClasses.filter((c) => c.school === school);
      const g5 = rowOf(formOf(school), std.indicators.G5.name);
      for (const st of new Set(over.map((c) => c.stage))) expect(g5.conclusion).toContain(`${st}班级`);
      for (const st of new Set(over.map((c) => c.stage))) {
        const n = over.filter((c) => c.stage === st).length;
        expect(g5.conclusion).toContain(`超过 ${std.indicators.G5.thresholds[st as '小学']} 人的 ${n} 个`);
      }
      expect(g5.pass).toBe('否');
    }
    // G9: the school's teachers and those with 360 hours, counted from the demo plan's teacher list.
    const hours = std.indicators.G9.thresholds.hours;
    for (const h of facts.shortHours) {
      const mine = demoPlan.teachers.filter((t) => t.school === h.school);
      const done = mine.filter((t) => t.hours >= hours).length;
      expect(rowOf(formOf(h.school), std.indicators.G9.name)).toEqual({
        conclusion: `完成 ${hours} 学时培训的教师 ${done} 人，本校教师 ${mine.length} 人，教师培训完成率 ${pct1(done / mine.length)}`,
        pass: '否',
      });
    }
    const full = demoPlan.teachers.filter((t) => t.school === facts.exactHours.school);
    expect(rowOf(formOf(facts.exactHours.school), std.indicators.G9.name).pass).toBe(full.every((t) => t.hours >= hours) ? '是' : '否');
    // G12: the 专任 teachers and those with a certificate.
    const cert = demoPlan.teachers.filter((t) => t.school === facts.noCertificate.school && t.fullTime === '是');
    // 有, or a certificate number.
    const certified = cert.filter((t) => t.certificate === '有' || /^\d{6,}$/.test(t.certificate)).length;
    expect(rowOf(formOf(facts.noCertificate.school), std.indicators.G12.name)).toEqual({
      conclusion: `专任教师 ${cert.length} 人，持有教师资格证 ${certified} 人，持证上岗率 ${pct1(certified / cert.length)}`,
      pass: '否',
    });
  });

  it('G4, G3, G6, Q3, Q4 where the school ledger gives them', () => {
    for (const o of facts.oversizedSchools) {
      expect(rowOf(formOf(o.school), std.indicators.G4.name)).toEqual({ conclusion: `在校生 ${o.students} 人（标准 ≤ ${o.limit} 人）`, pass: '否' });
    }
    for (const g of facts.musicRoomShort) {
      const r = rowOf(formOf(g.school), std.indicators.G3.name);
      expect(r.conclusion).toContain(`班级 ${g.classes} 个，按每 12 个班 1 间应各有 ${g.required} 间；音乐专用教室 ${g.musicRooms} 间`);
      expect(r.pass).toBe('否');
    }
    // 学校规模 counts 义务教育 students only: never 高中.
    const withSenior = facts.schools.filter((x) => (x.students.高中 ?? 0) > 0);
    expect(withSenior.length).toBeGreaterThan(0);
    for (const x of withSenior) {
      const th = std.indicators.G4.thresholds;
      const limit = x.type === '十二年一贯制' || x.type === '九年一贯制' ? th[x.type] : x.type === '完全中学' ? th.初中 : th.小学;
      expect(rowOf(formOf(x.name), std.indicators.G4.name).conclusion).toBe(`义务教育阶段在校生 ${(x.students.小学 ?? 0) + (x.students.初中 ?? 0)} 人（标准 ≤ ${limit} 人）`);
    }
    // A 特殊教育学校: no 资源配置, no 班额 or 学校规模 rows; its 生均公用经费 (G7).
    for (const x of facts.schools.filter((y) => y.type === '特殊教育学校')) {
      const items = formOf(x.name).rows.map((r) => String(r[1].value));
      expect(items.some((t) => t.includes(std.indicators.R1.name))).toBe(false);
      expect(items.some((t) => t.includes(std.indicators.G5.name) || t.includes(std.indicators.G4.name))).toBe(false);
      expect(items.some((t) => t.includes(std.indicators.G7.name))).toBe(true);
    }
    expect(rowOf(formOf(facts.g6.school), std.indicators.G6.name).pass).toBe('否');
    expect(rowOf(formOf(facts.q3.school), std.indicators.Q3.name)).toEqual({ conclusion: '学校未制定章程', pass: '否' });
    expect(rowOf(formOf(facts.q4.fail.school), std.indicators.Q4.name).pass).toBe('否');
    expect(rowOf(formOf(facts.q4.exact.school), std.indicators.Q4.name).pass).toBe('是');
  });

  it('chooses named schools, says which names it does not know', () => {
    const src = { ledgers: out.ledgers, result: out.result };
    const c = chooseSchools(src, ['石门乡中心小学', '没有这所学校', '石门乡中心小学']);
    expect(c.schools.map((s) => s.name)).toEqual(['石门乡中心小学']);
    expect(c.unknown).toEqual(['没有这所学校']);
  });

  it('writes through the renderer and reads back', async () => {
    const wb = new ExcelJS.Workbook();
    const picked = forms.filter((f) => /石门乡中心小学|平城镇九年一贯制学校|示例县城关第一小学/.test(f.subtitle));
    for (const f of picked) renderForm(wb.addWorksheet(f.name), f);
    const file = join(process.env.SCHOOL_FORM_XLSX_DIR ?? mkdtempSync(join(tmpdir(), 'school-form-')), 'school-forms.xlsx');
    await wb.xlsx.writeFile(file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    expect(back.worksheets.map((w) => w.name)).toEqual(picked.map((f) => f.name));
    expect(back.worksheets[0].getCell(1, 1).value).toBe(SCHOOL_FORM_TITLE);
  });
});

describe('names', () => {
  it('sheet names: legal, at most 31 characters, unique against the workbook', () => {
    expect(schoolFormSheetName('城关[一]小:*?', new Set())).toBe('自评表-城关_一_小___');
    const long = '某某县某某镇某某村某某某某某某某某某某某某某某某某某某某某完全小学';
    const a = schoolFormSheetName(long, new Set());
    expect([...a].length).toBe(31);
    const b = schoolFormSheetName(long, new Set([a.toLowerCase()]));
    expect([...b].length).toBeLessThanOrEqual(31);
    expect(b).not.toBe(a);
  });

  it('file names: no character a file system refuses, no clash', () => {
    expect(schoolFormFileName('城关/一小:"x"', new Set())).toBe('城关_一小__x_-学校自评表.xlsx');
    expect(schoolFormFileName('..', new Set())).toBe('学校-学校自评表.xlsx');
    expect(schoolFormFileName('甲', new Set(['甲-学校自评表.xlsx']))).toBe('甲（2）-学校自评表.xlsx');
  });
});
