import { render } from 'preact';
import { StudioApi } from '../api/studio-client.js';
import { StudioApp } from './studio-app.js';
import './studio.css';

/**
 * The studio's entry: loaded only on /studio addresses (its own chunk), never
 * by the public explorer. It draws into the page's app element, which the
 * server leaves empty for studio addresses (nothing of it is server-rendered).
 */
export function startStudio(root: HTMLElement): void {
  root.textContent = '';
  render(<StudioApp api={new StudioApi()} />, root);
  document.documentElement.dataset.studio = 'ready';
}
