import { describe, expect, it } from 'vitest';
import { buildCalibration, FEATURES, scoreFeatures } from '../../src/core/calibration.js';
import { collectEvidence } from '../../src/core/evidence.js';
import { tagPassageText } from '../../src/core/tag.js';
import { loadLexicon } from '../../src/workflows/lexicon.js';

const lexicon = loadLexicon();

describe('collectEvidence', () => {
  it('discounts a theme named once in a list of themes, and says why', () => {
    const evidence = collectEvidence(lexicon, 'AI helpt bij veel uitdagingen: gezondheid, mobiliteit, klimaatverandering en onderwijs.', 'nl');
    const health = evidence.themes.find((t) => t.theme === 'healthcare')!;
    expect(health.matches[0]!.discount).toBe('list');
    expect(health.strength).toBeLessThan(health.rawStrength);
  });

  it('counts general words on rules and risks only in a passage about AI', () => {
    const text = 'De nieuwe regels beperken de risico’s en zorgen voor toezicht.';
    expect(collectEvidence(lexicon, text, 'nl').themes.find((t) => t.theme === 'trustworthy-ai')).toBeUndefined();
    const inAiDocument = collectEvidence(lexicon, text, 'nl', { documentAboutAi: true });
    expect(inAiDocument.themes.find((t) => t.theme === 'trustworthy-ai')!.concepts).toEqual(['ai-risks', 'oversight', 'rules']);
  });

  it('never takes cybersecurity from veiligheid, sécurité or Sicherheit alone', () => {
    for (const [text, language] of [
      ['De veiligheid in de stad en de openbare orde.', 'nl'],
      ['La sécurité des citoyens et la sécurité routière.', 'fr'],
      ['Die Sicherheit aller Bürger.', 'de'],
    ] as const) {
      expect(collectEvidence(lexicon, text, language).themes.map((t) => t.theme)).not.toContain('cybersecurity');
    }
  });

  it('does not read French données, formation or environnement through their Porter stems', () => {
    const themes = collectEvidence(lexicon, 'Il donne environ une information sur le format.', 'fr').themes.map((t) => t.theme);
    expect(themes).toEqual([]);
  });
});

describe('calibration', () => {
  it('scores between 0 and 1 and grows with the evidence', () => {
    const calibration = lexicon.taxonomy.calibration;
    const weak = scoreFeatures(calibration, 'data', [0.35, 0.35, 0.35, 1, Math.log1p(1), 1, 1, 0, 0, 0, 0]);
    const strong = scoreFeatures(calibration, 'data', [2.5, 2.5, 1, 3, Math.log1p(5), 1, 1, 0, 0, 1, 1]);
    expect(weak).toBeGreaterThan(0);
    expect(strong).toBeLessThan(1);
    expect(strong).toBeGreaterThan(weak);
    expect(FEATURES).toHaveLength(11);
  });

  it('refuses calibration data that does not fit the taxonomy', () => {
    expect(() => buildCalibration({ weights: {}, intercepts: {} }, ['data'])).toThrow(/weights.strength must be a number/);
  });

  it('never lets weak terms alone carry a theme, even in a short passage', () => {
    expect(tagPassageText(lexicon, 'Die Sicherheit aller Bürger hat Vorrang.', 'de').filter((t) => t.asserted)).toEqual([]);
    expect(tagPassageText(lexicon, '2. De cyberveiligheid waarborgen', 'nl').filter((t) => t.asserted).map((t) => t.theme)).toEqual(['cybersecurity']);
  });
});
