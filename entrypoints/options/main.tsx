import { render } from 'preact';
import '../../src/zod-setup';
import '../../src/popup/popup.css';
import { OptionsApp } from '../../src/popup/options/options-app';

render(<OptionsApp />, document.getElementById('app')!);
