import { render } from 'preact';
import '../../src/zod-setup';
import '../../src/popup/popup.css';
import { App } from '../../src/popup/App';

render(<App />, document.getElementById('app')!);
