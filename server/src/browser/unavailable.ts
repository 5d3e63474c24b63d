// What the browser build says of Node-only features (the PDF reader, the disk, the terminal tool).

export const NOT_IN_THE_BROWSER = 'not available in VS Code for the Web';

/** A stand-in for a Node function: it throws, saying which one, when it is called. */
export function unavailable(name: string): (...args: unknown[]) => never {
  return () => {
    throw new Error(`${name} is ${NOT_IN_THE_BROWSER}`);
  };
}
