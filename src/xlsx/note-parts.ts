/**
 * The notes parts of one worksheet in the package: its comments part and legacy VML drawing found through
 * the sheet's rels, and written back through edit functions (src/xlsx/notes.ts edits their XML) — a part
 * created with its rel, content type and `<legacyDrawing>` when the first note comes, removed with them when
 * the last one goes.
 */
import { CT, NS_REL, REL, escapeRe, insertBeforeClose, relIs, type XlsxPackage } from './package';
import { commentsOf, commentsPrefix, inPrefixes, newComments, newVml, shapesOf, SHAPETYPE, vmlPrefixes, type CommentEl, type ShapeEl } from './notes';

/** A sheet's notes parts as read (null: the part does not exist). */
export interface NoteParts {
  commentsPart: string | null;
  vmlPart: string | null;
  commentsRel: string | null;
  vmlRel: string | null;
  xml: string | null;
  vml: string | null;
  prefix: string;
  comments: CommentEl[];
  shapes: ShapeEl[];
  authorId: number;
  hasAuthor: boolean;
}

/** The notes parts of the worksheet part `sheetPart`. */
export function readNoteParts(pkg: XlsxPackage, sheetPart: string): NoteParts {
  const rels = pkg.rels(sheetPart);
  const cRel = rels.find((r) => relIs(r.type, REL.comments) && !r.external && pkg.has(r.part));
  const vRel = rels.find((r) => relIs(r.type, REL.vml) && !r.external && pkg.has(r.part));
  const commentsPart = cRel ? pkg.nameOf(cRel.part) : null;
  const vmlPart = vRel ? pkg.nameOf(vRel.part) : null;
  const xml = commentsPart ? pkg.text(commentsPart) : null;
  const vml = vmlPart ? pkg.text(vmlPart) : null;
  const hasAuthor = xml ? /<(?:[\w.-]+:)?author\b/.test(xml) : true;
  return {
    commentsPart,
    vmlPart,
    commentsRel: cRel?.id ?? null,
    vmlRel: vRel?.id ?? null,
    xml,
    vml,
    prefix: xml ? commentsPrefix(xml) : '',
    comments: xml ? commentsOf(xml) : [],
    shapes: vml ? shapesOf(vml) : [],
    authorId: 0,
    hasAuthor,
  };
}

/** Writes a sheet's comments and VML through the edit functions; creates or removes the parts as needed. */
export function writeNoteParts(
  pkg: XlsxPackage,
  sheetPart: string,
  notes: NoteParts,
  editComments: (xml: string) => string,
  editVml: (vml: string) => string,
): void {
  // Comments
  let cPart = notes.commentsPart;
  let xml = notes.xml ?? newComments();
  if (!notes.hasAuthor) xml = xml.replace(/<((?:[\w.-]+:)?)authors\b([^>]*?)(\/?)>/, (_a, p: string, at: string, self: string) => `<${p}authors${at}><${p}author>均衡自查</${p}author>${self ? `</${p}authors>` : ''}`);
  xml = editComments(xml);
  const empty = commentsOf(xml).length === 0;
  if (empty) {
    if (cPart) {
      pkg.remove(cPart);
      pkg.removeOverride(cPart);
      if (notes.commentsRel) pkg.removeRel(sheetPart, notes.commentsRel);
    }
  } else {
    if (!cPart) {
      cPart = pkg.freePart('xl/comments', '.xml');
      pkg.addRel(sheetPart, REL.comments, cPart);
      pkg.addOverride(cPart, CT.comments);
    }
    if (xml !== notes.xml) pkg.setText(cPart, xml);
  }
  // VML
  const vPart = notes.vmlPart;
  let vml = notes.vml ?? newVml('');
  const px = vmlPrefixes(vml);
  if (!/_x0000_t202/.test(vml)) {
    const at = vml.search(/<[\w.-]+:shape\b/);
    const type = inPrefixes(SHAPETYPE, px);
    vml = at >= 0 ? vml.slice(0, at) + type + vml.slice(at) : insertBeforeClose(vml, 'xml', type);
  }
  vml = editVml(vml);
  const noShapes = shapesOf(vml).length === 0 && !/<[\w.-]+:shape\b/.test(vml);
  if (noShapes) {
    if (vPart) {
      pkg.remove(vPart);
      pkg.removeOverride(vPart);
      if (notes.vmlRel) {
        pkg.removeRel(sheetPart, notes.vmlRel);
        setLegacyDrawing(pkg, sheetPart, notes.vmlRel, null);
      }
    }
  } else if (!vPart) {
    const part = pkg.freePart('xl/drawings/vmlDrawing', '.vml');
    pkg.setText(part, vml);
    // An Override, not a Default for .vml: removing it again on undo leaves the content types as they were.
    pkg.addOverride(part, CT.vml);
    const id = pkg.addRel(sheetPart, REL.vml, part);
    setLegacyDrawing(pkg, sheetPart, null, id);
  } else if (vml !== notes.vml) pkg.setText(vPart, vml);
}

/** Adds `<legacyDrawing r:id>` (id) or removes the one pointing at `oldId`. */
function setLegacyDrawing(pkg: XlsxPackage, sheetPart: string, oldId: string | null, id: string | null): void {
  let xml = pkg.text(sheetPart)!;
  if (oldId) {
    xml = xml.replace(new RegExp(`<(?:[\\w.-]+:)?legacyDrawing\\b[^>]*"${escapeRe(oldId)}"[^>]*/>`), '');
  }
  if (id) {
    const root = /<((?:[\w.-]+:)?)worksheet\b[^>]*>/.exec(xml);
    const prefix = root?.[1] ?? '';
    const nsDecl = root ? new RegExp(`xmlns:([\\w.-]+)="${escapeRe(NS_REL)}"`).exec(root[0]) : null;
    const el = nsDecl ? `<${prefix}legacyDrawing ${nsDecl[1]}:id="${id}"/>` : `<${prefix}legacyDrawing xmlns:r="${NS_REL}" r:id="${id}"/>`;
    const after = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
    let at = -1;
    for (const n of after) {
      const m = new RegExp(`<(?:[\\w.-]+:)?${n}\\b`).exec(xml);
      if (m && (at < 0 || m.index < at)) at = m.index;
    }
    if (at < 0) at = xml.search(/<\/(?:[\w.-]+:)?worksheet\s*>/);
    xml = xml.slice(0, at) + el + xml.slice(at);
  }
  pkg.setText(sheetPart, xml);
}
