/** `npm run bench`: every benchmark, printed as tables of medians and p95 with the machine. */
import { benchRegistryQuality, benchRegistryScale } from './registry-scale.ts';
import { benchAgent } from './agent.ts';
import { benchSandbox } from './sandbox.ts';
import { benchSentenceEncoder } from './sentence-encoder.ts';
import { benchToolChoice } from './tool-choice.ts';
import { machineLine } from './stats.ts';

console.log(`# Toolsmith benchmarks\n\n${machineLine()}`);
await benchSandbox();
await benchRegistryScale();
await benchRegistryScale({ sentence: true });
await benchSentenceEncoder();
await benchRegistryQuality();
await benchAgent();
await benchToolChoice();
