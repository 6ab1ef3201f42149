import { countySheet as county, run } from '../ledgers-grid';

describe('county figures sheet', () => {
  it('G14 and G15 (G15 also needs its checklist half)', () => {
    const r = run([county([['优质高中招生名额分配比例', '49.9%'], ['随迁子女在公办学校和政府购买服务的民办学校就读比例', '85%']])]);
    expect(r.item('G14').status).toBe('未达标');
    expect(r.item('G15').status).toBe('待核实');
    expect(run([county([['优质高中招生名额分配比例', '50%'], ['随迁子女就读比例', '84.9%']])]).item('G15').status).toBe('未达标');
  });
});
