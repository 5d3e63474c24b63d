// A small pure-JavaScript DOMMatrix (2D only) for pdf.js in Node. pdf.js builds one when it loads
// and uses it only to draw; in a browser it is built in, and in Node pdf.js would take it from its
// native canvas package, which this extension never loads. Installed only where there is none.

class DOMMatrix2D {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number> | { a: number; b: number; c: number; d: number; e: number; f: number }) {
    if (!init) return;
    if ('length' in init && init.length >= 6) this.set(init[0], init[1], init[2], init[3], init[4], init[5]);
    else if ('a' in init) this.set(init.a, init.b, init.c, init.d, init.e, init.f);
  }

  get is2D(): boolean {
    return true;
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.e = e;
    this.f = f;
    return this;
  }

  /** this = this × m */
  multiplySelf(m: DOMMatrix2D): this {
    return this.set(
      this.a * m.a + this.c * m.b,
      this.b * m.a + this.d * m.b,
      this.a * m.c + this.c * m.d,
      this.b * m.c + this.d * m.d,
      this.a * m.e + this.c * m.f + this.e,
      this.b * m.e + this.d * m.f + this.f,
    );
  }

  /** this = m × this */
  preMultiplySelf(m: DOMMatrix2D): this {
    const copy = new DOMMatrix2D(m);
    copy.multiplySelf(this);
    return this.set(copy.a, copy.b, copy.c, copy.d, copy.e, copy.f);
  }

  multiply(m: DOMMatrix2D): DOMMatrix2D {
    return new DOMMatrix2D(this).multiplySelf(m);
  }

  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf(new DOMMatrix2D([1, 0, 0, 1, x, y]));
  }

  translate(x = 0, y = 0): DOMMatrix2D {
    return new DOMMatrix2D(this).translateSelf(x, y);
  }

  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf(new DOMMatrix2D([x, 0, 0, y, 0, 0]));
  }

  scale(x = 1, y = x): DOMMatrix2D {
    return new DOMMatrix2D(this).scaleSelf(x, y);
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set(
      this.d / det,
      -this.b / det,
      -this.c / det,
      this.a / det,
      (this.c * this.f - this.d * this.e) / det,
      (this.b * this.e - this.a * this.f) / det,
    );
  }

  inverse(): DOMMatrix2D {
    return new DOMMatrix2D(this).invertSelf();
  }

  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }
}

export function installDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (typeof g.DOMMatrix !== 'function') g.DOMMatrix = DOMMatrix2D;
}

export { DOMMatrix2D };
