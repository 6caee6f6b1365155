/** A horizontal run of dark modules on one row of a QR matrix. */
export interface DarkRun {
  x: number;
  y: number;
  width: number;
}

/**
 * Dark modules joined into horizontal runs: a link's code has a few hundred
 * of them, and one SVG rect per run instead of per module keeps the page light
 * (and leaves no hairline seams between neighbours when scaled).
 */
export function darkRuns(matrix: readonly (readonly boolean[])[]): DarkRun[] {
  const runs: DarkRun[] = [];
  matrix.forEach((row, y) => {
    let start = -1;
    for (let x = 0; x <= row.length; x++) {
      const dark = x < row.length && row[x] === true;
      if (dark && start === -1) start = x;
      if (!dark && start !== -1) {
        runs.push({ x: start, y, width: x - start });
        start = -1;
      }
    }
  });
  return runs;
}
