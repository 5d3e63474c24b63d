// Rule pages in VS Code for the Web: they ship in the extension, but the server in a Worker does not
// know where its files are and a file:// link would not open there; diagnostics carry no page link.
// Stands in for server/src/ruleDocs.ts in the browser build.

export function ruleDocsFolder(): string | undefined {
  return undefined;
}

export function ruleDocUri(_code: string): string | undefined {
  return undefined;
}
