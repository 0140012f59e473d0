// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Section } from './section.tsx';

afterEach(cleanup);

describe('Section', () => {
  it('is a region named by its own heading, at the level asked', () => {
    render(
      <Section id="case-origin" title="相談の経緯" level={3}>
        <p>本文</p>
      </Section>,
    );
    const region = screen.getByRole('region', { name: '相談の経緯' });
    expect(region.getAttribute('class')).toBe('flex flex-col gap-4');
    expect(screen.getByRole('heading', { level: 3, name: '相談の経緯' }).id).toBe('case-origin');
  });

  it('keeps a hidden title for screen readers only', () => {
    render(
      <Section id="audit-export" title="CSVで保存" size="hidden" className="flex flex-col gap-3">
        <p>本文</p>
      </Section>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'CSVで保存' }).className).toBe('sr-only');
  });

  it('keeps a lead with its heading, above the content', () => {
    render(
      <Section id="minutes" title="議事録" lead="決まったことを記録します。">
        <p>本文</p>
      </Section>,
    );
    const heading = screen.getByRole('heading', { level: 2, name: '議事録' });
    expect(heading.parentElement?.tagName).toBe('DIV');
    expect(heading.nextElementSibling?.textContent).toBe('決まったことを記録します。');
  });
});
