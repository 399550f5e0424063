// The full DMARC Lens app (the site's App, hash-routed), packaged in the extension: same features, bundled so it works
// offline, and its data in the extension origin's own IndexedDB — where the inline card's "Save" puts reports. One
// view is the extension's own: `#/watch`, the alerts and weekly digest (a notification opens it).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { App } from '../../../site/src/App';
import { WatchPage } from '../../ui/WatchPage';
import '../../../site/src/styles.css';

const isWatchRoute = () => /^#\/watch(?:[/?]|$)/.test(location.hash);

function Dashboard() {
  const [watch, setWatch] = useState(isWatchRoute);
  useEffect(() => {
    const update = () => setWatch(isWatchRoute());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return watch ? <WatchPage /> : <App />;
}

render(<Dashboard />, document.getElementById('app')!);
