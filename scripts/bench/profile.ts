/**
 * Where a process spent its CPU, from a `.cpuprofile` the benchmark's
 * `--profile DIR` wrote: self time by package (or our own directory) and
 * by function, busiest first.
 *
 *   npx tsx scripts/bench/profile.ts DIR/CPU.….cpuprofile [functions=30]
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** What a frame belongs to: an npm package, a Node built-in, our own directory, or V8's own bookkeeping. */
function groupOf({ url, functionName }: ProfileNode['callFrame']): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url;
  const ours = /\/(activities|src|workflows|scripts)\/([^/]+)/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (/workflow-bundle/.test(url)) return 'workflow bundle';
  return functionName.startsWith('(') ? functionName : 'native';
}

function main(file: string, top: number): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = frames.get(id)!;
    total += us;
    const fn = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '')}:${frame.lineNumber + 1}`;
    byGroup.set(groupOf(frame), (byGroup.get(groupOf(frame)) ?? 0) + us);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  const idle = byGroup.get('(idle)') ?? 0;
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${((total - idle) / 1e6).toFixed(1)} s busy`);
  const print = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .forEach(([k, us]) => console.log(`${(us / 1e3).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`));
  console.log('-- by package');
  print(byGroup, 20);
  console.log('-- by function');
  print(byFunction, top);
}

const [file, top = '30'] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx scripts/bench/profile.ts FILE.cpuprofile [functions]');
  process.exit(2);
}
main(file, Number(top));
