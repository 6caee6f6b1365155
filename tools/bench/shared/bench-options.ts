/** `--quick`: a smaller run that finishes in under 30 s, for trying things and CI. */
export interface BenchOptions {
  readonly quick: boolean;
}
