import { describe, expect, it } from 'vitest';
import { consentCategories } from '../../src/contract/consents.ts';
import { consentCategoryOfKind } from '../../src/db/consents.ts';
import { sensitiveFactKinds } from '../../src/domain/codeLists.ts';
import { HttpProblem } from '../../src/server/problem.ts';
import { checkScan, sniffMediaType } from '../../src/server/scanFiles.ts';

describe('consentCategoryOfKind', () => {
  it('maps every sensitive fact kind to the consent category that must cover sharing it', () => {
    expect(
      Object.fromEntries(sensitiveFactKinds.map((k) => [k.code, consentCategoryOfKind(k.code)])),
    ).toEqual({
      offence: 'offence',
      illness: 'health',
      disability: 'health',
      dvVictim: 'victimisation',
    });
    const categories = consentCategories.map((c) => c.code as string);
    for (const kind of sensitiveFactKinds) expect(categories).toContain(consentCategoryOfKind(kind.code));
  });
});

const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('sniffMediaType', () => {
  it('recognises PDF, PNG and JPEG by their magic bytes and nothing else', () => {
    expect(sniffMediaType(pdf)).toBe('application/pdf');
    expect(sniffMediaType(png)).toBe('image/png');
    expect(sniffMediaType(jpeg)).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('%PD'))).toBeUndefined();
    expect(sniffMediaType(new Uint8Array())).toBeUndefined();
  });
});

describe('checkScan', () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof HttpProblem)
        return { status: error.status, code: error.code, fields: error.errors };
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it('returns the bytes and their SHA-256 when the content is what it claims', () => {
    const result = checkScan(png.toString('base64'), 'image/png', 100);
    expect(result.content.equals(png)).toBe(true);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses empty, oversized and disguised files, naming contentBase64', () => {
    expect(refusal(() => checkScan('', 'application/pdf', 100))).toMatchObject({
      status: 400,
      code: 'validation.invalid',
      fields: [{ field: 'contentBase64' }],
    });
    expect(refusal(() => checkScan(pdf.toString('base64'), 'application/pdf', 4))).toMatchObject({
      code: 'validation.invalid',
      fields: [{ field: 'contentBase64' }],
    });
    expect(refusal(() => checkScan(png.toString('base64'), 'application/pdf', 100))).toMatchObject({
      code: 'consent.scanInvalid',
      fields: [{ field: 'contentBase64' }],
    });
    expect(refusal(() => checkScan(jpeg.toString('base64'), 'image/png', 100))).toMatchObject({
      code: 'consent.scanInvalid',
    });
  });
});
