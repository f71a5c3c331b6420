"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { SheetViewer } from "@/components/sheet/SheetViewer";
import type { ContentError } from "@/lib/content/errors";
import { clearDraft, draftKey, readDraft, writeDraft } from "@/lib/studio/draft";
import { saveAnswerSchema, type StudioFileKind, type StudioSaveState } from "@/lib/studio/schemas";
import { LayoutRewriteError, readLayout } from "@/lib/studio/layout-rewrite";
import { addRow, addSectionToRow } from "@/lib/studio/layout-structure";
import { enclosingSectionEnd, lineOfSection, sectionAtLine } from "@/lib/studio/section-lines";
import { sectionBlock, SNIPPETS } from "@/lib/studio/snippets";
import { FitGauges } from "./FitGauges";
import { HistoryPanel } from "./HistoryPanel";
import { InsertPalette, type PaletteChoice } from "./InsertPalette";
import { LayoutHandles } from "./LayoutHandles";
import { LayoutPanel } from "./LayoutPanel";
import { SaveConflict } from "./SaveConflict";
import { SourceEditor, type EditorHandle } from "./SourceEditor";

/** Pauses after typing before the preview is compiled, and before an autosave. */
const PREVIEW_PAUSE_MS = 250;
const AUTOSAVE_PAUSE_MS = 2500;

/** The layout's rows and placed ids, or none while the frontmatter cannot be read. */
function readLayoutOrNone(source: string) {
  try {
    return readLayout(source);
  } catch {
    return [];
  }
}
const layoutRowCount = (source: string) => readLayoutOrNone(source).length;
const placedSections = (source: string) =>
  new Set(readLayoutOrNone(source).flatMap((row) => row.sections.map((s) => s.id)));

/** What the server answers for unsaved text: its errors, and the rendered page when it has none. */
export interface StudioPreview {
  errors: ContentError[];
  page: ReactNode;
}

export interface StudioProps {
  kind: StudioFileKind;
  course: string;
  chapter: number;
  /** The chapter page, where "back" goes. */
  chapterHref: string;
  initialSource: string;
  /** sha256 of the file on disk, null when there is none yet. */
  initialHash: string | null;
  initialErrors: ContentError[];
  initialPage: ReactNode;
  /** The server action that checks and renders unsaved text (the same pipeline as the app's pages). */
  preview: (kind: StudioFileKind, course: string, chapter: string, source: string) => Promise<StudioPreview>;
}

/**
 * The sheet studio: the source in a code editor beside the live A4 page compiled on the server by
 * the same pipeline as the chapter page and the PDF. Unsaved text lives in localStorage until saved.
 */
