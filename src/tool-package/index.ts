export {
  ToolManifestSchema,
  ParametersSchema,
  RuntimeSchema,
  CapabilitiesSchema,
  TOOL_NAME_PATTERN,
  MANIFEST_FILE,
  TOOL_FILE,
  TEST_FILE,
} from './manifest.ts';
export type { ToolManifest, ToolManifestInput, ToolRuntime, ToolCapabilities, ToolPackage } from './manifest.ts';
export { parseManifest } from './parse-manifest.ts';
export type { ManifestProblem, ManifestResult } from './parse-manifest.ts';
export { loadToolPackage, parseToolPackage } from './load-package.ts';
export { bundleToolPackage, checkToolPackage, ALLOWED_PACKAGES } from './bundle.ts';
export type { ToolBundle, BundlePurpose, PackageProblem } from './bundle.ts';
export { checkAgainstSchema, compileJsonSchema } from './json-schema.ts';
export { describeParameters, exampleArguments } from './describe-parameters.ts';
export type { ValueCheck } from './json-schema.ts';
