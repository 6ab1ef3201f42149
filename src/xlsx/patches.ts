/**
 * Two fixes to ExcelJS 4.4.0's handling of links to a place inside the workbook (exceljs#920, #3027),
 * applied once when this module loads (Node build of ExcelJS only; silently skipped elsewhere):
 *
 * - Reading: a `<hyperlink location="Sheet2!A1">` without `r:id` (how Excel stores an in-workbook link)
 *   was dropped, so the user's internal links were lost on write. Now the cell keeps it as
 *   `hyperlink: '#Sheet2!A1'`.
 * - Writing: an internal link (`'#…'` or `Sheet!A1`) was written with both an external relationship
 *   and `location`, which Excel opens as "#Sheet2!A1##Sheet2!A1". Now it is written as
 *   `location="Sheet2!A1"` only (the unused relationship ExcelJS still lists is harmless).
 */

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

let applied = false;

interface HyperlinkModel {
  address?: string;
  rId?: string;
  tooltip?: string;
  target?: string;
}

export function isInternalTarget(target: string | undefined): target is string {
  if (!target) return false;
  if (target.startsWith('#')) return true;
  return /^[^!:/\\]+![$]?[a-zA-Z]+[$]?\d+(:[$]?[a-zA-Z]+[$]?\d+)?$/.test(target);
}

export function applyExcelJsPatches(): void {
  if (applied) return;
  applied = true;
  let HyperlinkXform: any;
  let WorksheetXform: any;
  try {
    HyperlinkXform = require('exceljs/lib/xlsx/xform/sheet/hyperlink-xform');
    WorksheetXform = require('exceljs/lib/xlsx/xform/sheet/worksheet-xform');
  } catch {
    return;
  }
  if (!HyperlinkXform?.prototype?.render || !WorksheetXform?.prototype?.reconcile) return;

  const render = HyperlinkXform.prototype.render;
  HyperlinkXform.prototype.render = function (this: unknown, xmlStream: any, model: HyperlinkModel) {
    if (isInternalTarget(model.target)) {
      xmlStream.leafNode('hyperlink', {
        ref: model.address,
        location: model.target.replace(/^#/, ''),
        tooltip: model.tooltip,
      });
      return;
    }
    render.call(this, xmlStream, model);
  };

  const reconcile = WorksheetXform.prototype.reconcile;
  WorksheetXform.prototype.reconcile = function (this: unknown, model: any, options: any) {
    const links: HyperlinkModel[] = model?.hyperlinks ?? [];
    let n = 0;
    for (const h of links) {
      if (!h.rId && h.target) {
        const id = `junhengLocation${++n}`;
        h.rId = id;
        (model.relationships ??= []).push({ Id: id, Type: 'junheng-location', Target: `#${h.target}` });
      }
    }
    return reconcile.call(this, model, options);
  };
}
