import { countySheet as county, run } from '../ledgers-grid';

describe('county figures sheet', () => {
  it('Q9: Ⅲ级 and 0.149 pass; 0.15 fails (must stay below); Ⅱ级 fails; 是 counts as Ⅲ级以上', () => {
    expect(run([county([['学业水平', 'Ⅲ级'], ['校际差异率', 0.149]])]).item('Q9').status).toBe('达标');
    expect(run([county([['学业水平', 'Ⅲ级'], ['校际差异率', 0.15]])]).item('Q9').status).toBe('未达标');
    expect(run([county([['学业水平', 'Ⅱ级'], ['校际差异率', 0.1]])]).item('Q9').status).toBe('未达标');
    expect(run([county([['学业水平是否达到Ⅲ级以上', '是'], ['校际差异率', '12%']])]).item('Q9').status).toBe('达标');
  });
});
