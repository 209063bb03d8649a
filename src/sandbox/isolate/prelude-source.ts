// The first code evaluated in every isolate, before the harness and any tool code: a function the
// host calls with the raw host handles as arguments, so they never appear on the global object;
// tool code can reach the bridge only through the plain functions built here.
// It captures the built-ins it needs up front, so later patches of globals or prototypes by tool
// code cannot bend it, and returns `control`, the one function the host calls to drive the run.
// Everything `control` hands back is strings (or small arrays of strings), produced here.
//
// Plain ES2023 in a string: it runs in the isolate, not in Node, and must not go through the
// test runner's transforms.

/** The order of the host handles the prelude function takes. */
export const PRELUDE_HANDLES = ['log', 'report', 'sleep', 'readFile', 'consoleBudget'] as const;

/**
 * Most timers or reads that may wait on the host at once, so a loop cannot queue unbounded host
 * work (each pending timer is a host timer plus a cross-thread call, roughly 70-90 µs to set up).
 */
export const MAX_PENDING_SLEEPS = 1_000;
export const MAX_PENDING_READS = 16;

/** Most characters one progress event may carry; a larger one is dropped, not sent. */
export const MAX_EVENT_CHARS = 65_536;

/**
 * Progress events are sent without waiting for the host (a blocking call costs ~60 µs, a test
 * sends two), so their total per run is capped instead: the host queue stays bounded even if
 * tool code calls `__toolsmith_bridge.report` in a loop.
 */
export const MAX_EVENTS = 20_000;
export const MAX_EVENT_TOTAL_CHARS = 4 * 1024 * 1024;

