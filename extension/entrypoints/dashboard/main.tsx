// The full DMARC Lens app (the site's App, hash-routed), packaged in the extension: same features, bundled so it works
// offline, and its data in the extension origin's own IndexedDB — where the inline card's "Save" puts reports.
import { render } from 'preact';
import { App } from '../../../site/src/App';
import '../../../site/src/styles.css';

render(<App />, document.getElementById('app')!);
