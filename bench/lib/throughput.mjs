// Parse throughput of the engine next to the floor: the least work any letter tool must do,
// splitting the text into lines and testing each line against two regular expressions (a
// section heading and a decision line). Both run in the same process on the same text,
// alternately, so that the machine's noise falls on both alike.

import { gc, summarize } from './stats.mjs';

const FLOOR_HEADING = /^\s*[A-Z][A-Z ,()]{8,}:?\s*$/;
const FLOOR_DECISION = /:\s*(?:Upheld|Overturned)\.?\s*$/i;

export function floorScan(text) {
  let headings = 0;
  let decisions = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (FLOOR_HEADING.test(line)) headings++;
    if (FLOOR_DECISION.test(line)) decisions++;
  }
  return { headings, decisions };
}

function countItems(doc) {
  let items = 0;
  for (const l of doc.letters) items += l.items.length;
  return { letters: doc.letters.length, items };
}

/** Time per call of `fn(text)`, from batches of calls long enough to be timed well (>= minBatchMs). */
function timeSmall(fn, text, { minBatchMs }) {
  let iterations = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) fn(text);
    if (performance.now() - t0 >= minBatchMs) break;
    iterations *= 2;
  }
  return {
    iterations,
    run: () => {
      const t0 = performance.now();
      for (let i = 0; i < iterations; i++) fn(text);
      return (performance.now() - t0) / iterations;
    },
  };
}

function mbPerSecond(bytes, ms) {
  return bytes / 1e6 / (ms / 1000);
}

function result(bytes, engineMs, floorMs) {
  const engine = summarize(engineMs);
  const floor = summarize(floorMs);
  return {
    bytes,
    engine: {
      ms: engine,
      mbPerS: mbPerSecond(bytes, engine.median),
      mbPerSRange: [mbPerSecond(bytes, engine.max), mbPerSecond(bytes, engine.min)],
    },
    floor: {
      ms: floor,
      mbPerS: mbPerSecond(bytes, floor.median),
      mbPerSRange: [mbPerSecond(bytes, floor.max), mbPerSecond(bytes, floor.min)],
    },
    ratio: floor.median / engine.median,
  };
}

/** One letter: warm-up, then `batches` alternating batches of engine and floor. */
export function letterThroughput(parseLetter, letter, { batches = 15, minBatchMs = 25, warmupMs = 300 } = {}) {
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) {
    parseLetter(letter.text);
    floorScan(letter.text);
  }
  const engine = timeSmall(parseLetter, letter.text, { minBatchMs });
  const floor = timeSmall(floorScan, letter.text, { minBatchMs });
  const engineMs = [];
  const floorMs = [];
  for (let b = 0; b < batches; b++) {
    engineMs.push(engine.run());
    floorMs.push(floor.run());
  }
  return {
    name: letter.name,
    ...result(letter.bytes, engineMs, floorMs),
    found: { ...countItems(parseLetter(letter.text)), floor: floorScan(letter.text) },
  };
}

/** The big file: each run timed alone after a full collection. */
export function bigThroughput(parseLetter, big, { runs = 7, warmups = 2 } = {}) {
  for (let i = 0; i < warmups; i++) {
    parseLetter(big.text);
    floorScan(big.text);
  }
  const engineMs = [];
  const floorMs = [];
  let found;
  for (let r = 0; r < runs; r++) {
    gc();
    let t0 = performance.now();
    const doc = parseLetter(big.text);
    engineMs.push(performance.now() - t0);
    found ??= countItems(doc);
    gc();
    t0 = performance.now();
    floorScan(big.text);
    floorMs.push(performance.now() - t0);
  }
  return { name: big.name, ...result(big.bytes, engineMs, floorMs), found: { ...found, floor: floorScan(big.text) } };
}
