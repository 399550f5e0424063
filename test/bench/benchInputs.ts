// The inputs `npm run bench` reads, in Node and in Chromium: generated reports of the sizes named (MB), and the
// corpus's real records concatenated to 20 MB (corpusConcatenated.ts) when `corpus` is named. Sizes named run alone,
// with the corpus when it is named too; nothing named runs the default sizes and the corpus.
import { writeCorpusConcatenated } from './corpusConcatenated';
import { writeSyntheticReport } from './generateAggregateXml';

export interface BenchInput {
  label: string;
  /** The XML file's name under dist/bench. */
  xmlName: string;
  sizeMB: number;
  /** Writes the XML to `path`; gives its record count. */
  write: (path: string) => Promise<number>;
}

const CORPUS_MB = 20;

const synthetic = (sizeMB: number): BenchInput => ({
  label: `${sizeMB} MB`,
  xmlName: `synthetic-${sizeMB}MB.xml`,
  sizeMB,
  write: (path) => writeSyntheticReport(path, sizeMB * 1e6, sizeMB),
});

const corpus: BenchInput = {
  label: `corpus ${CORPUS_MB} MB`,
  xmlName: `corpus-${CORPUS_MB}MB.xml`,
  sizeMB: CORPUS_MB,
  write: (path) => writeCorpusConcatenated(path, CORPUS_MB * 1e6),
};

/** The inputs `args` (the command's words, options taken out) name, else `defaultSizes` and the corpus. */
export function benchInputs(args: readonly string[], defaultSizes: readonly number[]): BenchInput[] {
  const sizesMB = args.map(Number).filter((n) => n > 0);
  const withCorpus = args.includes('corpus');
  if (sizesMB.length) return [...sizesMB.map(synthetic), ...(withCorpus ? [corpus] : [])];
  return withCorpus ? [corpus] : [...defaultSizes.map(synthetic), corpus];
}
