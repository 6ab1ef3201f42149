import { countySheet as county, run } from '../ledgers-grid';

describe('county figures sheet', () => {
  it('S1 from a percentage or a tally ((满意 + 基本满意) ÷ 调查人数); 84.9 % fails, 85 % passes', () => {
    expect(run([county([['社会认可度', '84.9%'], ['初中三年巩固率', 96]])]).item('S1').status).toBe('未达标');
    expect(run([county([['满意度', 0.85], ['初中三年巩固率', 96]])]).item('S1').status).toBe('达标');
    const tally = run([county([['调查人数', 2000], ['满意人数', 1320], ['基本满意人数', 380], ['不满意人数', 300]])]);
    expect(tally.item('S1')).toMatchObject({ status: '达标', value: 0.85 });
    const short = run([county([['满意人数', 1319], ['基本满意人数', 380], ['不满意人数', 301]])]);
    expect(short.item('S1').status).toBe('未达标');
  });
});
