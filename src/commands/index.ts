// The commands, by name. Only the command being run is loaded: `aipolicy --help` and light
// commands never pay for the language models, the PDF reader or the renderers of the others.
// The summaries are what the top-level help lists; a test checks them against the commands.
import type { Command } from './commander.js';
import type { CommandContext } from './context.js';

/** A command as the top-level help shows it, and how to load it. */
export interface CommandEntry {
  name: string;
  /** Arguments as commander writes them in the usage line, e.g. `<paths...>`. */
  args: string;
  description: string;
  load: () => Promise<(context: CommandContext) => Command>;
}

export const COMMANDS: CommandEntry[] = [
  {
    name: 'ingest',
    args: '<paths...>',
    description: 'read documents (Markdown, text, HTML, PDF, DOCX; folders, globs, or - for stdin), detect language and themes, store them in the corpus',
    load: async () => (await import('./ingest.js')).ingestCommand,
  },
  {
    name: 'tag',
    args: '<paths...>',
    description: 'print the language and themes of documents, with the passages and terms behind each theme',
    load: async () => (await import('./tag.js')).tagCommand,
  },
  { name: 'list', args: '', description: 'list the documents of the corpus with level, place, language and themes', load: async () => (await import('./list.js')).listCommand },
  {
    name: 'show',
    args: '<id>',
    description: 'show one stored document: metadata, language, themes and their evidence',
    load: async () => (await import('./show.js')).showCommand,
  },
  {
    name: 'explain',
    args: '<document>',
    description: 'show why a document carries each theme: its passages, matched terms and scores',
    load: async () => (await import('./explain.js')).explainCommand,
  },
  {
    name: 'overlap',
    args: '',
    description: 'print which groups cover which themes, and the themes each pair of groups shares',
    load: async () => (await import('./overlap.js')).overlapCommand,
  },
  {
    name: 'gaps',
    args: '',
    description: 'print the themes one group covers and another does not, each marked real gap, not competent or covered by a higher level',
    load: async () => (await import('./gaps.js')).gapsCommand,
  },
  {
    name: 'coverage',
    args: '',
    description: 'check that every group covers the required themes; exit 1 naming each shortfall',
    load: async () => (await import('./coverage.js')).coverageCommand,
  },
  {
    name: 'report',
    args: '',
    description: 'write one report with the coverage, overlap and gap heatmaps and their evidence (HTML by default)',
    load: async () => (await import('./report.js')).reportCommand,
  },
  {
    name: 'diff',
    args: '[before] [after]',
    description: 'compare two corpus snapshots (two folders, or --since a git revision against the working folder): themes gained and lost per group',
    load: async () => (await import('./diff.js')).diffCommand,
  },
  {
    name: 'taxonomy',
    args: '',
    description: 'show the eight themes with their concept and term counts per language',
    load: async () => (await import('./taxonomy.js')).taxonomyCommand,
  },
  {
    name: 'refresh',
    args: '',
    description: 're-analyse documents stored with another taxonomy version or edited by hand',
    load: async () => (await import('./refresh.js')).refreshCommand,
  },
  {
    name: 'verify',
    args: '',
    description:
      'check a corpus: front matter schema, content hashes, stale analyses, duplicate ids and texts, file names, leftover temporary files; exit 1 on any problem',
    load: async () => (await import('./verify.js')).verifyCommand,
  },
];
