// The AWS reference stack is declared in a later step (issue 6); until then the
// aws target has no plan, and says so instead of pretending.
export const plan: never = (() => {
  throw new Error('the "aws" stack is not declared yet: use --stack local');
})();
