// The one error the ingestion reports to the user: a clear message, and nothing written.
export class IngestError extends Error {
  constructor(
    message: string,
    readonly metadata?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
