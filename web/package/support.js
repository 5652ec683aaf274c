// Support for the wasm module (pc_wasm.js imports this file): the error class and the async
// iterator protocol, which a class exported from Rust cannot provide.

/**
 * A failed Partner Center call. `kind` says what failed; `status`, `code`, `description`,
 * `requestId` and `correlationId` are Partner Center's (quote the IDs to Microsoft support).
 */
export class PartnerCenterError extends Error {
  constructor(message, details) {
    super(message);
    this.name = "PartnerCenterError";
    Object.assign(this, details);
  }
}

/**
 * An async iterator over a wasm cursor (`Pages`): `next()` calls are queued so only one page
 * request runs at a time; the cursor is freed when the iteration ends, fails or is left early
 * (`break` in `for await` calls `return()`).
 */
export function pagesIterator(pages) {
  let queue = Promise.resolve();
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      pages.free();
    }
  };
  const step = () => {
    if (finished) {
      return { value: undefined, done: true };
    }
    return pages.next().then(
      (result) => {
        if (result.done) {
          finish();
        }
        return result;
      },
      (error) => {
        finish();
        throw error;
      },
    );
  };
  return {
    next() {
      const result = queue.then(step);
      queue = result.catch(() => {});
      return result;
    },
    return(value) {
      const result = queue.then(() => {
        finish();
        return { value, done: true };
      });
      queue = result;
      return result;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
