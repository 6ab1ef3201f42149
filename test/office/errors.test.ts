import { OfficeHostError, officeErrorMessage } from '../../src/office/errors';
import { JunhengRunError } from '../../src/host/run';
import { RichApiError } from './fake-excel';

describe('officeErrorMessage', () => {
  it('maps Office errors to one Chinese sentence and never shows RichApi text', () => {
    const cases: [unknown, RegExp][] = [
      [new RichApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'), /^Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束编辑后再试/],
      [Object.assign(new RichApiError('AccessDenied', "The cell or chart you're trying to change is on a protected sheet."), { sheet: '学校台账' }), /^工作表「学校台账」已保护，无法标记，请先撤销工作表保护/],
      [new RichApiError('AccessDenied', 'protected sheet'), /已保护，无法标记，请先撤销工作表保护/],
      [new RichApiError('InactiveWorkbook', 'The workbook is not active.'), /工作簿已关闭/],
      [new RichApiError('RequestPayloadSizeLimitExceeded', 'too large'), /超出了 Excel 单次请求的上限/],
      [new RichApiError('ApiNotFound', 'The API you are trying to use could not be found.'), /不支持/],
      [new RichApiError('GeneralException', 'An internal error has occurred.'), /与 Excel 通信时出错/],
      [new Error('Failed to fetch'), /与 Excel 通信时出错/],
      ['weird', /与 Excel 通信时出错/],
      [null, /与 Excel 通信时出错/],
    ];
    for (const [e, re] of cases) {
      const m = officeErrorMessage(e);
      expect(m).toMatch(re);
      expect(m).not.toMatch(/RichApi|property|internal error|Excel is in/i);
    }
  });

  it('passes messages that are meant for the user through', () => {
    expect(officeErrorMessage(new OfficeHostError('protected-sheet', '工作表「台账」已保护，无法标记，请先撤销工作表保护。', '台账'))).toBe(
      '工作表「台账」已保护，无法标记，请先撤销工作表保护。',
    );
    const r = new JunhengRunError('memory-damaged', '本工具的运行记录已损坏');
    expect(officeErrorMessage(r)).toBe('本工具的运行记录已损坏');
  });
});
