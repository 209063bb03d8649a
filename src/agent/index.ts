export { verifyPackage } from './verify-package.ts';
export { runTool, checkArguments, argumentsHint } from './run-tool.ts';
export { describeParameters, exampleArguments } from './describe-parameters.ts';
