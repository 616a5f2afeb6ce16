/** The page's entry: reads where the APIs are from the query string and shows what it found. */
import { loadDashboard } from './dashboard.js';

const query = new URLSearchParams(location.search);
const setting = (name: string) => query.get(name) ?? '';
const output = document.querySelector('#summary');

loadDashboard({
  kfpV1Url: setting('kfpV1'),
  kfpV2Url: setting('kfpV2'),
  seldonUrl: setting('seldon'),
  token: setting('token'),
}).then(
  (summary) => {
    if (output) output.textContent = JSON.stringify(summary);
    document.body.dataset.state = 'done';
  },
  (error: unknown) => {
    if (output)
      output.textContent = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    document.body.dataset.state = 'failed';
  },
);
