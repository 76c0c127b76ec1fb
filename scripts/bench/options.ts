/** The benchmark's flags; `--quick` scales everything down to a smoke run. */
import { parseArgs } from 'node:util';
import type { Topology } from './target';

export interface BenchOptions {
  quick: boolean;
  topologies: Topology[];
  sections: Set<string>;
  intakeConcurrency: number;
  intakePhaseSeconds: number;
  intakeRounds: number;
  e2eCases: number;
  e2eConcurrency: number;
  seedCases: number;
  seedTasks: number;
  readConcurrency: number;
  readSeconds: number;
  openCases: number;
  openCasesBudgetSeconds: number;
  mixedPerType: number;
  out?: string;
  /** Where the API and worker processes write CPU profiles (`--cpu-prof`), if anywhere. */
  profileDir?: string;
}

export const SECTIONS = ['intake', 'e2e', 'reads', 'mixed', 'memory'] as const;

const USAGE = `npm run bench [-- options]
  --quick                 a smoke run (about 3 minutes): every section, scaled down
  --topology T            dev (default: Temporal dev server, 1 API, 1 worker),
                          prod-like (Temporal server on PostgreSQL, 2 APIs, 2 workers), or both
  --only a,b              sections to run: ${SECTIONS.join(', ')}
  --seconds N             length of each intake phase (default 10; quick 3)
  --cases N               refunds end to end (default 200; quick 40)
  --seed-cases N          cases seeded for the reads (default 100000; quick 10000), 3 tasks each
  --open-cases N          open cases for the worker memory (default 10000; quick 500)
  --open-cases-budget S   at most S seconds to open them (default 300; quick 60)
  --mixed N               cases of each process in the mixed load (default 20; quick 5)
  --out FILE              also write the report (markdown) to FILE
  --profile DIR           the API and worker processes write CPU profiles (.cpuprofile) to DIR
                          when they stop; read them with Chrome DevTools or speedscope`;

export function parseOptions(argv = process.argv.slice(2)): BenchOptions {
  const { values: a } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      topology: { type: 'string', default: 'dev' },
      only: { type: 'string' },
      seconds: { type: 'string' },
      cases: { type: 'string' },
      'seed-cases': { type: 'string' },
      'open-cases': { type: 'string' },
      'open-cases-budget': { type: 'string' },
      mixed: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (a.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const q = a.quick;
  const num = (v: string | undefined, full: number, quick: number) => {
    const n = v === undefined ? (q ? quick : full) : Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive whole number, got ${v}\n${USAGE}`);
    return n;
  };
  const topologies = a.topology === 'both' ? (['dev', 'prod-like'] as Topology[]) : [a.topology as Topology];
  if (!topologies.every((t) => t === 'dev' || t === 'prod-like')) throw new Error(`unknown topology ${a.topology}\n${USAGE}`);
  const sections = new Set(a.only ? a.only.split(',') : SECTIONS);
  for (const s of sections) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section ${s}\n${USAGE}`);
  const seedCases = num(a['seed-cases'], 100_000, 10_000);
  return {
    quick: q,
    topologies,
    sections,
    intakeConcurrency: 10,
    intakePhaseSeconds: num(a.seconds, 10, 3),
    intakeRounds: q ? 2 : 4,
    e2eCases: num(a.cases, 200, 40),
    e2eConcurrency: 10,
    seedCases,
    seedTasks: seedCases * 3,
    readConcurrency: 4,
    readSeconds: q ? 2 : 5,
    openCases: num(a['open-cases'], 10_000, 500),
    openCasesBudgetSeconds: num(a['open-cases-budget'], 300, 60),
    mixedPerType: num(a.mixed, 20, 5),
    out: a.out,
    profileDir: a.profile,
  };
}
