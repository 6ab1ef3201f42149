/** Interpreting teacher-ledger cells with the standard's settings (degree ladder, backbone levels, subjects). */
import { parseYesNo } from '../../ledger/coerce';
import { normalizeText } from '../../ledger/normalize';
import type { SchoolType, StageKey } from '../../ledger/types';
import type { Stage, Standard } from '../../standard/schema';

export class TeacherVocabulary {
  private readonly ladder: string[][];
  private readonly degreeCache = new Map<string, number | null>();
  private readonly backboneCache = new Map<string, boolean | null>();
  private readonly subjectCache = new Map<string, { peArt: boolean; pe: boolean; music: boolean; art: boolean }>();
  readonly required: Record<Stage, number>;

  constructor(private readonly std: Standard) {
    this.ladder = std.settings.degreeLadder.map((l) => l.map((w) => normalizeText(w)));
    const levelOf = (name: string) => {
      const n = this.degreeLevel(name);
      if (n === null) throw new Error(`标准文件 settings.requiredDegree 中的学历“${name}”不在 settings.degreeLadder 中`);
      return n;
    };
    this.required = { 小学: levelOf(std.settings.requiredDegree.小学), 初中: levelOf(std.settings.requiredDegree.初中) };
  }

  /** Level of a 学历 text on the ladder (0 = lowest), null when it is none of them. */
  degreeLevel(text: string): number | null {
    const s = normalizeText(text).replace(/[()（）]/g, '');
    let r = this.degreeCache.get(s);
    if (r !== undefined) return r;
    r = null;
    for (let i = this.ladder.length - 1; i >= 0 && r === null; i--) if (this.ladder[i].includes(s)) r = i;
    // "本科（函授）", "大学本科学历", "硕士研究生毕业": the highest level whose word the text contains.
    for (let i = this.ladder.length - 1; i >= 0 && r === null; i--) {
      if (this.ladder[i].some((w) => w.length >= 2 && s.includes(w))) r = i;
    }
    this.degreeCache.set(s, r);
    return r;
  }

  /** 县级及以上骨干: true / false (校级, 无, blank …) / null (cannot tell, e.g. "是" without a level). */
  backbone(text: string): boolean | null {
    const s = normalizeText(text);
    let r = this.backboneCache.get(s);
    if (r !== undefined) return r;
    if (s === '' || /^(无|否|非|不是|没有|\/|-|—)/.test(s)) r = false;
    else if (this.std.settings.backboneLevels.some((w) => s.includes(normalizeText(w)))) r = true;
    else if (/校级|乡|镇|学区|片区|校内/.test(s)) r = false;
    else r = parseYesNo(s) === false ? false : null;
    this.backboneCache.set(s, r);
    return r;
  }

  subject(text: string): { peArt: boolean; pe: boolean; music: boolean; art: boolean } {
    const s = normalizeText(text);
    let r = this.subjectCache.get(s);
    if (r) return r;
    r = {
      peArt: this.std.settings.peArtSubjects.some((w) => s.includes(normalizeText(w))),
      pe: s.includes('体育'),
      music: s.includes('音乐'),
      art: s.includes('美术'),
    };
    this.subjectCache.set(s, r);
    return r;
  }
}

/** 学段 from a 学段 cell: 小学/初中/高中, 'other' for anything else written (幼儿园 …), null when blank. */
export function stageOfText(text: string): StageKey | 'other' | null {
  const s = normalizeText(text);
  if (s === '') return null;
  if (s.includes('小学')) return '小学';
  if (s.includes('初中') || s.includes('初级中学')) return '初中';
  if (s.includes('高中') || s.includes('高级中学')) return '高中';
  return 'other';
}

export function singleStageOf(type: SchoolType | null): StageKey | null {
  if (type === '小学' || type === '教学点') return '小学';
  if (type === '初中') return '初中';
  return null;
}

/** Certificate: 有 / a number → true; 无/否 → false; blank → null; anything else → 'unknown'. */
export function certificateOf(text: string): boolean | null | 'unknown' {
  const s = normalizeText(text);
  if (s === '') return null;
  const yn = parseYesNo(s);
  if (yn !== null) return yn;
  if (/^[0-9A-Za-z]{6,}$/.test(s)) return true;
  if (/资格/.test(s) && !/^(无|未|没)/.test(s)) return true;
  return 'unknown';
}
