import { render } from 'preact';
import './styles.css';

function App() {
  return (
    <main class="mx-auto max-w-3xl p-8 font-sans">
      <h1 class="text-3xl font-bold">DMARC Lens</h1>
      <p class="mt-4">Read DMARC aggregate, failure and SMTP TLS reports entirely in your browser.</p>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
