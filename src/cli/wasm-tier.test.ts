import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { chooseWasmTierBeforeActions, ONE_SHOT_WASM_TIERING_BUDGET, usesBaselineWasm } from './wasm-tier.ts';

describe('WebAssembly tier by command', () => {
  it('keeps one-shot commands on the baseline compiler, and servers, sessions and batch work optimized', () => {
    for (const command of [['tools', 'list'], ['tools', 'search'], ['tools', 'add'], ['ask'], ['demo'], ['verify'], ['run']]) {
      expect(usesBaselineWasm(command), command.join(' ')).toBe(true);
    }
    for (const command of [['serve'], ['mcp'], ['chat'], ['bench', 'retrieval'], ['tools', 'import'], ['tools', 'reindex'], []]) {
      expect(usesBaselineWasm(command), command.join(' ')).toBe(false);
    }
  });

  it('sets a V8 flag this Node knows (an unknown one would be ignored at run time without a word)', () => {
    const run = (flag: string) => spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });
    expect(run(`--wasm-tiering-budget=${ONE_SHOT_WASM_TIERING_BUDGET}`).status).toBe(0);
    // The check can fail: Node refuses a flag V8 does not have.
    expect(run('--wasm-tierng-budget=1').status).not.toBe(0);
  });

  it('chooses before the action runs, with the words of the command that runs', async () => {
    const program = new Command('toolsmith').exitOverride();
    const seen: string[] = [];
    program.command('serve').action(() => {
      seen.push('serve ran');
    });
    program
      .command('tools')
      .command('list')
      .action(() => {
        seen.push('list ran');
      });
    chooseWasmTierBeforeActions(program, (words) => seen.push(words.join(' ')));
    await program.parseAsync(['tools', 'list'], { from: 'user' });
    await program.parseAsync(['serve'], { from: 'user' });
    expect(seen).toEqual(['tools list', 'list ran', 'serve', 'serve ran']);
  });
});
