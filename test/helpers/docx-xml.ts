/** Reading the parts of a produced .docx in tests: document.xml, sections, headers, table rows. */
import { readZipText } from './zip-read';

export interface DocxParts {
  document: string;
  styles: string;
  /** Header part XML by relationship id (rId…). */
  headers: Map<string, string>;
}

export function docxParts(zip: Buffer): DocxParts {
  const rels = readZipText(zip, 'word/_rels/document.xml.rels');
  const headers = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship Id="(rId\d+)" Type="[^"]*\/header" Target="([^"]+)"\/>/g)) {
    headers.set(m[1]!, readZipText(zip, `word/${m[2]!}`));
  }
  return { document: readZipText(zip, 'word/document.xml'), styles: readZipText(zip, 'word/styles.xml'), headers };
}

export const sections = (document: string): string[] => [...document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);

export const tableRows = (document: string): string[] => [...document.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);

/** The text of some XML (all w:t contents joined). */
export function xmlText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** The header part referenced by a section for a type ("default" or "first"). */
export function sectionHeader(parts: DocxParts, section: string, type: 'default' | 'first'): string | undefined {
  const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(rId\\d+)"/>`).exec(section)?.[1];
  return id ? parts.headers.get(id) : undefined;
}