export function Studio({
  kind,
  course,
  chapter,
  chapterHref,
  initialSource,
  initialHash,
  initialErrors,
  initialPage,
  preview,
}: StudioProps) {
  const t = useTranslations("studio");
  const tState = useTranslations("studio.state");
  const apiBase = kind === "course" ? `/api/content/${course}/course` : `/api/content/${course}/${chapter}/${kind}`;
  const storageKey = draftKey(kind, course, chapter);
  const isSheet = kind === "sheet";
  const [source, setSource] = useState(initialSource);
  const [editorKey, setEditorKey] = useState(0);
  const [baseHash, setBaseHash] = useState(initialHash);
  const [savedSource, setSavedSource] = useState(initialSource);
  const [errors, setErrors] = useState(initialErrors);
  const [page, setPage] = useState<{ node: ReactNode; revision: number }>({ node: initialPage, revision: 0 });
  const [saveState, setSaveState] = useState<StudioSaveState>("saved");
  const [conflict, setConflict] = useState<{ theirs: string; hash: string | null } | null>(null);
  const [autosave, setAutosave] = useState(true);
  const [showHistory, setShowHistory] = useState(false);
  const [historyRefresh, setHistoryRefresh] = useState(0);
  const [restored, setRestored] = useState(false);
  const [activeSection, setActiveSection] = useState<string | null>(null);
  const [previewFailed, setPreviewFailed] = useState(false);
  const [palette, setPalette] = useState(false);
  const [showLayout, setShowLayout] = useState(false);
  const editor = useRef<EditorHandle | null>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const previewSeq = useRef(0);
  const latest = useRef({ source, baseHash });
  // For the callbacks below (save, cursor moves): the text and hash as last rendered.
  useEffect(() => {
    latest.current = { source, baseHash };
  });

  const refreshPreview = useCallback(
    async (text: string) => {
      const seq = ++previewSeq.current;
      let answer: StudioPreview;
      try {
        answer = await preview(kind, course, String(chapter), text);
      } catch {
        // The server is away (stopped, restarting): the last page stays, the text is in the draft.
        if (seq === previewSeq.current) setPreviewFailed(true);
        return;
      }
      if (seq !== previewSeq.current) return;
      setPreviewFailed(false);
      setErrors(answer.errors);
      if (answer.page) setPage((current) => ({ node: answer.page, revision: current.revision + 1 }));
    },
    [kind, course, chapter, preview],
  );

  // A draft left by a crash or a closed tab comes back, with the hash it was written against.
  useEffect(() => {
    const draft = readDraft(window.localStorage, storageKey);
    if (draft && draft.source !== initialSource) {
      // localStorage exists only in the browser, after hydration: the server rendered the file's text.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setSource(draft.source);
      setBaseHash(draft.baseHash);
      setSaveState("unsaved");
      setEditorKey((k) => k + 1);
      setRestored(true);
    }
  }, [storageKey, initialSource, refreshPreview]);

  const save = useCallback(
    async (text = latest.current.source, hash = latest.current.baseHash) => {
      setSaveState("saving");
      try {
        const response = await fetch(apiBase, {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ source: text, baseHash: hash }),
        });
        const answer = saveAnswerSchema.safeParse(await response.json());
        if (response.status === 409 && answer.success && "source" in answer.data) {
          setConflict({ theirs: answer.data.source ?? "", hash: answer.data.hash });
          setSaveState("conflict");
          return;
        }
        if (!response.ok || !answer.success || !("errors" in answer.data)) throw new Error(`status ${response.status}`);
        setBaseHash(answer.data.hash);
        setSavedSource(text);
        setConflict(null);
        setHistoryRefresh((n) => n + 1);
        if (latest.current.source === text) {
          clearDraft(window.localStorage, storageKey);
          setSaveState("saved");
        } else setSaveState("unsaved");
      } catch {
        setSaveState("failed");
      }
    },
    [apiBase, storageKey],
  );

  const change = useCallback(
    (text: string) => {
      setSource(text);
      setSaveState("unsaved");
      writeDraft(window.localStorage, storageKey, {
        source: text,
        baseHash: latest.current.baseHash,
        savedAt: Date.now(),
      });
    },
    [storageKey],
  );

  /** A change made outside the editor (layout panel or drag, restore, merge): one undoable editor change. */
  const replace = (text: string) => {
    if (editor.current) editor.current.replaceText(text);
    else {
      change(text);
      setEditorKey((k) => k + 1);
    }
  };

  const insert = (choice: PaletteChoice) => {
    setPalette(false);
    const handle = editor.current;
    if (!handle) return;
    if (choice.kind === "snippet") return handle.insertBlock(SNIPPETS[choice.id]);
    // Sections do not nest: a new one goes after the section the cursor is in, and into the layout.
    handle.insertBlock(
      sectionBlock(choice.fields),
      enclosingSectionEnd(handle.text(), handle.cursorLine()) ?? undefined,
    );
    const text = handle.text();
    const rows = layoutRowCount(text);
    try {
      handle.replaceText(
        choice.row < rows
          ? addSectionToRow(text, choice.row, choice.fields.id)
          : addRow(text, rows - 1, choice.fields.id),
      );
    } catch (error) {
      // The layout cannot take it (full row, unreadable layout): the compiler lists the section as unplaced.
      if (!(error instanceof LayoutRewriteError)) throw error;
    }
  };

  // The page for the text as loaded came with the page; every later text gets a preview after a pause.
  const previewed = useRef(source);
  useEffect(() => {
    if (source === previewed.current) return;
    const timer = window.setTimeout(() => {
      previewed.current = source;
      void refreshPreview(source);
    }, PREVIEW_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [source, refreshPreview]);

  useEffect(() => {
    if (!autosave || saveState !== "unsaved" || conflict) return;
    const timer = window.setTimeout(() => void save(), AUTOSAVE_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [autosave, saveState, conflict, source, save]);

  // Ctrl/⌘ S anywhere in the studio, not only inside the editor.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The editor's own Ctrl S already saved (and prevented the default): a second PUT with the same
      // base hash would be answered "changed on disk" and could land after the first.
      if (event.defaultPrevented) return;
      if ((event.ctrlKey || event.metaKey) && event.code === "KeyS") {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);

  // The section under the cursor is outlined on the page.
  useEffect(() => {
    const root = previewRef.current;
    if (!root) return;
    for (const element of root.querySelectorAll("[data-studio-active]")) element.removeAttribute("data-studio-active");
    if (activeSection)
      root.querySelector(`[data-section="${CSS.escape(activeSection)}"]`)?.setAttribute("data-studio-active", "");
  }, [activeSection, page]);

  const pickSection = (id: string) => {
    const line = lineOfSection(latest.current.source, id);
    if (line !== null) editor.current?.goToLine(line);
  };

  const onPreviewClick = (event: MouseEvent<HTMLElement>) => {
    if (!(event.target instanceof Element) || event.target.closest("a, button, [data-handle]")) return;
    const id = event.target.closest<HTMLElement>("[data-section]")?.dataset.section;
    if (id) pickSection(id);
  };

  const tabs: { kind: StudioFileKind; label: string; href: string }[] = [
    { kind: "sheet", label: "sheet.mdx", href: `${chapterHref}/edit` },
    { kind: "source", label: "source.md", href: `${chapterHref}/edit/source` },
    { kind: "course", label: "course.yaml", href: `${chapterHref}/edit/course` },
  ];

  return (
    <div className="studio" data-studio={kind} data-save-state={saveState}>
      <div className="studio-source">
        <nav className="studio-tabs" aria-label={t("files")}>
          {tabs.map((tab) => (
            <a
              key={tab.kind}
              href={tab.href}
              className="studio-tab"
              aria-current={tab.kind === kind ? "page" : undefined}
              translate="no"
              data-studio-tab={tab.kind}
            >
              {tab.label}
            </a>
          ))}
        </nav>
        <div className="studio-toolbar" role="toolbar" aria-label={t("toolbar")}>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void save()}
            data-studio-save
            title={t("saveTitle")}
          >
            {t("save")}
          </button>
          <label className="studio-check">
            <input
              type="checkbox"
              checked={autosave}
              onChange={(event) => setAutosave(event.target.checked)}
              data-studio-autosave
            />
            {t("autosave")}
          </label>
          <button type="button" className="btn" aria-pressed={showHistory} onClick={() => setShowHistory((v) => !v)}>
            {t("historyButton")}
          </button>
          {isSheet ? (
            <>
              <button
                type="button"
                className="btn"
                aria-pressed={showLayout}
                onClick={() => setShowLayout((v) => !v)}
                data-studio-layout-toggle
              >
                {t("layoutButton")}
              </button>
              <button
                type="button"
                className="btn"
                aria-haspopup="dialog"
                onClick={() => setPalette(true)}
                title={t("insertTitle")}
                data-studio-insert
              >
                {t("insertButton")}
              </button>
            </>
          ) : null}
          <p className="studio-save-state" role="status" aria-live="polite" data-studio-status={saveState}>
            {tState(saveState)}
          </p>
          <a className="studio-link" href={chapterHref}>
            {t("back")}
          </a>
        </div>
        {restored ? <p className="studio-note">{t("restoredDraft")}</p> : null}
        {previewFailed ? (
          <p className="studio-note" role="status" data-preview-failed>
            {t("previewFailed")}
          </p>
        ) : null}
        {conflict ? (
          <SaveConflict
            base={savedSource}
            mine={source}
            theirs={conflict.theirs}
            onResolve={(text, saveNow) => {
              const hash = conflict.hash;
              setConflict(null);
              setBaseHash(hash);
              setSavedSource(conflict.theirs);
              replace(text);
              if (saveNow) void save(text, hash);
            }}
          />
        ) : null}
        <SourceEditor
          key={editorKey}
          value={source}
          errors={errors}
          onChange={change}
          onSave={() => void save()}
          onCursorLine={(line) => setActiveSection(sectionAtLine(latest.current.source, line))}
          onPalette={() => setPalette(true)}
          onReady={(handle) => {
            editor.current = handle;
          }}
        />
        {palette && isSheet ? (
          <InsertPalette
            rows={layoutRowCount(source)}
            taken={placedSections(source)}
            onPick={insert}
            onClose={() => {
              setPalette(false);
              editor.current?.focus();
            }}
          />
        ) : null}
        {showLayout && isSheet ? (
          <LayoutPanel
            source={source}
            onChange={replace}
            onUndo={(again) => (again ? editor.current?.redo() : editor.current?.undo())}
          />
        ) : null}
        <div className="studio-errors" data-studio-errors={errors.length}>
          {errors.length === 0 ? (
            <p>{t("noErrors")}</p>
          ) : (
            <>
              <p>
                <strong>{t("errorsHeading")}</strong> · {t("previewStale")}
              </p>
              <ul>
                {errors.map((error, index) => (
                  <li key={index}>
                    <button
                      type="button"
                      className="studio-link"
                      onClick={() => editor.current?.goToLine(error.line)}
                      data-error-line={error.line}
                    >
                      {t("line", { line: error.line })}
                    </button>{" "}
                    <span translate="no" lang="en">
                      {error.field ? `${error.field}: ` : ""}
                      {error.message}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        {showHistory ? (
          <HistoryPanel apiBase={apiBase} current={source} refresh={historyRefresh} onRestore={replace} />
        ) : null}
      </div>
      {isSheet ? (
        <div className="studio-page">
          <FitGauges preview={previewRef} onPick={pickSection} />
          <div className="studio-preview" data-preview ref={previewRef} onClick={onPreviewClick}>
            <SheetViewer>
              <div className="studio-page-stack" key={page.revision} data-preview-revision={page.revision}>
                {page.node}
                <LayoutHandles preview={previewRef} source={source} revision={page.revision} onChange={replace} />
              </div>
            </SheetViewer>
          </div>
        </div>
      ) : (
        <div
          className="studio-page studio-page-text"
          data-preview
          data-preview-revision={page.revision}
          ref={previewRef}
        >
          {page.node}
        </div>
      )}
    </div>
  );
}
