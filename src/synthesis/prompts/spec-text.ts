// How a spec is shown to the stages that work from it: the manifest as JSON, then the docstring.
import type { ToolSpec } from './spec-prompt.ts';

export function formatSpec(spec: ToolSpec): string {
  const { docstring, ...manifest } = spec;
  return [`tool.json:`, JSON.stringify(manifest, null, 2), '', 'Docstring:', docstring.trim()].join('\n');
}
