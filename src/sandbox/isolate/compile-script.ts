// Compiles a script in a fresh isolate, reusing V8's code cache for source it has seen before.
// Isolates are per run, so a compiled `Script` cannot be reused; the code cache can, and it
// roughly halves the cost of compiling the harness. The cache is produced here by V8 from our
// own compile, never taken from outside, so it is safe to feed back in.
import type ivm from 'isolated-vm';

interface CacheFields {
  cachedData?: ivm.ExternalCopy<ArrayBuffer>;
  cachedDataRejected?: boolean;
}

const CACHE_LIMIT = 64;
const codeCache = new Map<string, ivm.ExternalCopy<ArrayBuffer>>();

/** `key` names the source (a content hash or a fixed name); the same key must mean the same code. */
export async function compileScript(isolate: ivm.Isolate, options: { code: string; key: string; filename: string }): Promise<ivm.Script> {
  const cacheKey = `${options.key}\0${options.code.length}`;
  const cachedData = codeCache.get(cacheKey);
  // The typings leave out the cache fields that `compileScript` sets on the script.
  const script: ivm.Script & CacheFields = await isolate.compileScript(
    options.code,
    cachedData === undefined ? { filename: options.filename, produceCachedData: true } : { filename: options.filename, cachedData },
  );
  if (cachedData === undefined && script.cachedData !== undefined) {
    if (codeCache.size >= CACHE_LIMIT) codeCache.delete(codeCache.keys().next().value as string);
    codeCache.set(cacheKey, script.cachedData);
  } else if (script.cachedDataRejected === true) {
    codeCache.delete(cacheKey);
  }
  return script;
}
