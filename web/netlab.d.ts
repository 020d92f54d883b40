// The page's handle for the e2e tests and the benchmark (set by main.tsx and embed/main.tsx).
declare global {
  interface Window {
    /** for the e2e tests and the benchmark */
    __netlab?: { crashWorker(): void; interactiveAt?: number; run(term: string, text: string): void };
  }
}

export {};
