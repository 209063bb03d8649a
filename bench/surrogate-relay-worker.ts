/**
 * The bench's sentence surrogate's relay (`sentence-surrogate.ts`): when the real encoder forwards
 * its query vector, this thread sends the surrogate's vector on in its place, so the index's scan
 * starts when it would with real vectors, and the caller's thread plays no part, as in production.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';

const port = parentPort;
if (port === null) throw new Error('surrogate-relay-worker.ts runs as a worker thread');
port.on('message', ({ inbound, outbound, vector }: { inbound: MessagePort; outbound: MessagePort; vector: Float32Array }) => {
  inbound.once('message', (message: { vector?: Float32Array; error?: string }) => {
    outbound.postMessage(message.vector === undefined ? { error: message.error ?? 'no vector' } : { vector });
    outbound.close();
    inbound.close();
  });
  inbound.once('close', () => outbound.close());
});
