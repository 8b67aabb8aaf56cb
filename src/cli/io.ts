/** What a command may touch of the process: its streams, environment, folder and stop signal. */
export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on the first SIGINT or SIGTERM: a run then stops and still writes its report. */
  signal: AbortSignal;
}
