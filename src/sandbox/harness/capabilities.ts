// `globalThis.toolsmith`: the capabilities a tool may use, each checked on the host side.
import { thrownText } from './assertion-failure.ts';
import type { Bridge } from './bridge-access.ts';
import { ErrorCtor, PromiseCtor, StringCtor, objectFreeze, promiseThen } from './intrinsics.ts';

export interface ToolCapabilities {
  fs: { readFile(path: string): Promise<string> };
}

export function createCapabilities(bridge: Bridge): ToolCapabilities {
  return objectFreeze({
    fs: objectFreeze({
      // A refusal arrives as the host's message; rethrown as an Error of this realm so
      // `instanceof Error` and `.message` work in tool code.
      readFile: (path: string): Promise<string> =>
        new PromiseCtor<string>((resolve, reject) => {
          promiseThen(bridge.readFile(StringCtor(path)), (text) => resolve(text), (reason) => reject(new ErrorCtor(reasonText(reason))));
        }),
    }),
  });
}

function reasonText(reason: unknown): string {
  if (typeof reason === 'string') return reason;
  if (typeof reason === 'object' && reason !== null && typeof (reason as { message?: unknown }).message === 'string') {
    return (reason as { message: string }).message;
  }
  return thrownText(reason);
}
