import type { Check, Comparison, Figure, Results } from './results-schema';

const number = (value: number, unit: string): string => {
  const digits = Math.abs(value) >= 100 || unit === 'rows/s' ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
};

const verdict = (pass: boolean | null): string => (pass === null ? '—' : pass ? 'met' : '**missed**');

const checkText = (check: Check | null): string => (check ? `${check.text} (${check.statistic})` : '—');

const comparisonText = (c: Comparison): string => `${c.against}: ${number(c.median, c.unit)}`;

const ratioText = (c: Comparison): string =>
  `${c.ratio.toFixed(2)}× (${c.ratioMeaning}${c.ratioTarget ? `; target ${c.ratioTarget.text}: ${verdict(c.pass)}` : ''})`;

function rows(f: Figure, cores: number): string[] {
  const head = [f.title, String(f.n), number(f.median, f.unit), number(f.p95, f.unit), checkText(f.target), verdict(f.targetPass)];
  if (f.comparisons.length === 0) return [`| ${[...head, '—', '—', verdict(f.pass), String(cores)].join(' | ')} |`];
  return f.comparisons.map((c, i) => {
    const cells = i === 0 ? head : ['↳ (same figure)', '', '', '', '', ''];
    return `| ${[...cells, comparisonText(c), ratioText(c), i === 0 ? verdict(f.pass) : '', String(cores)].join(' | ')} |`;
  });
}

function details(f: Figure): string[] {
  if (f.whereTheTimeGoes.length === 0 && f.notes.length === 0) return [];
  const out = [`### ${f.title} — ${verdict(f.pass)}`, ''];
  for (const note of f.notes) out.push(`- ${note}`);
  if (f.notes.length) out.push('');
  for (const section of f.whereTheTimeGoes) out.push(`**${section.title}**`, '', '```', ...section.lines, '```', '');
  return out;
}

/** `bench/results.md`: the table, then where the time goes for each figure that has a breakdown (missed ones first). */
export function toMarkdown(results: Results): string {
  const m = results.machine;
  const missed = results.figures.filter((f) => f.pass === false);
  const rest = results.figures.filter((f) => f.pass !== false);
  return [
    `# Modboard benchmark (${results.mode} run)`,
    '',
    `${results.startedAt} · ${m.cores} cores (${m.cpu}) · ${m.memoryGB} GB · ${m.platform} · Node ${m.node} · SQLite ${m.sqliteModule} (shell ${m.sqliteCli}) · Chromium ${m.chromium} · ${Math.round(results.durationSeconds)} s · load average ${m.loadAtStart} at start, ${m.loadAtEnd} at end`,
    '',
    `Sizes: ${Object.entries(results.sizes).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}.`,
    '',
    '| figure | n | median | p95 | target | target met | measured against, same run (median) | ratio | verdict | cores |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.figures.flatMap((f) => rows(f, m.cores)),
    '',
    ...(results.errors.length ? ['## Errors (the bench itself failed here)', '', ...results.errors.map((e) => `- ${e.group}: ${e.message}`), ''] : []),
    `## Where the time goes`,
    '',
    ...[...missed, ...rest].flatMap(details),
  ].join('\n');
}
