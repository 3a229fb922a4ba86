// The execution timeout: after EXECUTION_TIMEOUT_MS the executor stops resolving and answers with the
// abort reason, 503 TIMEOUT. A client that goes away aborts the execution too (the request's signal).
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, httpError } from '../lib/errors';

export function useExecutionTimeout(timeoutMs: number): Plugin {
  return {
    onExecute({ args }) {
      const controller = new AbortController();
      const timer = setTimeout(
        () =>
          controller.abort(
            httpError(`Execution took longer than ${timeoutMs} ms and was stopped.`, ErrorCode.TIMEOUT, 503),
          ),
        timeoutMs,
      );
      (timer as { unref?: () => void }).unref?.();
      const request = (args.contextValue as { request?: Request }).request;
      const signals = [controller.signal, request?.signal].filter((s): s is AbortSignal => s instanceof AbortSignal);
      (args as { signal?: AbortSignal }).signal = signals.length > 1 ? AbortSignal.any(signals) : controller.signal;
      return {
        onExecuteDone() {
          clearTimeout(timer);
        },
      };
    },
  };
}
