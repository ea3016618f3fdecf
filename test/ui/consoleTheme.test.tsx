import { render, screen } from '@testing-library/react';
import { CircularProgress, createTheme, ThemeProvider } from '@mui/material';
import { describe, expect, it } from 'vitest';
import { consoleTheme } from '../../admin-ui/console/layout/consoleTheme';

describe('the console theme', () => {
  it('names every spinner, which assistive technology reads as a progress bar (axe: aria-progressbar-name)', () => {
    render(
      <ThemeProvider theme={createTheme(consoleTheme)}>
        <CircularProgress />
      </ThemeProvider>,
    );
    expect(screen.getByRole('progressbar', { name: '加载中 · Loading' })).toBeInTheDocument();
  });
});
