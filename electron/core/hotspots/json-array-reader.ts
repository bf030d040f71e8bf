import { KioskError, type ErrorParams } from '../errors';

/** Records are flat objects; anything nested deeper than this is not Wi-Fi.HK data. */
export const MAX_JSON_DEPTH = 32;

const bad = (message: string, reason: string, params?: ErrorParams) =>
  new KioskError('invalid_input', message, { reason, params });
export const cutOff = () =>
  bad(
    'The file stops part-way through: it looks cut off (perhaps an interrupted download). Download it again.',
    'hotspots.errors.jsonCutOff',
  );
const invalidAt = (line: number) =>
  bad(`The file is not valid JSON (the problem is near line ${line}).`, 'hotspots.errors.invalidJsonAt', {
    line,
  });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * A JSON array read a chunk of text at a time: each top-level element is handed over, parsed with
 * JSON.parse, as soon as its closing comma or bracket arrives, so only one record's text is held at
 * once instead of the whole file and its parsed tree. Only the element boundaries are found here
 * (strings, escapes and nesting are tracked to do so); the elements themselves go through the
 * engine's own JSON.parse, which is exact and several times faster than a tokenizer in script.
 */
export class JsonArrayReader {
  private state: 'start' | 'between' | 'element' | 'done' = 'start';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private line = 1;
  private elementLine = 1;
  private index = 0;
  /** Whether the last element ended with a comma (so another must follow). */
  private afterComma = false;

  constructor(private readonly onElement: (element: unknown, index: number) => void) {}

  get elements(): number {
    return this.index;
  }

  write(text: string): void {
    let from = this.state === 'element' ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      if (this.inString) {
        i = this.skipString(text, i);
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === NEWLINE) this.line += 1;
      if (this.state === 'element') {
        if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          this.depth += 1;
          if (this.depth > MAX_JSON_DEPTH)
            throw bad(
              `The file is nested too deeply to be Wi-Fi.HK data (near line ${this.line}).`,
              'hotspots.errors.tooDeep',
              { line: this.line },
            );
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (this.depth > 0) this.depth -= 1;
          else if (c === CLOSE_BRACKET) {
            this.finishElement(text.slice(from, i));
            this.state = 'done';
          } else throw invalidAt(this.line);
        } else if (c === COMMA && this.depth === 0) {
          this.finishElement(text.slice(from, i));
          this.afterComma = true;
          this.state = 'between';
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (this.state === 'start') {
        if (c === OPEN_BRACKET) this.state = 'between';
        else if (c === OPEN_BRACE)
          throw bad('The file is JSON but not a list of Wi-Fi.HK locations.', 'hotspots.errors.notAList');
        else throw invalidAt(this.line);
      } else if (this.state === 'between') {
        if (c === CLOSE_BRACKET && !this.afterComma) this.state = 'done';
        else if (c === COMMA || c === CLOSE_BRACKET) throw invalidAt(this.line);
        else {
          this.state = 'element';
          this.elementLine = this.line;
          from = i;
          i -= 1; // read this character again as part of the element (it is never a newline)
        }
      } else {
        throw bad(
          `The file is not valid JSON: there is more after the end of the list (near line ${this.line}).`,
          'hotspots.errors.moreAfterList',
          { line: this.line },
        );
      }
    }
    if (this.state === 'element') this.parts.push(text.slice(from));
  }

  /**
   * Inside a string: jumps to its closing quote with indexOf (most of a file is string content, so
   * this is most of the speed) and answers that quote's index, or the chunk's last index when the
   * string goes on into the next chunk. A quote is closing when an even number of backslashes
   * stands before it. (A raw newline cannot be inside a valid string, so no lines are missed.)
   */
  private skipString(text: string, i: number): number {
    if (this.escaped) {
      this.escaped = false;
      return i;
    }
    for (let from = i; ;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) {
        let slashes = 0;
        for (let k = text.length - 1; k >= i && text.charCodeAt(k) === BACKSLASH; k--) slashes += 1;
        this.escaped = slashes % 2 === 1;
        return text.length - 1;
      }
      let slashes = 0;
      for (let k = quote - 1; k >= i && text.charCodeAt(k) === BACKSLASH; k--) slashes += 1;
      if (slashes % 2 === 0) {
        this.inString = false;
        return quote;
      }
      from = quote + 1;
    }
  }

  end(): void {
    if (this.state !== 'done') throw cutOff();
  }

  private finishElement(tail: string): void {
    this.parts.push(tail);
    const text = this.parts.join('');
    this.parts = [];
    let element: unknown;
    try {
      element = JSON.parse(text);
    } catch (error) {
      const where = /position (\d+)/.exec((error as Error).message);
      const offset = where ? text.slice(0, Number(where[1])).split('\n').length - 1 : 0;
      throw invalidAt(this.elementLine + offset);
    }
    this.onElement(element, this.index);
    this.index += 1;
    this.afterComma = false;
  }
}
