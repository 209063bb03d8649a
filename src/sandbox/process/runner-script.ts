/** Where the run folder is mounted inside the sandbox, and the files the host writes into it. */
export const SANDBOX_DIR = '/sandbox';
export const RUNNER_FILE = 'runner.mjs';
export const HARNESS_FILE = 'harness.js';
export const BUNDLE_FILE = 'tool.mjs';

/**
 * The trusted runner: the first code node runs inside the sandbox. It reads the request from stdin,
 * installs the bridge, evaluates the harness, imports the tool's bundle and writes one framed JSON
 * message per line to fd 3. It takes its own references to everything it needs before tool code
 * loads, and keeps the nonce in a closure, so code that patches globals or writes to fd 3 cannot
 * produce a message the host accepts. Plain JavaScript, kept as text: it is written into the run
 * folder, not bundled.
 */
export const RUNNER_SOURCE = String.raw`
import { readFileSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runInThisContext } from 'node:vm';
import v8 from 'node:v8';
import { syncBuiltinESMExports } from 'node:module';

const CHANNEL = 3;
const stringify = JSON.stringify;
const parse = JSON.parse;
const byteLength = Buffer.byteLength;
const bufferFrom = Buffer.from.bind(Buffer);
const toText = String;
const exit = process.exit.bind(process);
const now = performance.now.bind(performance);
const defineProperty = Object.defineProperty;
const ErrorClass = Error;
const apply = Reflect.apply;

const request = parse(readFileSync(0, 'utf8'));
const prefix = '{"n":' + stringify(request.nonce) + ',"t":';
delete request.nonce;
// A heap snapshot would show the nonce to tool code, and V8 flags set at run time could expose
// internals; neither is something a tool needs.
for (const name of ['getHeapSnapshot', 'writeHeapSnapshot', 'setFlagsFromString']) {
  v8[name] = () => { throw new Error('v8.' + name + ' is not available in the sandbox'); };
}
syncBuiltinESMExports();
const readRoots = request.readRoots;
// A tool awaiting a promise that never settles must run into the wall time, not end node early
// with "unsettled top-level await"; finish() exits explicitly.
setInterval(() => {}, 1 << 30);
let logBytes = 0;
let finished = false;
const unhandled = [];

function send(line) {
  const text = line + '\n';
  const total = byteLength(text);
  const buffer = bufferFrom(text, 'utf8');
  let offset = 0;
  while (offset < total) {
    try {
      offset += writeSync(CHANNEL, buffer, offset, total - offset);
    } catch (error) {
      if (error && error.code === 'EAGAIN') continue;
      throw error;
    }
  }
}

function describe(error) {
  try {
    if (error instanceof ErrorClass) {
      const name = toText(error.name);
      return (name && name !== 'Error' ? name + ': ' : '') + toText(error.message);
    }
    return typeof error === 'string' ? error : toText(stringify(error) ?? error);
  } catch {
    return 'a value that could not be described';
  }
}

function finish(line) {
  if (finished) return;
  finished = true;
  send(line);
  exit(0);
}

function fail(code, message) {
  finish(prefix + '"fail","code":' + stringify(code) + ',"message":' + stringify(toText(message)) + '}');
}

function insideRoots(path) {
  for (const root of readRoots) {
    if (path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)) return true;
  }
  return false;
}

const bridge = Object.freeze({
  now: () => now(),
  sleep: (ms) => new Promise((done) => setTimeout(done, Number(ms) || 0)),
  log(level, text) {
    if (finished || logBytes > request.maxConsoleBytes) return;
    const body = toText(text);
    // One line past the budget reaches the host, so its capture is marked truncated.
    logBytes += byteLength(body) + 1;
    send(prefix + '"log","level":' + stringify(toText(level)) + ',"text":' + stringify(body) + '}');
  },
  report(event) {
    if (!finished) send(prefix + '"event","event":' + stringify(event) + '}');
  },
  async readFile(path) {
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new ErrorClass('toolsmith.fs.readFile needs an absolute path, got ' + stringify(path));
    }
    const absolute = resolvePath(path);
    if (!insideRoots(absolute)) {
      throw new ErrorClass(readRoots.length === 0
        ? 'reading ' + absolute + ' is not allowed: the manifest grants no fs.read capability'
        : 'reading ' + absolute + ' is not allowed: the manifest grants fs.read only below ' + readRoots.join(', '));
    }
    try {
      return await readFile(absolute, 'utf8');
    } catch (error) {
      // A symlink leading out of the granted folders lands in the sandbox's empty tree: ENOENT.
      throw new ErrorClass('cannot read ' + absolute + ': ' + (error && error.code ? error.code : describe(error)) +
        ' (only files inside the granted folders are readable)');
    }
  },
});
defineProperty(globalThis, '__toolsmith_bridge', { value: bridge, writable: false, configurable: false, enumerable: false });

// The network namespace has no network anyway; without fetch a tool fails with a plain message.
delete globalThis.fetch;
delete globalThis.EventSource;

process.on('uncaughtException', (error) => { unhandled.push(describe(error)); bridge.log('error', 'Uncaught ' + describe(error)); });
process.on('unhandledRejection', (error) => { unhandled.push(describe(error)); bridge.log('error', 'Unhandled rejection: ' + describe(error)); });

const harnessPath = '${SANDBOX_DIR}/${HARNESS_FILE}';
runInThisContext(readFileSync(harnessPath, 'utf8'), { filename: harnessPath });
// Taken before the bundle loads: a test file that swaps the harness or its run() changes nothing.
const harness = globalThis.__toolsmith_harness;
const runSuite = harness.run;

try {
  await import('${SANDBOX_DIR}/${BUNDLE_FILE}');
} catch (error) {
  fail('load_failed', (request.purpose === 'verify' ? 'the test file threw while loading: ' : 'the tool threw while loading: ') + describe(error));
}

if (!finished && request.purpose === 'verify') {
  let report;
  try {
    report = await apply(runSuite, harness, [{ testTimeoutMs: request.testTimeoutMs }]);
  } catch (error) {
    fail('load_failed', 'the test harness failed: ' + describe(error));
  }
  if (!finished) {
    if (unhandled.length > 0 && report && report.error === undefined) {
      report = { ...report, error: 'unhandled error during the run: ' + unhandled[0] };
    }
    let json;
    try {
      json = stringify(report);
    } catch (error) {
      fail('not_serializable', 'the test report cannot be sent as JSON: ' + describe(error));
    }
    if (!finished) finish(prefix + '"suite","report":' + json + '}');
  }
}

if (!finished && request.purpose === 'call') {
  const exported = globalThis.__toolsmith_tool;
  const tool = exported === null || exported === undefined ? undefined : exported[request.toolName];
  if (typeof tool !== 'function') {
    fail('not_a_function', 'tool.ts exports ' + request.toolName + ' as ' + (tool === null ? 'null' : typeof tool) + ', not a function');
  } else {
    let value;
    let threw = false;
    try {
      value = await tool(parse(request.argsJson));
    } catch (error) {
      threw = true;
      fail('tool_threw', describe(error));
    }
    if (!threw) {
      let json;
      try {
        json = stringify(value);
      } catch (error) {
        fail('not_serializable', 'the result cannot be sent as JSON: ' + describe(error));
      }
      if (!finished && json !== undefined && byteLength(json) > request.maxResultBytes) {
        fail('output_limit', 'the result is ' + byteLength(json) + ' bytes of JSON, over the limit of ' + request.maxResultBytes);
      }
      if (!finished) finish(prefix + '"result"' + (json === undefined ? '' : ',"value":' + json) + '}');
    }
  }
}
`;
