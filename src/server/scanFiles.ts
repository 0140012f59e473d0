import { createHash } from 'node:crypto';
import { HttpProblem } from './problem.ts';

/** The magic bytes each accepted scan type starts with. */
const signatures: Record<string, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** The media type the bytes are, by their magic bytes, or undefined. */
export function sniffMediaType(content: Uint8Array): string | undefined {
  return Object.entries(signatures).find(([, magic]) => magic.every((byte, i) => content[i] === byte))?.[0];
}

/**
 * Decode a base64 scan and check it: not empty, at most `maxBytes`, and its magic bytes match the
 * declared media type (a renamed file is refused). 400 naming `contentBase64` otherwise.
 */
export function checkScan(
  contentBase64: string,
  mediaType: string,
  maxBytes: number,
): { content: Buffer; sha256: string } {
  const content = Buffer.from(contentBase64, 'base64');
  const refuse = (message: string) => {
    throw new HttpProblem(400, 'validation.invalid', message, [
      { field: 'contentBase64', code: 'scanInvalid', message },
    ]);
  };
  if (content.length === 0) refuse('ファイルの内容がありません');
  if (content.length > maxBytes) refuse('ファイルは5MB以下にしてください');
  const actual = sniffMediaType(content);
  if (actual !== mediaType) {
    throw new HttpProblem(
      400,
      'consent.scanInvalid',
      actual
        ? `ファイルの中身（${actual}）が指定された形式（${mediaType}）と一致しません。`
        : 'ファイルの中身が PDF・JPEG・PNG のいずれでもありません。',
      [{ field: 'contentBase64', code: 'scanInvalid', message: 'PDF・JPEG・PNG のファイルを選んでください' }],
    );
  }
  return { content, sha256: createHash('sha256').update(content).digest('hex') };
}
