import type { BenchOptions } from '../args';
import type { BenchSizes } from '../config';
import type { Backlog } from '../data/backlog';

/** What every group of figures is given. */
export interface BenchContext {
  readonly options: BenchOptions;
  readonly sizes: BenchSizes;
  /** The repository root (sources: the peer pages). */
  readonly root: string;
  /** The root of the build snapshot browser mode runs from (`out/main/serve.js`). */
  readonly build: string;
  /** A temp folder for databases, CSV files and the peer build; removed at the end unless --keep. */
  readonly work: string;
  readonly backlog: Backlog;
  log(message: string): void;
}
