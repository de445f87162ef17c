// A sleep that ends early when `signal` aborts, and removes its abort listener
// either way: loops that sleep many times a second must not pile up listeners.
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((ok) => {
    if (signal?.aborted) return ok();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      ok();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
