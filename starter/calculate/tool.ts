/**
 * A recursive-descent parser that evaluates as it parses. Precedence, loosest first:
 *   sum:     product (("+" | "-") product)*
 *   product: unary (("*" | "/" | "%") unary)*
 *   unary:   ("+" | "-") unary | power
 *   power:   postfix ("^" unary)?           right-associative, so 2^3^2 = 2^9 and 2^-1 = 0.5
 *   postfix: primary "%"*                   a "%" not followed by an operand means "percent"
 *   primary: number | constant | function "(" sum ")" | "(" sum ")"
 * Unary minus binds looser than "^", as in mathematics: -2^2 = -4.
 */

type Token =
  | { kind: 'number'; value: number; at: number; text: string }
  | { kind: 'name'; value: string; at: number }
  | { kind: 'op'; value: string; at: number };

const MAX_LENGTH = 10_000;
const MAX_DEPTH = 200;

const CONSTANTS: Record<string, number> = { pi: Math.PI, π: Math.PI, e: Math.E, tau: 2 * Math.PI };

const FUNCTIONS: Record<string, (x: number) => number> = {
  sqrt: (x) => {
    if (x < 0) throw new Error(`sqrt of a negative number (${x}) is not a real number`);
    return Math.sqrt(x);
  },
  abs: Math.abs,
  round: (x) => Math.sign(x) * Math.round(Math.abs(x)),
  floor: Math.floor,
  ceil: Math.ceil,
  exp: Math.exp,
  ln: (x) => logarithm(x, Math.log, 'ln'),
  log: (x) => logarithm(x, Math.log10, 'log'),
  log10: (x) => logarithm(x, Math.log10, 'log10'),
  log2: (x) => logarithm(x, Math.log2, 'log2'),
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
};

const OPERATOR_ALIASES: Record<string, string> = { '×': '*', '·': '*', '÷': '/', '−': '-', '–': '-', '**': '^' };

export function calculate({ expression }: { expression: string }): number {
  if (typeof expression !== 'string') throw new Error('expression must be a string, e.g. "2 + 2"');
  if (expression.length > MAX_LENGTH) throw new Error(`expression is too long (${expression.length} characters; the limit is ${MAX_LENGTH})`);
  const tokens = tokenize(expression);
  if (tokens.length === 0) throw new Error('expression is empty; write something like "2 + 2"');
  const parser = new Parser(tokens);
  const value = parser.parseExpression();
  if (!Number.isFinite(value)) throw new Error('the result is too large to represent (overflow)');
  const cleaned = Number(value.toPrecision(15));
  return cleaned === 0 ? 0 : cleaned;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (number !== null) {
      const after = text[i + number[0].length];
      if (after === ',' && /^\d{3}/.test(text.slice(i + number[0].length + 1))) {
        throw new Error(`remove the thousands separator at position ${i + number[0].length + 1}: write 1000, not 1,000`);
      }
      tokens.push({ kind: 'number', value: Number(number[0]), at: i, text: number[0] });
      i += number[0].length;
      continue;
    }
    const name = /^[a-zA-Zπ][a-zA-Z0-9]*/.exec(text.slice(i));
    if (name !== null) {
      tokens.push({ kind: 'name', value: name[0].toLowerCase(), at: i });
      i += name[0].length;
      continue;
    }
    if (text.startsWith('**', i)) {
      tokens.push({ kind: 'op', value: '^', at: i });
      i += 2;
      continue;
    }
    if ('+-*/^%()'.includes(ch) || ch in OPERATOR_ALIASES) {
      tokens.push({ kind: 'op', value: OPERATOR_ALIASES[ch] ?? ch, at: i });
      i++;
      continue;
    }
    throw new Error(`unexpected character "${ch}" at position ${i + 1}; use numbers, + - * / ^ %, parentheses and functions like sqrt(...)`);
  }
  return tokens;
}

class Parser {
  private index = 0;
  private depth = 0;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parseExpression(): number {
    const value = this.sum();
    const extra = this.tokens[this.index];
    if (extra !== undefined) {
      if (extra.value === ')') throw new Error(`unbalanced ")" at position ${extra.at + 1}`);
      throw new Error(`unexpected "${extra.kind === 'number' ? extra.text : extra.value}" at position ${extra.at + 1}; put an operator between values (write 2*(3), not 2(3))`);
    }
    return value;
  }

  private sum(): number {
    let value = this.product();
    for (let token = this.peek(); token?.kind === 'op' && (token.value === '+' || token.value === '-'); token = this.peek()) {
      this.index++;
      const right = this.product();
      value = token.value === '+' ? value + right : value - right;
    }
    return value;
  }

  private product(): number {
    let value = this.unary();
    for (let token = this.peek(); token?.kind === 'op' && '*/%'.includes(token.value); token = this.peek()) {
      this.index++;
      const right = this.unary();
      if (token.value === '*') value *= right;
      else if (right === 0) throw new Error(token.value === '/' ? 'division by zero' : 'remainder (%) by zero is undefined');
      else value = token.value === '/' ? value / right : value % right;
    }
    return value;
  }

  private unary(): number {
    const token = this.peek();
    if (token?.kind === 'op' && (token.value === '-' || token.value === '+')) {
      this.index++;
      const value = this.nested(() => this.unary());
      return token.value === '-' ? -value : value;
    }
    return this.power();
  }

  private power(): number {
    const base = this.postfix();
    const token = this.peek();
    if (token?.kind !== 'op' || token.value !== '^') return base;
    this.index++;
    const exponent = this.nested(() => this.unary());
    const value = base ** exponent;
    if (Number.isNaN(value)) throw new Error(`${base}^${exponent} is not a real number`);
    return value;
  }

  private postfix(): number {
    let value = this.primary();
    while (this.peek()?.value === '%' && !this.startsOperand(this.tokens[this.index + 1])) {
      this.index++;
      value /= 100;
    }
    return value;
  }

  private primary(): number {
    const token = this.peek();
    if (token === undefined) throw new Error('the expression ends too early; an operand is missing at the end');
    this.index++;
    if (token.kind === 'number') return token.value;
    if (token.kind === 'name') {
      const fn = FUNCTIONS[token.value];
      if (fn !== undefined) {
        if (this.peek()?.value !== '(') throw new Error(`write ${token.value}(...) with parentheses around its argument`);
        this.index++;
        const argument = this.nested(() => this.sum());
        this.expectClose(token);
        return fn(argument);
      }
      const constant = CONSTANTS[token.value];
      if (constant !== undefined) return constant;
      throw new Error(`unknown name "${token.value}" at position ${token.at + 1}; known: ${[...Object.keys(CONSTANTS), ...Object.keys(FUNCTIONS)].join(', ')}`);
    }
    if (token.value === '(') {
      const value = this.nested(() => this.sum());
      this.expectClose(token);
      return value;
    }
    throw new Error(`expected a number at position ${token.at + 1} but found "${token.value}"`);
  }

  private expectClose(open: Token): void {
    if (this.peek()?.value !== ')') throw new Error(`missing ")" to close the "(" opened at position ${open.at + 1}`);
    this.index++;
  }

  private nested(parse: () => number): number {
    if (++this.depth > MAX_DEPTH) throw new Error(`the expression nests too deeply (more than ${MAX_DEPTH} levels)`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private startsOperand(token: Token | undefined): boolean {
    return token !== undefined && (token.kind !== 'op' || token.value === '(');
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }
}

function logarithm(x: number, log: (x: number) => number, name: string): number {
  if (x <= 0) throw new Error(`${name} is only defined for positive numbers, got ${x}`);
  return log(x);
}
