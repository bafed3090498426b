export class UsageError extends Error {
  readonly code = 'USAGE';
}