export const PRELUDE_SOURCE = String.raw`(function (logRaw, reportRaw, sleepRef, readRef, consoleBudget) {
'use strict';
let consoleLeft = consoleBudget;
const g = globalThis;
const ErrorCtor = Error, PromiseCtor = Promise, StringCtor = String, dateNow = Date.now;
const objectFreeze = Object.freeze, defineProperty = Object.defineProperty;
const reflectApply = Reflect.apply, jsonStringify = JSON.stringify, jsonParse = JSON.parse;
const uncurry = Function.prototype.bind.bind(Function.prototype.call);
const promiseThen = uncurry(Promise.prototype.then);
const stringSlice = uncurry(String.prototype.slice);
const sleepApply = uncurry(sleepRef.apply);
const readApply = uncurry(readRef.apply);
const ASYNC = objectFreeze({ arguments: objectFreeze({ copy: true }), result: objectFreeze({ promise: true, copy: true }) });
const MAX_SLEEPS = ${MAX_PENDING_SLEEPS}, MAX_READS = ${MAX_PENDING_READS}, MAX_EVENT = ${MAX_EVENT_CHARS};
let pendingSleeps = 0, pendingReads = 0, eventsLeft = ${MAX_EVENTS}, eventCharsLeft = ${MAX_EVENT_TOTAL_CHARS};

const describe = (error) => {
  try {
    if (error instanceof ErrorCtor) {
      const name = typeof error.name === 'string' ? error.name : 'Error';
      const message = typeof error.message === 'string' ? error.message : '';
      return name === 'Error' ? message : name + ': ' + message;
    }
    if (typeof error === 'string') return error;
    if (error === null || typeof error !== 'object') return StringCtor(error);
    const json = jsonStringify(error);
    return typeof json === 'string' ? json : 'a thrown ' + typeof error;
  } catch {
    return 'a thrown value that cannot be printed';
  }
};

// The isolate's own clock: durations need no host round trip (whole milliseconds are enough).
const now = () => dateNow();
// The host counts bytes exactly; this only stops sending once the host has surely gone past the
// budget (one character is at least one byte, and each line adds a newline), so the host has
// marked the output truncated and a console flood stops crossing the boundary.
const log = (level, text) => {
  if (consoleLeft < 0 || typeof text !== 'string') return;
  const part = text.length > consoleLeft ? stringSlice(text, 0, consoleLeft + 1) : text;
  consoleLeft -= part.length + 1;
  logRaw(typeof level === 'string' ? level : 'log', part);
};
const report = (event) => {
  let json;
  try { json = jsonStringify(event); } catch { return; }
  if (typeof json !== 'string' || json.length > MAX_EVENT || eventsLeft <= 0 || json.length > eventCharsLeft) return;
  eventsLeft--;
  eventCharsLeft -= json.length;
  reportRaw(json);
};
const sleep = (ms) => new PromiseCtor((resolve, reject) => {
  if (pendingSleeps >= MAX_SLEEPS) {
    reject(new ErrorCtor('too many timers are pending at once (at most ' + MAX_SLEEPS + ')'));
    return;
  }
  pendingSleeps++;
  promiseThen(sleepApply(sleepRef, undefined, [typeof ms === 'number' ? ms : 0], ASYNC), (slept) => {
    pendingSleeps--;
    if (slept === true) resolve(undefined);
    else reject(new ErrorCtor(typeof slept === 'string' ? slept : 'the timer was refused'));
  }, () => {
    pendingSleeps--;
    reject(new ErrorCtor('the timer failed on the host'));
  });
});
const readFile = (path) => new PromiseCtor((resolve, reject) => {
  if (typeof path !== 'string') {
    reject(new ErrorCtor('toolsmith.fs.readFile takes a path string'));
    return;
  }
  if (pendingReads >= MAX_READS) {
    reject(new ErrorCtor('too many file reads are pending at once (at most ' + MAX_READS + ')'));
    return;
  }
  pendingReads++;
  promiseThen(readApply(readRef, undefined, [path], ASYNC), (answer) => {
    pendingReads--;
    if (answer !== null && typeof answer === 'object' && answer[0] === true && typeof answer[1] === 'string') resolve(answer[1]);
    else reject(new ErrorCtor(answer !== null && typeof answer === 'object' && typeof answer[1] === 'string' ? answer[1] : 'the read was refused'));
  }, () => {
    pendingReads--;
    reject(new ErrorCtor('the read failed on the host'));
  });
});

defineProperty(g, '__toolsmith_bridge', {
  value: objectFreeze({ now, sleep, log, report, readFile }),
  writable: false, enumerable: false, configurable: false,
});

// Taken right after the harness script runs and before tool code, so a test file that swaps
// the harness or its methods changes nothing here.
let harness, harnessRun, harnessRecordLoadError;

const capture = () => {
  harness = g.__toolsmith_harness;
  if (harness === null || typeof harness !== 'object') return 'the harness script did not install __toolsmith_harness';
  harnessRun = harness.run;
  harnessRecordLoadError = harness.recordLoadError;
  return typeof harnessRun === 'function' ? 'ok' : 'the harness has no run() function';
};

const load = (bundle, purpose) => {
  try {
    bundle();
    return ['ok', ''];
  } catch (error) {
    if (purpose === 'verify' && typeof harnessRecordLoadError === 'function') {
      reflectApply(harnessRecordLoadError, harness, [error]);
      return ['ok', ''];
    }
    return ['load_failed', (purpose === 'verify' ? 'the test file threw while loading: ' : 'the tool threw while loading: ') + describe(error)];
  }
};

const callTool = async (name, argsJson, maxChars) => {
  let fn;
  try {
    const tools = g.__toolsmith_tool;
    fn = tools !== null && typeof tools === 'object' ? tools[name] : undefined;
  } catch (error) {
    return ['not_a_function', 'reading the tool ' + name + ' threw: ' + describe(error)];
  }
  if (typeof fn !== 'function') return ['not_a_function', name + ' is not a function (it is ' + (fn === null ? 'null' : typeof fn) + ')'];
  let value;
  try {
    value = await reflectApply(fn, undefined, [jsonParse(argsJson)]);
  } catch (error) {
    return ['tool_threw', describe(error)];
  }
  if (typeof value === 'function' || typeof value === 'symbol') return ['not_serializable', 'the tool returned a ' + typeof value + ', which JSON cannot carry'];
  let json;
  try {
    json = value === undefined ? 'null' : jsonStringify(value);
  } catch (error) {
    return ['not_serializable', 'the result cannot be turned into JSON: ' + describe(error)];
  }
  if (typeof json !== 'string') return ['not_serializable', 'the result cannot be turned into JSON'];
  // One UTF-16 unit is at least one UTF-8 byte, so this never refuses a result that fits.
  if (json.length > maxChars) return ['output_limit', '' + json.length];
  return ['ok', json];
};

const runSuite = async (testTimeoutMs) => {
  let report;
  try {
    report = await reflectApply(harnessRun, harness, [{ testTimeoutMs }]);
  } catch (error) {
    return ['load_failed', 'the test harness failed: ' + describe(error)];
  }
  let json;
  try { json = jsonStringify(report); } catch (error) {
    return ['sandbox_failed', 'the test report cannot be turned into JSON: ' + describe(error)];
  }
  return ['ok', typeof json === 'string' ? json : 'null'];
};

return (op, a, b, c) => {
  if (op === 'capture') return capture();
  if (op === 'load') return load(a, b);
  if (op === 'call') return callTool(a, b, c);
  if (op === 'verify') return runSuite(a);
  return ['sandbox_failed', 'unknown operation'];
};
})`;
