/**
 * Reading a teacher ledger (教师台账, one row per teacher) into TeacherRecords. Cells are kept as typed text
 * (the checks interpret degrees, levels and 是/否 with the standard's settings); only 五年培训学时 is a
 * number. Linear in the rows: a city's 50 000 teachers are one pass.
 */
import type { HeaderMatch } from './header';
import { mergeIndex, mergedValue } from './rows';
import { SchoolColumn, SheetReader, dataRows, isRepeatedHeader, textCell, textOf } from './sheet-reader';
import type { DetectedLedger, TeacherRecord } from './types';

export function readTeacherRows(reader: SheetReader, match: HeaderMatch, ledger: DetectedLedger, out: TeacherRecord[]): void {
  const { grid, sheet } = reader;
  const col = (f: string) => match.columns.find((m) => m.field.field === f) ?? null;
  const nameCol = col('name');
  if (!nameCol) return;
  const schoolCol = col('school');
  const stageCol = col('stage');
  const degreeCol = col('degree');
  const backboneCol = col('backbone');
  const subjectCol = col('subject');
  const fullTimeCol = col('fullTime');
  const certCol = col('certificate');
  const hoursCol = col('hours');
  const eligibleCol = col('eligible');
  const rotatedCol = col('rotated');
  const start = match.rows[match.rows.length - 1] + 1;
  const schools = new SchoolColumn(reader, schoolCol ?? undefined, start);
  const stageIdx = stageCol ? mergeIndex(grid, stageCol.col, start) : null;
  for (const { r, row, afterNote } of dataRows(grid, match)) {
    const name = textOf(row ? row[nameCol.col] : undefined);
    if (!name || isRepeatedHeader(name, nameCol)) continue;
    if (afterNote) continue;
    const { school, ref: schoolRef } = schools.at(r);
    if (schoolCol && school === null) {
      reader.sink.data({
        indicator: null, sheet, cell: reader.addr(r, schoolCol.col), school: null, stage: null, actual: null,
        message: `教师“${name}”的「学校」未填写，无法计入各校的教师数`,
      });
    }
    let stage = textCell(reader, r, stageCol);
    if (stage && stage.text === '' && stageCol) {
      const sv = mergedValue(grid, r, stageCol.col, stageIdx);
      const t = textOf(sv.v);
      if (t) stage = { text: t, ref: reader.ref(sv.r, sv.c) };
    }
    ledger.rows++;
    out.push({
      sheet,
      row: grid.top + r,
      name,
      nameRef: reader.ref(r, nameCol.col),
      school,
      schoolRef,
      stage,
      degree: textCell(reader, r, degreeCol),
      backbone: textCell(reader, r, backboneCol),
      subject: textCell(reader, r, subjectCol),
      fullTime: textCell(reader, r, fullTimeCol),
      certificate: textCell(reader, r, certCol),
      hours: hoursCol ? reader.num(r, hoursCol, school, null) : null,
      eligible: textCell(reader, r, eligibleCol),
      rotated: textCell(reader, r, rotatedCol),
    });
  }
}
