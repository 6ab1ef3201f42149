import { financeRow as row, financeSchool as school, run, sheet } from '../ledgers-grid';

describe('cross-ledger: students against the sum of classes', () => {
  it('a mismatch is a data finding on the students cell and on the first class row', () => {
    const classes = sheet('班级台账', [['学校名称', '年级', '班级', '班级人数'], ['甲小学', '一年级', '1班', 40], ['甲小学', '二年级', '1班', 41], ['乙小学', '一年级', '1班', 30]]);
    const r = run([school(row('甲小学', '小学', 80)), classes]);
    const d = r.findings.filter((f) => /不一致/.test(f.message));
    expect(d.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['学校台账!C2', '班级台账!D2']);
    expect(d[0].message).toBe('学校台账「在校生数」填 80 人，班级台账中该校各班人数合计 81 人，两者不一致，请核实');
    expect(r.findings.filter((f) => /“乙小学”在学校台账中找不到/.test(f.message))).toHaveLength(1);
    expect(run([school(row('甲小学', '小学', 81)), classes]).findings.filter((f) => /不一致/.test(f.message))).toEqual([]);
  });
});
