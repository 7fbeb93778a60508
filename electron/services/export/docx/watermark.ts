import { ImportedXmlComponent, type ParagraphChild } from 'docx';

/**
 * Word's own watermark markup: a VML WordArt shape (shapetype 136, plain text path) anchored in
 * the header, centred on the margins, rotated 315° and behind the text (negative z-index), so it
 * appears on every page of the section. Word, WPS and LibreOffice all recognise this form
 * (LibreOffice imports it as its Fontwork watermark) — a floating text box is not reliably
 * rotated by all three.
 */
const SHAPETYPE =
  '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">' +
  '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>' +
  '<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>' +
  '<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>' +
  '<v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>' +
  '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>' +
  '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>' +
  '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>';

export const WATERMARK_TEXT = '草稿';

const parsed = new Map<number, ParagraphChild>();

/**
 * One watermark run; `index` keeps the shape ids unique across the document's headers. Parsed
 * once per index and shared between documents: the component is immutable, and parsing the
 * VML on every export cost more than printing a dozen pages of text.
 */
export function watermarkRun(index: number): ParagraphChild {
  const cached = parsed.get(index);
  if (cached) return cached;
  const xml =
    // No xmlns here: the parser is not namespace-aware and the header part declares w, v and o.
    '<w:r>' +
    '<w:rPr><w:noProof/></w:rPr><w:pict>' +
    SHAPETYPE +
    `<v:shape id="PowerPlusWaterMarkObject${index}" o:spid="_x0000_s${2049 + index}" type="#_x0000_t136" ` +
    'style="position:absolute;margin-left:0;margin-top:0;width:396pt;height:198pt;rotation:315;z-index:-251657216;' +
    'mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" ' +
    'o:allowincell="f" fillcolor="#c0c0c0" stroked="f">' +
    '<v:fill opacity=".5"/>' +
    `<v:textpath style="font-family:&quot;宋体&quot;;font-size:1pt" string="${WATERMARK_TEXT}"/>` +
    '</v:shape></w:pict></w:r>';
  // fromXmlString wraps the parsed tree in a nameless root; the run is its only child.
  const root = ImportedXmlComponent.fromXmlString(xml) as unknown as { root: unknown[] };
  const run = root.root[0] as ParagraphChild;
  parsed.set(index, run);
  return run;
}
