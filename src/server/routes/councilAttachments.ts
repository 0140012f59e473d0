import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { idParamsSchema } from '../../contract/common.ts';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentMediaTypes,
  attachmentParamsSchema,
  councilAttachmentInputSchema,
  councilAttachmentSchema,
} from '../../contract/council.ts';
import { problemSchema } from '../../contract/problem.ts';
import type { DB } from '../../db/schema.ts';
import { userDisplayName } from '../../db/users.ts';
import { attachment } from '../documents.ts';
import { operations, readErrors } from '../operation.ts';
import { HttpProblem, notFound } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';

/** An upload may also be too large (413) or not the file type it says (415). */
const errors = { ...readErrors, 413: problemSchema, 415: problemSchema };

type MediaType = keyof typeof attachmentMediaTypes;

/** The media type a file name's extension stands for, among the accepted ones. */
export function mediaTypeOf(fileName: string): MediaType | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  for (const [type, extensions] of Object.entries(attachmentMediaTypes)) {
    if ((extensions as readonly string[]).includes(extension)) return type as MediaType;
  }
  return null;
}

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * Whether the bytes are what the extension claims (a renamed executable is not a PDF): binary
 * formats by their signature, text by having no NUL bytes.
 */
export function contentMatches(type: MediaType, bytes: Buffer): boolean {
  switch (type) {
    case 'application/pdf':
      return startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    case 'application/vnd.openxmlformats-officedocument.presentationml.presentation':
      return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]); // zip
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'text/csv':
    case 'text/plain':
      return !bytes.includes(0);
  }
}

function fieldProblem(
  status: number,
  code: 'validation.invalid' | 'payloadTooLarge' | 'unsupportedMediaType',
  field: string,
  message: string,
) {
  return new HttpProblem(status, code, message, [{ field, code, message }]);
}

async function requireMeeting(db: Kysely<DB> | Transaction<DB>, tenantId: string, meetingId: string) {
  const meeting = await db
    .selectFrom('council_meetings')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw notFound();
}

/** 会議資料: files attached to a council meeting (no personal case data belongs here). */
export function councilAttachmentRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const op = operations(app, db, { tags: ['council'], problems: errors });

  r.post(
    '/api/council/meetings/:id/attachments',
    {
      // base64 of a 5 MB file and its JSON envelope
      bodyLimit: 8 * 1024 * 1024,
      config: { access: { permission: 'council.manage' }, audit: ['councilMeeting.attach'] },
      schema: {
        operationId: 'councilMeetings.attach',
        summary:
          'Attach a material to a council meeting (base64 JSON; PDF, Office, CSV, text or image, up to 5 MB)',
        tags: ['council'],
        params: idParamsSchema,
        body: councilAttachmentInputSchema,
        response: { 201: councilAttachmentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, contentBase64 } = request.body;
      const type = mediaTypeOf(fileName);
      if (!type) {
        const accepted = [...new Set(Object.values(attachmentMediaTypes).flat())].join('・');
        throw fieldProblem(
          415,
          'unsupportedMediaType',
          'fileName',
          `添付できるファイルの種類は ${accepted} です`,
        );
      }
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(contentBase64.replace(/\s/g, ''))) {
        throw fieldProblem(
          400,
          'validation.invalid',
          'contentBase64',
          'ファイルの内容を読み取れませんでした（base64 ではありません）',
        );
      }
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length === 0)
        throw fieldProblem(400, 'validation.invalid', 'contentBase64', 'ファイルが空です');
      if (bytes.length > ATTACHMENT_MAX_BYTES) {
        throw fieldProblem(413, 'payloadTooLarge', 'contentBase64', '添付できるファイルは5MBまでです');
      }
      if (!contentMatches(type, bytes)) {
        throw fieldProblem(
          415,
          'unsupportedMediaType',
          'contentBase64',
          `ファイルの内容が拡張子（${fileName.split('.').pop()}）と一致しません`,
        );
      }
      const created = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        await requireMeeting(tx, actor.tenantId, request.params.id);
        const id = randomUUID();
        const row = await tx
          .insertInto('council_meeting_attachments')
          .values({
            id,
            tenant_id: actor.tenantId,
            meeting_id: request.params.id,
            file_name: fileName,
            media_type: type,
            size_bytes: bytes.length,
            content: bytes,
            uploaded_by: actor.userId,
          })
          .returning('created_at')
          .executeTakeFirstOrThrow();
        await audit({
          action: 'councilMeeting.attach',
          resourceType: 'councilMeeting',
          resourceId: request.params.id,
          details: { attachmentId: id, fileName, mediaType: type, sizeBytes: bytes.length },
        });
        return {
          id,
          fileName,
          mediaType: type,
          sizeBytes: bytes.length,
          uploadedBy: {
            id: actor.userId,
            displayName: await userDisplayName(tx, actor.tenantId, actor.userId),
          },
          uploadedAt: row.created_at.toISOString(),
        };
      });
      return reply.code(201).send(created);
    },
  );

  op.get(
    '/api/council/meetings/:id/attachments/:attachmentId',
    {
      operationId: 'councilMeetings.attachment',
      access: { permission: 'council.read' },
      audit: ['councilMeeting.attachmentRead'],
      summary: 'Download one material of a council meeting',
      params: attachmentParamsSchema,
      response: { 200: z.any() },
    },
    async ({ request, reply, actor, tx, audit }) => {
      const row = await tx
        .selectFrom('council_meeting_attachments')
        .select(['id', 'file_name', 'media_type', 'content'])
        .where('tenant_id', '=', actor.tenantId)
        .where('meeting_id', '=', request.params.id)
        .where('id', '=', request.params.attachmentId)
        .executeTakeFirst();
      if (!row) throw notFound();
      await audit({
        action: 'councilMeeting.attachmentRead',
        resourceType: 'councilMeeting',
        resourceId: request.params.id,
        details: { attachmentId: row.id, fileName: row.file_name },
      });
      const file = row;
      return reply
        .header('content-type', file.media_type)
        .header('content-disposition', attachment(file.file_name))
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );
}
