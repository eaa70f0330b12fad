import { describe, expect, it } from 'vitest';
import { attribute, decodeEntities, XmlFormatError, XmlScanner } from './xml-scanner';

/** Scans `xml` fed in pieces of `step` characters and returns the events as strings. */
function events(xml: string, step = xml.length): string[] {
  const out: string[] = [];
  const scanner = new XmlScanner({
    open: (name, tag) => out.push(`<${name}${attribute(tag, 'r') !== undefined ? ` r=${attribute(tag, 'r')}` : ''}>`),
    close: (name) => out.push(`</${name}>`),
    text: (t) => {
      // Text may arrive in pieces: join neighbours so the split points do not matter.
      if (out.length > 0 && out[out.length - 1]!.startsWith('"')) out[out.length - 1] = `${out[out.length - 1]!.slice(0, -1)}${t}"`;
      else out.push(`"${t}"`);
    },
  });
  for (let i = 0; i < xml.length; i += step) scanner.write(xml.slice(i, i + step));
  scanner.end();
  return out;
}

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="2" spans="1:3"><c r="A2" t="inlineStr"><is><t xml:space="preserve">甲 &amp; 乙 &lt;有限&gt; &#x4E01;&#19993;</t></is></c>' +
  '<c r="B2" s="1"/><!-- a comment with <tags> --><c r="C2"><v>45.5</v></c></row></sheetData></worksheet>';

describe('XmlScanner', () => {
  it('reports elements, attributes and decoded text, whatever the chunk boundaries', () => {
    const whole = events(SHEET);
    expect(whole).toEqual([
      '<worksheet>', '<sheetData>', '<row r=2>', '<c r=A2>', '<is>', '<t>', '"甲 & 乙 <有限> 丁丙"', '</t>', '</is>', '</c>',
      '<c r=B2>', '</c>', '<c r=C2>', '<v>', '"45.5"', '</v>', '</c>', '</row>', '</sheetData>', '</worksheet>',
    ]);
    for (const step of [1, 2, 3, 7, 64]) expect(events(SHEET, step)).toEqual(whole);
  });

  it('drops namespace prefixes, reads CDATA as text and skips a `>` inside a quoted attribute', () => {
    expect(events('<x:row r="1" note="a>b"><x:c r="A1"><x:v><![CDATA[1 < 2 & 3]]></x:v></x:c></x:row>')).toEqual([
      '<row r=1>', '<c r=A1>', '<v>', '"1 < 2 & 3"', '</v>', '</c>', '</row>',
    ]);
  });

  it.each([
    ['garbage bytes before any tag', '\u0000\u0001<<<not xml>>>&&&'],
    ['a tag closed by another name', '<row><c></row></c>'],
    ['an element left open', '<row><c>1</c>'],
    ['an unknown entity', '<t>a &nbsp; b</t>'],
    ['a bare ampersand', '<t>a & b</t>'],
    ['a control character in text', '<t>a\u0001b</t>'],
    ['a DOCTYPE (no entity expansion from uploads)', '<!DOCTYPE t [<!ENTITY x "y">]><t>&x;</t>'],
    ['text after the root', '<t>a</t>b'],
    ['a second root', '<t>a</t><t>b</t>'],
    ['an unfinished tag at the end', '<t>a</t'],
  ])('refuses %s', (_, xml) => {
    expect(() => events(xml)).toThrow(XmlFormatError);
  });
});

describe('attribute', () => {
  it('finds attributes spelled with either quote, spaces around = or a newline before them', () => {
    expect(attribute('<c r="B12" t="s">', 't')).toBe('s');
    expect(attribute("<c r='B12'>", 'r')).toBe('B12');
    expect(attribute('<Relationship\n Id = "rId1" Target="worksheets/sheet1.xml"/>', 'Id')).toBe('rId1');
    expect(attribute('<sheet name="企业 &amp; 项目" r:id="rId3"/>', 'r:id')).toBe('rId3');
    expect(attribute('<sheet name="企业 &amp; 项目" r:id="rId3"/>', 'name')).toBe('企业 & 项目');
    expect(attribute('<c s="1">', 'r')).toBeUndefined();
  });
});

describe('decodeEntities', () => {
  it('decodes the predefined entities and character references beyond the BMP', () => {
    expect(decodeEntities('&quot;&apos;&#x20BB7;&#65;')).toBe(`"'𠮷A`);
    expect(decodeEntities('no references')).toBe('no references');
  });
});
