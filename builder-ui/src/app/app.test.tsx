import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './app.js';

describe('App', () => {
  it('renders the product name', async () => {
    render(<App />);
    // The router's loaders answer first (a loading state for a moment), then the page.
    expect(await screen.findByRole('heading', { name: 'Guildflow' })).toBeTruthy();
  });
});
