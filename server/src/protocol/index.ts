// The contract between the VS Code client and the language server, in one module the client imports:
// custom requests and notifications, what code actions carry, and the URIs of PDF letters' text.

export * from './codeActions';
export * from './pdfTextUri';
export * from './requests';
