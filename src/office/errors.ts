/**
 * Office.js errors → one Chinese sentence for the user. Raw RichApi text (English, with debug info) is never
 * shown; errors that already carry a user message (JunhengRunError, OfficeHostError) pass through.
 */

/** A refusal by the Office.js host before anything was changed; `message` is for the user as is. */
export class OfficeHostError extends Error {
  readonly userMessage = true;
  constructor(
    readonly code: 'protected-sheet' | 'protected-workbook',
    message: string,
    readonly sheet?: string,
  ) {
    super(message);
    this.name = 'OfficeHostError';
  }
}

export function protectedSheetMessage(sheet: string | undefined): string {
  return sheet
    ? `工作表「${sheet}」已保护，无法标记，请先撤销工作表保护（审阅 → 撤销工作表保护）后再试。`
    : '要标记的工作表已保护，无法标记，请先撤销工作表保护（审阅 → 撤销工作表保护）后再试。';
}

export const MSG_PROTECTED_WORKBOOK =
  '工作簿结构已保护，无法添加或删除汇总表，请先撤销工作簿保护（审阅 → 保护工作簿）后再试。';
export const MSG_CELL_EDIT = 'Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束编辑后再试。';
export const MSG_CLOSED = '工作簿已关闭或已不可用，请重新打开工作簿后再试。';
export const MSG_TOO_LARGE = '工作簿数据量超出了 Excel 单次请求的上限，请分批检查（例如每次只保留部分台账工作表）后再试。';
export const MSG_API = '当前版本的 Excel 不支持本加载项需要的功能，请升级到 Microsoft 365 或 Excel 2021 及以上版本后再试。';
export const MSG_BUSY = 'Excel 正忙，请稍候片刻再试。';
export const MSG_GENERAL = '与 Excel 通信时出错，工作簿未被修改或只修改了一部分，请稍后重试；如仍失败，请保存并重新打开工作簿。';

interface ErrLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  userMessage?: unknown;
  sheet?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

/** One Chinese sentence for any error thrown while talking to Excel. */
export function officeErrorMessage(e: unknown): string {
  if (e && typeof e === 'object') {
    const x = e as ErrLike;
    if (x.userMessage === true && typeof x.message === 'string') return x.message;
    const code = String(x.code ?? x.debugInfo?.code ?? '');
    const text = `${String(x.message ?? '')} ${String(x.debugInfo?.message ?? '')}`.toLowerCase();
    const sheet = typeof x.sheet === 'string' ? x.sheet : undefined;
    switch (code) {
      case 'InvalidOperationInCellEditMode':
        return MSG_CELL_EDIT;
      case 'AccessDenied':
      case 'ProtectedSheet':
        return /workbook|structure/.test(text) && !/sheet/.test(text) ? MSG_PROTECTED_WORKBOOK : protectedSheetMessage(sheet);
      case 'InactiveWorkbook':
      case 'WorkbookClosed':
      case 'ConnectionFailure':
        return MSG_CLOSED;
      case 'RequestPayloadSizeLimitExceeded':
      case 'ResponsePayloadSizeLimitExceeded':
      case 'PayloadSizeLimitExceeded':
      case 'RangeExceedsLimit':
      case 'OperationCellsExceedLimit':
        return MSG_TOO_LARGE;
      case 'ApiNotFound':
      case 'NotImplemented':
      case 'UnsupportedFeature':
        return MSG_API;
      case 'ActivityLimitReached':
      case 'Conflict':
      case 'RequestAborted':
        return MSG_BUSY;
      default:
        break;
    }
    if (/protected/.test(text)) return protectedSheetMessage(sheet);
    if (/cell-?edit/.test(text)) return MSG_CELL_EDIT;
  }
  return MSG_GENERAL;
}
