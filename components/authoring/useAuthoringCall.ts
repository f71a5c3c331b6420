"use client";

import { useState } from "react";
import { readAuthoringError, type AuthoringError } from "./problems";

export type CallResult = { ok: true; body: unknown } | { ok: false };

/**
 * One authoring request at a time: `busy` while it runs, `failure` with the server's reasons (or
 * `offlineMessage` when the server cannot be reached), the JSON body when it succeeds.
 */
export function useAuthoringCall(offlineMessage: string) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AuthoringError | null>(null);

  const call = async (send: () => Promise<Response>): Promise<CallResult> => {
    setBusy(true);
    setFailure(null);
    try {
      const response = await send();
      if (!response.ok) {
        setFailure(await readAuthoringError(response));
        return { ok: false };
      }
      return { ok: true, body: await response.json().catch(() => null) };
    } catch {
      setFailure({ error: offlineMessage });
      return { ok: false };
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, call };
}
