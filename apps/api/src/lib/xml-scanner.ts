/**
 * A small streaming XML tokenizer for the parts of an xlsx the importers read (worksheets, shared
 * strings, the workbook's sheet list). It checks what a reader of untrusted uploads needs — tags
 * nest and close, entities are the five predefined ones or character references, no text outside
 * the root, no control characters, no DOCTYPE — and leaves everything else (namespaces, schema)
 * alone. A general SAX parser spent about 1.4 s of a 100,000-row import building tag objects for
 * two million cells; this scans with indexOf and hands over names and tag text.
 */

export class XmlFormatError extends Error {}

export interface XmlHandler {
  /** An element opened: its local name (any `x:` prefix dropped) and the tag's text, for `attribute`. */
  open(name: string, tag: string): void;
  /** An element closed (also right after `open` for a self-closing tag). */
  close(name: string): void;
  /** Character data inside the root, entities decoded. May come in several pieces. */
  text(text: string): void;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const WHITESPACE = /^[ \t\r\n]*$/;

/** Decodes entity and character references; anything else after `&` is malformed XML. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp);
    const ref = semi < 0 ? '' : s.slice(amp + 1, semi);
    let ch: string | undefined = PREDEFINED[ref];
    if (ch === undefined && ref.startsWith('#')) {
      const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]{1,7}$/.test(ref) ? Number(ref.slice(1)) : NaN;
      if (code > 0 && code <= 0x10ffff) ch = String.fromCodePoint(code);
    }
    if (ch === undefined) throw new XmlFormatError(`bad reference &${ref.slice(0, 12)}`);
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

/** `name` spelled with any whitespace around it and its `=`, one pattern per name. */
const spelledLoosely = new Map<string, RegExp>();

/** An attribute's decoded value from a tag's text, e.g. attribute('<c r="B2" t="s">', 'r') → 'B2'. */
export function attribute(tag: string, name: string): string | undefined {
  let at = tag.indexOf(` ${name}=`);
  if (at < 0) {
    // A number cell has no `t`: most misses end here, without a pattern.
    if (!tag.includes(name)) return undefined;
    let loose = spelledLoosely.get(name);
    if (!loose) spelledLoosely.set(name, (loose = new RegExp(`\\s${name}\\s*=\\s*`)));
    const m = loose.exec(tag);
    if (!m) return undefined;
    at = m.index + m[0].length - 1;
  } else {
    at += name.length + 1;
  }
  const quote = tag[at + 1];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = tag.indexOf(quote, at + 2);
  return end < 0 ? undefined : decodeEntities(tag.slice(at + 2, end));
}

/** Where a tag that starts at `from` ends (its `>`), skipping `>` inside quoted attribute values; -1 if not yet read. */
function tagEnd(buf: string, from: number): number {
  let quote = 0;
  for (let i = from; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

/** The element name of a tag starting at `from` (after `<` or `</`), up to whitespace, `/` or `>`. */
function nameAt(buf: string, from: number, end: number): string {
  let i = from;
  while (i < end) {
    const c = buf.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    i++;
  }
  return buf.slice(from, i);
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export class XmlScanner {
  private rest = '';
  private readonly stack: string[] = [];
  private rootClosed = false;

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next piece of the document (already decoded: split characters are the caller's concern). */
  write(chunk: string): void {
    this.scan(this.rest + chunk, false);
  }

  /** The document is complete: throws unless every element closed. */
  end(): void {
    this.scan(this.rest, true);
    if (!this.rootClosed || this.stack.length > 0) throw new XmlFormatError('the document ends inside an element');
  }

  private text(raw: string): void {
    if (this.stack.length === 0) {
      if (!WHITESPACE.test(raw)) throw new XmlFormatError('text outside the root element');
      return;
    }
    if (CONTROL.test(raw)) throw new XmlFormatError('a control character in text');
    this.handler.text(decodeEntities(raw));
  }

  private scan(buf: string, final: boolean): void {
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text runs until the next `<`: keep an unfinished piece for the next chunk.
        if (final && pos < buf.length) this.text(buf.slice(pos));
        if (final) pos = buf.length;
        break;
      }
      if (lt > pos) this.text(buf.slice(pos, lt));
      pos = lt;
      const next = this.construct(buf, lt);
      if (next < 0) break;
      pos = next;
    }
    this.rest = buf.slice(pos);
    if (final && this.rest !== '') throw new XmlFormatError('the document ends inside a tag');
  }

  /** Handles the markup at `lt`; returns where scanning goes on, or -1 if the markup is not complete yet. */
  private construct(buf: string, lt: number): number {
    const second = buf.charCodeAt(lt + 1);
    if (second === 63 /* ? */) {
      const end = buf.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (second === 33 /* ! */) {
      if (buf.startsWith('<!--', lt)) {
        const end = buf.indexOf('-->', lt + 4);
        return end < 0 ? -1 : end + 3;
      }
      if (buf.startsWith('<![CDATA[', lt)) {
        const end = buf.indexOf(']]>', lt + 9);
        if (end < 0) return -1;
        if (this.stack.length === 0) throw new XmlFormatError('CDATA outside the root element');
        this.handler.text(buf.slice(lt + 9, end));
        return end + 3;
      }
      if (buf.length - lt < 9) return -1;
      throw new XmlFormatError('DOCTYPE and other declarations are not accepted');
    }
    const end = tagEnd(buf, lt + 1);
    if (end < 0) return -1;
    if (second === 47 /* / */) {
      const name = nameAt(buf, lt + 2, end);
      if (this.stack.pop() !== name) throw new XmlFormatError(`unexpected </${name.slice(0, 20)}>`);
      if (this.stack.length === 0) this.rootClosed = true;
      this.handler.close(localName(name));
      return end + 1;
    }
    const name = nameAt(buf, lt + 1, end);
    if (name === '') throw new XmlFormatError('a tag without a name');
    if (this.stack.length === 0 && this.rootClosed) throw new XmlFormatError('a second root element');
    const tag = buf.slice(lt, end + 1);
    const local = localName(name);
    this.handler.open(local, tag);
    if (buf.charCodeAt(end - 1) === 47 /* / */) {
      if (this.stack.length === 0) this.rootClosed = true;
      this.handler.close(local);
    } else {
      this.stack.push(name);
    }
    return end + 1;
  }
}
