import fs from "node:fs";
import { builtinModules } from "node:module";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * What a "use client" module reaches is sent to every browser that opens its page. A Node module
 * anywhere below one does not fail the build: Next bundles a browser copy of it (lib/study/extract.ts
 * hashing with node:crypto put 450 KB of crypto-browserify into the chapter and review pages). Lint
 * sees one import at a time; this walks the whole graph, as the bundler does.
 */

/** Packages that only run on the server: in a browser bundle they are dead weight or a broken build. */
const SERVER_ONLY_PACKAGES = ["better-sqlite3", "playwright-core", "@prisma/client", "@prisma/adapter-better-sqlite3"];
const NODE_BUILTINS = new Set(builtinModules);

function isServerOnly(specifier: string): boolean {
  if (specifier.startsWith("node:") || NODE_BUILTINS.has(specifier)) return true;
  return SERVER_ONLY_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

/** The module specifiers a file loads at run time: type-only imports and exports are erased. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          clause.name === undefined &&
          named !== undefined &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((element) => element.isTypeOnly));
      if (!onlyTypes) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isClientModule(file: string): boolean {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const first = source.statements[0];
  return (
    first !== undefined &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use client"
  );
}

interface Walk {
  /** Each server-only import reached, with the chain of files from a client module down to it. */
  violations: string[];
  /** Every project file the client modules reach. */
  reached: Set<string>;
}

/** From each entry, every project file it loads at run time (packages are not walked into). */
function walkClientGraph(root: string, entries: string[], options: ts.CompilerOptions): Walk {
  const cameFrom = new Map<string, string | null>(entries.map((entry) => [entry, null]));
  const queue = [...entries];
  const violations: string[] = [];
  const chain = (file: string) => {
    const files: string[] = [];
    for (let at: string | null | undefined = file; at; at = cameFrom.get(at)) files.unshift(path.relative(root, at));
    return files.join(" → ");
  };
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const specifier of runtimeImports(file)) {
      if (isServerOnly(specifier)) {
        violations.push(`${chain(file)} → ${specifier}`);
        continue;
      }
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport || !/\.tsx?$/.test(resolved.resolvedFileName)) continue;
      const target = path.resolve(resolved.resolvedFileName);
      if (cameFrom.has(target)) continue;
      cameFrom.set(target, file);
      queue.push(target);
    }
  }
  return { violations, reached: new Set(cameFrom.keys()) };
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function projectCompilerOptions(root: string): ts.CompilerOptions {
  const configFile = path.join(root, "tsconfig.json");
  const { config } = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
  return ts.parseJsonConfigFileContent(config, ts.sys, root).options;
}

describe("code sent to the browser", () => {
  const root = process.cwd();
  const clientModules = ["app", "components", "lib"]
    .flatMap((dir) => sourceFiles(path.join(root, dir)))
    .filter(isClientModule);

  it("never reaches a Node module or a server-only package from a client component", () => {
    const { violations, reached } = walkClientGraph(root, clientModules, projectCompilerOptions(root));
    // The walk covered the app's client components and followed the @/ alias into lib/.
    expect(clientModules.length).toBeGreaterThanOrEqual(50);
    expect(reached.has(path.join(root, "lib/study/schemas.ts"))).toBe(true);
    expect(violations).toEqual([]);
  });

  it("finds a Node module two imports below a client module, and ignores one reached by a type only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "client-graph-"));
    try {
      fs.writeFileSync(
        path.join(dir, "Widget.tsx"),
        `"use client";\nimport { kinds } from "./kinds";\nimport type { Hash } from "./types-only";\nexport const w = kinds;\n`,
      );
      fs.writeFileSync(path.join(dir, "kinds.ts"), `export { kinds } from "./hashing";\n`);
      fs.writeFileSync(
        path.join(dir, "hashing.ts"),
        `import { createHash } from "node:crypto";\nexport const kinds = [createHash];\n`,
      );
      fs.writeFileSync(path.join(dir, "types-only.ts"), `import fs from "node:fs";\nexport type Hash = typeof fs;\n`);
      const { violations, reached } = walkClientGraph(dir, [path.join(dir, "Widget.tsx")], {
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        module: ts.ModuleKind.ESNext,
      });
      expect(violations).toEqual(["Widget.tsx → kinds.ts → hashing.ts → node:crypto"]);
      expect(reached.has(path.join(dir, "types-only.ts"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
