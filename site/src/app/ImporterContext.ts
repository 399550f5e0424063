// The App's one ImportController, reachable from every page (drop anywhere, the Import page, the empty dashboard).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ImportController } from '../import/ImportController';

export const ImporterContext = createContext<ImportController | null>(null);

export function useImporter(): ImportController {
  const importer = useContext(ImporterContext);
  if (!importer) throw new Error('useImporter outside <App>');
  return importer;
}
