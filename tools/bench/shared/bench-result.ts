/** A figure in the result line: a measurement, a count, a goal or a flag; a list for one figure per round. */
export type Figure = number | boolean | string | readonly number[];
export type Figures = Readonly<Record<string, Figure>>;

/** What a benchmark hands back; `ok: false` (a failed check, not a missed goal) makes the run exit 1. */
export interface BenchOutcome {
  readonly figures: Figures;
  readonly ok: boolean;
  /** The figures alone on the result line, without the bench's name: for an issue that specifies the line exactly. */
  readonly bare?: boolean;
}

/** Rounds for the result line: sub-millisecond noise is not information. */
export function rounded(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The last (and only) stdout line: one JSON object that scripts can parse. */
export function printResult(bench: string, figures: Figures, bare = false): void {
  process.stdout.write(`${JSON.stringify(bare ? figures : { bench, ...figures })}\n`);
}
