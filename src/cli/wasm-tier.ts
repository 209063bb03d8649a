import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';

/**
 * Commands that keep V8's optimizing compiler for WebAssembly: servers and sessions that live on,
 * and batch work that encodes many texts (the sentence encoder's wasm kernels run ~1.75× slower
 * on the baseline compiler: 30 ms a tool text against 17 measured).
 */
const OPTIMIZED_COMMANDS: ReadonlySet<string> = new Set(['serve', 'mcp', 'chat', 'bench', 'tools import', 'tools reindex']);

/**
 * How much of a WebAssembly function's code must run before V8 optimizes it, for one-shot
 * commands: ~150× V8's default (13 M), so a command that ends within seconds never starts such a
 * compile. The flag is read as modules are instantiated; `--liftoff-only`, tried first, is not.
 */
export const ONE_SHOT_WASM_TIERING_BUDGET = 2_000_000_000;

/**
 * Whether a command (its words, e.g. `['tools', 'list']`) should keep its WebAssembly on the
 * baseline compiler. PGlite's startup makes V8 optimize one very large Postgres function in the
 * background, and a process cannot exit before that compile ends: `toolsmith tools list` took
 * 3.2–3.9 s with ~670 MB of memory at peak, of which ~1.5 s and ~300 MB were that compile, after
 * the command had printed. A one-shot command never runs long enough to gain from the optimized code.
 */
export function usesBaselineWasm(command: readonly string[]): boolean {
  const [first, second] = command;
  if (first === undefined) return false;
  return !OPTIMIZED_COMMANDS.has(first) && !(second !== undefined && OPTIMIZED_COMMANDS.has(`${first} ${second}`));
}

/**
 * Applies `usesBaselineWasm` to this process. Called before the command's action, so before any
 * WebAssembly module (PGlite, the sentence encoder) is instantiated; V8's flags are the process's,
 * worker threads included. A long session still optimizes what it runs most, only later.
 */
export function chooseWasmTier(command: readonly string[]): void {
  if (usesBaselineWasm(command)) setFlagsFromString(`--wasm-tiering-budget=${ONE_SHOT_WASM_TIERING_BUDGET}`);
}

/**
 * Calls `choose` with the words of whichever command is about to run (`['tools', 'list']`), before
 * its action: `chooseWasmTier` by default.
 */
export function chooseWasmTierBeforeActions(program: Command, choose: (command: readonly string[]) => void = chooseWasmTier): void {
  program.hook('preAction', (_program, action) => {
    const words: string[] = [];
    for (let command: Command | null = action; command !== null && command !== program; command = command.parent) words.unshift(command.name());
    choose(words);
  });
}
