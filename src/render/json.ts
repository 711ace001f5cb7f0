// JSON output: the interface other programs rely on (see README, "JSON output").
import { stringifyJsonSafeAt, stringifyJsonSafePieces } from '../core/json-safe.js';
import type { AnalysisScope, CoverageDiff, CoverageMatrix, DocumentView, GapReport, ListedDocument, OverlapMatrix, TagResult, ThemeHit } from '../model.js';
import type { Report } from './index.js';

/** Returns the report as pretty-printed JSON, always valid, ending with a newline. */
export function renderJson(report: Report): string {
  return [...renderJsonPieces(report)].join('');
}

/** Results per piece of a long ingest report. */
const RESULTS_PER_PIECE = 1000;

/**
 * Returns renderJson(report) in pieces: an ingest of 100,000 inputs, or a list of 100,000
 * documents, is written a thousand results at a time, and any other report in pieces of about
 * 64 KB: none is held as one string.
 */
export function* renderJsonPieces(report: Report): Iterable<string> {
  if (report.kind === 'list' && report.documents.length > RESULTS_PER_PIECE) {
    const { documents } = report;
    yield '[\n';
    for (let at = 0; at < documents.length; at += RESULTS_PER_PIECE) {
      const piece = documents.slice(at, at + RESULTS_PER_PIECE).map((d) => `  ${stringifyJsonSafeAt(listedJson(d), 1)}`);
      yield `${piece.join(',\n')}${at + RESULTS_PER_PIECE < documents.length ? ',\n' : '\n'}`;
    }
    yield ']\n';
    return;
  }
  if (report.kind !== 'ingest' || report.results.length <= RESULTS_PER_PIECE) {
    // A matrix of 100,000 documents is 28 MB of JSON (the manifest, the cells' documents): written in pieces.
    // The newline goes with the last piece: a short report still comes as one piece.
    let previous: string | undefined;
    for (const piece of stringifyJsonSafePieces(toJson(report))) {
      if (previous !== undefined) yield previous;
      previous = piece;
    }
    yield `${previous ?? ''}\n`;
    return;
  }
  yield `{\n  "dryRun": ${report.dryRun},\n  "results": [\n`;
  const { results } = report;
  for (let at = 0; at < results.length; at += RESULTS_PER_PIECE) {
    const piece = results.slice(at, at + RESULTS_PER_PIECE).map((r) => `    ${stringifyJsonSafeAt(r, 2)}`);
    yield `${piece.join(',\n')}${at + RESULTS_PER_PIECE < results.length ? ',\n' : '\n'}`;
  }
  yield `  ]${report.skipped ? `,\n  "skipped": ${stringifyJsonSafeAt(report.skipped, 1)}` : ''}\n}\n`;
}

/** A document of `list`: its id and metadata, language, themes with scores, and whether it is stale. */
function listedJson(d: ListedDocument): unknown {
  return { id: d.id, ...d.meta, language: d.language, themes: d.themes.map((t) => ({ id: t.id, score: t.score })), stale: d.stale };
}

function toJson(report: Report): unknown {
  switch (report.kind) {
    case 'tag':
      return report.results.map(tagJson);
    case 'ingest':
      return { dryRun: report.dryRun, results: report.results, ...(report.skipped ? { skipped: report.skipped } : {}) };
    case 'list':
      return report.documents.map(listedJson);
    case 'show':
      return documentJson(report.document);
    case 'overlap':
      return {
        ...coverageJson(report.overlap.coverage, report.scope),
        overlap: overlapCellsJson(report.overlap),
        ...(report.overlap.passages ? { passages: report.overlap.passages } : {}),
        manifest: report.scope.manifest,
      };
    case 'gaps':
      return { ...coverageJson(report.gaps.coverage, report.scope), ...gapsJson(report.gaps), manifest: report.scope.manifest };
    case 'coverage':
      return {
        passed: report.check.passed,
        required: report.check.required,
        shortfalls: report.check.shortfalls,
        ...(report.check.baseline === undefined ? {} : { baseline: report.check.baseline }),
        ...coverageJson(report.check.coverage, report.scope),
        manifest: report.scope.manifest,
      };
    case 'report':
      return {
        ...coverageJson(report.overlap.coverage, report.scope),
        overlap: overlapCellsJson(report.overlap),
        ...gapsJson(report.gaps),
        manifest: report.scope.manifest,
      };
    case 'diff':
      return diffJson(report.diff);
    case 'taxonomy':
      return report.taxonomy;
    case 'explain':
      return report.explanation;
    case 'verify':
      return report.verify;
  }
}

function tagJson(result: TagResult): unknown {
  if (result.error !== undefined || !result.analysis) return { source: result.source, error: result.error ?? 'not analysed' };
  return {
    source: result.source,
    language: result.analysis.language,
    languages: result.analysis.languages,
    themes: themesJson(result.analysis.themes),
  };
}

function themesJson(themes: ThemeHit[]): unknown {
  return themes.map((t) => ({
    id: t.id,
    score: t.score,
    evidence: t.evidence.map((e) => ({
      text: e.text,
      terms: e.terms,
      start: e.start,
      end: e.end,
      ...(e.page === undefined ? {} : { page: e.page }),
    })),
  }));
}

function documentJson(d: DocumentView): unknown {
  return {
    id: d.id,
    ...d.meta,
    language: d.language,
    languages: d.languages,
    themes: themesJson(d.themes),
    stale: d.stale,
    contentHash: d.contentHash,
    taxonomyVersion: d.taxonomyVersion,
    ...(d.encoding === undefined ? {} : { encoding: d.encoding }),
    ...(d.pageCount === undefined ? {} : { pages: d.pageCount }),
  };
}

function coverageJson(coverage: CoverageMatrix, scope?: AnalysisScope): Record<string, unknown> {
  return {
    by: coverage.by,
    minDocs: coverage.minDocs,
    minScore: coverage.minScore,
    groups: coverage.groups.map((g) => ({ key: g.key, documents: g.documents.length })),
    themes: coverage.themes,
    coverage: coverage.themes.map((theme, t) => ({
      theme,
      cells: coverage.cells[t]!.map((c) => ({
        group: c.group,
        covered: c.covered,
        strength: c.strength,
        count: c.documents.length,
        score: c.score,
        documents: c.documents,
        ...(scope?.evidence ? { evidence: c.evidence[0] ?? null } : {}),
      })),
    })),
  };
}

function overlapCellsJson(overlap: OverlapMatrix): unknown {
  return overlap.cells.flat().map((c) => ({ a: c.a, b: c.b, shared: c.shared, count: c.shared.length, jaccard: c.jaccard }));
}

function gapsJson(gaps: GapReport): Record<string, unknown> {
  return { competenceVersion: gaps.competenceVersion, gaps: gaps.gaps };
}

function diffJson(diff: CoverageDiff): unknown {
  return {
    by: diff.after.by,
    before: diff.beforeLabel,
    after: diff.afterLabel,
    added: diff.added,
    removed: diff.removed,
    changes: diff.changes,
    coverageBefore: coverageJson(diff.before),
    coverageAfter: coverageJson(diff.after),
  };
}
