import { Session } from "node:inspector/promises";

/**
 * Gives back the memory a finished burst of work grew: after a few PDFs (their buffers, Chromium's
 * protocol messages) 60–70 MB. V8 collects and shrinks its heap only as the program allocates, so
 * a server gone quiet would hold that memory for as long as it stays quiet. The in-process
 * inspector's collectGarbage is V8's low-memory notification: a full collection that also hands
 * back the heap's spare room (the young generation's, above all), which `gc()` under --expose-gc
 * does not. No port is opened and no flag is needed.
 */
export async function releaseIdleMemory(): Promise<void> {
  const session = new Session();
  session.connect();
  try {
    await session.post("HeapProfiler.collectGarbage");
  } finally {
    session.disconnect();
  }
}
