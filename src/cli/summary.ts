import type { EngineOutput } from '../report/engine-types';
import type { Standard } from '../standard';
import { PARTS, STAGES } from '../standard';
import { LEDGER_DEFS } from '../ledger/synonyms';

/** Each ledger kind's Chinese name: the reader's own labels (county figures have no LedgerDef). */
const KIND_NAMES: Record<string, string> = { ...Object.fromEntries(LEDGER_DEFS.map((d) => [d.kind, d.label])), county: '县级数据' };

/** The short Chinese summary the command prints after a check. */
export function summaryLines(out: EngineOutput, std: Standard, workbook: string): string[] {
  const lines: string[] = [];
  lines.push(`均衡自查 · ${workbook} · ${std.name}`);
  const ledgers = out.ledgers.ledgers.map((l) => `「${l.sheet}」（${KIND_NAMES[l.kind] ?? l.kind}，${l.rows} 行）`);
  lines.push(`识别台账：${ledgers.join('、')}`);

  for (const stage of STAGES) {
    const parts = out.result.schools.filter((s) => s.stage === stage);
    if (parts.length === 0) continue;
    const counted = parts.filter((s) => !s.excluded);
    const n = (v: string) => counted.filter((s) => s.verdict === v).length;
    const excluded = parts.length - counted.length;
    lines.push(
      `资源配置（${stage}）：参评 ${counted.length} 所，达标 ${n('达标')}，未达标 ${n('未达标')}，数据不全 ${n('数据不全')}` +
        (excluded ? `；不参评 ${excluded} 所（见汇总表）` : ''),
    );
    const cvs = out.result.cv.filter((c) => c.stage === stage);
    const over = cvs.filter((c) => c.pass === false);
    const limit = std.settings.cvLimits[stage];
    lines.push(
      `校际差异系数（${stage}，标准 ≤ ${limit}）：` +
        (over.length === 0
          ? `${cvs.filter((c) => c.pass === true).length} 项均达标`
          : `${over.length} 项超标：${over.map((c) => `${std.indicators[c.indicator].name} ${c.value?.toFixed(2)}`).join('；')}`),
    );
  }

  const byIndicator = new Map<string, number>();
  const findings = out.report.findings;
  for (const f of findings) {
    if (f.kind === 'compliance' && f.indicator && /^G/.test(f.indicator)) byIndicator.set(f.indicator, (byIndicator.get(f.indicator) ?? 0) + 1);
  }
  const gParts = ['G3', 'G4', 'G5'].map((id) => {
    const name = id === 'G5' ? '班额' : id === 'G4' ? '学校规模' : '音乐美术专用教室';
    return `${name}（${id}）问题 ${byIndicator.get(id) ?? 0} 条`;
  });
  lines.push(gParts.join('；'));

  // The 自查自评总表's bottom line: each part's open items, then whether the county would pass today.
  const items = out.report.items ?? [];
  if (items.length > 0) {
    const parts = PARTS.map((part) => {
      const mine = items.filter((it) => std.indicators[it.id as keyof Standard['indicators']]?.part === part);
      const count = (st: string) => mine.filter((it) => it.status === st).length;
      const open = ['未达标', '数据不全', '待核实'].filter((st) => count(st) > 0).map((st) => `${st} ${count(st)}`);
      return `${part} ${mine.length} 项${open.length ? `（${open.join('，')}）` : '均达标'}`;
    });
    lines.push(`自查自评总表：${parts.join('；')}`);
    const v = out.report.verdict;
    const blocking = v ? v.blocking : items.filter((it) => it.status !== '达标').map((it) => it.id);
    if (v && v.vetoed.length > 0) {
      lines.push(`按目前数据，全县不能通过优质均衡督导评估：${v.reason}（见「自查自评总表」）。`);
    } else if (v ? v.pass : blocking.length === 0) {
      lines.push('按目前数据，全县能通过优质均衡督导评估。');
    } else {
      const open = [...blocking, ...(v?.vetoOpen ?? [])];
      lines.push(`按目前数据，全县尚不能通过优质均衡督导评估：${open.join('、')} 未达标或未确认（见「自查自评总表」）。`);
    }
  }

  const compliance = findings.filter((f) => f.kind === 'compliance').length;
  const data = findings.filter((f) => f.kind === 'data').length;
  lines.push(`问题清单：达标问题 ${compliance} 条，数据问题 ${data} 条；已在台账中标注 ${out.marks.length} 个单元格`);

  const plans = out.plans;
  if (plans && (plans.schools.length > 0 || plans.cv.length > 0)) {
    lines.push(`补短板清单：${plans.schools.length} 个学校学段的达标方案，${plans.cv.length} 项差异系数的测算（见「补短板清单」「校际差异系数」）`);
  }
  const t = out.tracking;
  if (t && t.previousAt !== null) {
    const n = (s: string) => t.tracks.filter((x) => x.status === s).length;
    lines.push(`整改情况（与上次检查 ${t.previousAt} 相比）：新发现 ${n('新发现')} 条，仍未整改 ${n('仍未整改')} 条，已整改 ${t.resolved.length} 条`);
  }
  return lines;
}
