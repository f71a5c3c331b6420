"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { isTypingTarget, shortcutFor, type ShortcutId } from "@/lib/keyboard/shortcuts";

type Handler = () => void;

interface ShortcutRegistry {
  /** Adds a handler for a shortcut while the caller is mounted; the newest one wins. */
  register: (id: ShortcutId, handler: Handler) => () => void;
  /** Runs a shortcut as if its key was pressed (header buttons); false when nothing handles it here. */
  run: (id: ShortcutId) => boolean;
  /** The shortcuts something on this page handles, for the help dialog. */
  available: ReadonlySet<ShortcutId>;
}

const ShortcutContext = createContext<ShortcutRegistry | null>(null);

/**
 * The one keyboard listener of the app. Pages and widgets say what each shortcut does where
 * they are (useShortcut); this decides which key means what (lib/keyboard/shortcuts) and ignores
 * plain keys while the user types in a field.
 */
export function ShortcutProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Map<ShortcutId, Handler[]>());
  const [available, setAvailable] = useState<ReadonlySet<ShortcutId>>(new Set());

  const refreshAvailable = useCallback(() => {
    setAvailable(new Set([...handlers.current].filter(([, list]) => list.length > 0).map(([id]) => id)));
  }, []);

  const register = useCallback(
    (id: ShortcutId, handler: Handler) => {
      const list = handlers.current.get(id) ?? [];
      handlers.current.set(id, [...list, handler]);
      refreshAvailable();
      return () => {
        handlers.current.set(
          id,
          (handlers.current.get(id) ?? []).filter((h) => h !== handler),
        );
        refreshAvailable();
      };
    },
    [refreshAvailable],
  );

  const run = useCallback((id: ShortcutId) => {
    const list = handlers.current.get(id) ?? [];
    const handler = list[list.length - 1];
    handler?.();
    return handler !== undefined;
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const { code, key, ctrlKey, metaKey, altKey, shiftKey } = event;
      const id = shortcutFor({ code, key, ctrlKey, metaKey, altKey, shiftKey, typing: isTypingTarget(target) });
      if (id && run(id)) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    // Children's effects (the palette's, the help's) ran first: every global key works from now.
    document.documentElement.dataset.shortcuts = "ready";
    return () => window.removeEventListener("keydown", onKey);
  }, [run]);

  const value = useMemo(() => ({ register, run, available }), [register, run, available]);
  return <ShortcutContext.Provider value={value}>{children}</ShortcutContext.Provider>;
}

function useRegistry(): ShortcutRegistry {
  const registry = useContext(ShortcutContext);
  if (!registry) throw new Error("useShortcut needs a <ShortcutProvider> above it (app/(app)/layout.tsx)");
  return registry;
}

/** Makes `handler` what the shortcut does while the calling component is mounted (and `enabled`). */
export function useShortcut(id: ShortcutId, handler: Handler, enabled = true) {
  const { register } = useRegistry();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => (enabled ? register(id, () => latest.current()) : undefined), [register, id, enabled]);
}

export function useShortcutRunner(): ShortcutRegistry["run"] {
  return useRegistry().run;
}

export function useAvailableShortcuts(): ReadonlySet<ShortcutId> {
  return useRegistry().available;
}
