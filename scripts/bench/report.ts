/** The report: the machine and commit it ran on, then every figure as a ratio to its limit. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { ratio, type Figure } from './stats';

export function machine(): string {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : '';
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  return (
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${git('rev-parse', '--short', 'HEAD')}${dirty} · ` +
    `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}) · ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM · Node ${process.version} · load average ${load} (1/5/15 min)`
  );
}

export function table(figures: readonly Figure[]): string {
  const lines: string[] = [];
  let section = '';
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      lines.push('', `**${section}**`, '', '| figure | measured | limit | ratio | target | met |', '| --- | ---: | ---: | ---: | :---: | :---: |');
    }
    const met = f.met === undefined ? '' : f.met ? 'yes' : '**no**';
    lines.push(`| ${f.what} | ${f.value} | ${f.limit} | ${f.ratio === undefined || !Number.isFinite(f.ratio) ? '' : ratio(f.ratio)} | ${f.target ?? ''} | ${met} |`);
  }
  return lines.join('\n');
}
